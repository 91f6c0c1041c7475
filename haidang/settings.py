"""Hải Đăng settings: one env-driven file that runs with no configuration.

Embedded default: SQLite + Huey on SQLite, all state under HAIDANG_VAR.
Scale-out: DATABASE_URL (PostgreSQL) and REDIS_URL (Huey on Redis, shared LSH index).
Every variable is listed in README.md.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent


def envbool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        sys.exit(f"haidang: {name} must be an integer, got {value!r}")


def envstr(name: str, default: str = "") -> str:
    return os.environ.get(name, default) or default


def envlist(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in envstr(name, default).split(",") if part.strip()]


# Test runs are detected so that Huey runs tasks inline; an explicit env var wins.
TESTING = "pytest" in sys.modules or envbool("HAIDANG_TESTING")

# --- State folder -----------------------------------------------------------
# The one folder that holds state: SQLite file, Huey's file, evidence store, generated key.
VAR_DIR = Path(envstr("HAIDANG_VAR", str(BASE_DIR / "var"))).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)
EVIDENCE_DIR = VAR_DIR / "evidence"
MODELS_DIR = VAR_DIR / "models"


def _secret_key() -> str:
    """Use SECRET_KEY from the environment, else one generated once into var/."""
    given = os.environ.get("SECRET_KEY")
    if given:
        return given
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        # O_EXCL: two processes starting together must not write two keys.
        try:
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_urlsafe(50))
        except FileExistsError:
            pass
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = envbool("DEBUG", False)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")
SITE_URL = envstr("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI and Redoc files served from here: no CDN
    "django_htmx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "huey.contrib.djhuey",
    "haidang.core",
    "haidang.workdays",
    "haidang.audit",
    "haidang.agencies",
    "haidang.sources",
    "haidang.content",
    "haidang.analysis",
    "haidang.alerts",
    "haidang.cases",
    "haidang.grievances",
    "haidang.coordination",
    "haidang.claims",
    "haidang.reports",
    "haidang.api",
    "haidang.desk",
    "haidang.accounts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "haidang.core.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "haidang.core.middleware.VietnameseFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): the second factor of this session
    "haidang.accounts.middleware.RequireSecondFactorMiddleware",  # leaders' sessions without it are closed
    "haidang.core.middleware.NoStoreForAuthenticatedMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it reads the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "haidang.urls"
WSGI_APPLICATION = "haidang.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "haidang.agencies.context_processors.haidang",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------
SQLITE_PATH = VAR_DIR / "haidang.sqlite3"


# The lock-safe SQLite options, whichever way SQLite is chosen (default or DATABASE_URL=sqlite:///…).
SQLITE_OPTIONS = {
    # IMMEDIATE: take the write lock at BEGIN, so concurrent writers queue on
    # the busy timeout instead of failing with "database is locked" mid-transaction.
    "transaction_mode": "IMMEDIATE",
    "timeout": 30,
    "init_command": (
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=FULL;"
        "PRAGMA busy_timeout=30000;"
        "PRAGMA foreign_keys=ON;"
    ),
}


# Django's SQLite backend plus a fair write gate (web writes do not starve behind the worker's).
SQLITE_ENGINE = "haidang.core.db_sqlite"


def _database() -> dict:
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return {"ENGINE": SQLITE_ENGINE, "NAME": SQLITE_PATH, "OPTIONS": dict(SQLITE_OPTIONS)}
    import dj_database_url

    try:
        config = dj_database_url.parse(url, conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60))
    except Exception as exc:  # noqa: BLE001 - any parse failure is a configuration error
        sys.exit(f"haidang: invalid DATABASE_URL ({exc.__class__.__name__}: {exc})")
    engine = config.get("ENGINE", "")
    if engine not in {"django.db.backends.postgresql", "django.db.backends.sqlite3"}:
        sys.exit(f"haidang: invalid DATABASE_URL: unsupported database engine {engine!r}")
    if engine == "django.db.backends.postgresql" and not config.get("NAME"):
        sys.exit("haidang: invalid DATABASE_URL: no database name")
    if engine == "django.db.backends.sqlite3":
        config["ENGINE"] = SQLITE_ENGINE
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Task queue (Huey) ------------------------------------------------------
REDIS_URL = envstr("REDIS_URL", "")
HUEY_IMMEDIATE = envbool("HAIDANG_HUEY_IMMEDIATE", TESTING)
if REDIS_URL:
    HUEY = {
        "huey_class": "huey.PriorityRedisHuey",
        "name": "haidang",
        "url": REDIS_URL,
        "immediate": HUEY_IMMEDIATE,
        "consumer": {"workers": envint("HAIDANG_WORKERS", 2), "worker_type": "thread"},
    }
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "haidang",
        "filename": str(VAR_DIR / "huey.sqlite3"),
        "immediate": HUEY_IMMEDIATE,
        "consumer": {"workers": envint("HAIDANG_WORKERS", 2), "worker_type": "thread"},
    }

# Background work: a periodic catch-up processes items the analysis/story tasks missed (after
# their retries), oldest first; running jobs without a heartbeat for this long are marked failed.
HAIDANG_CATCH_UP_BATCH = envint("HAIDANG_CATCH_UP_BATCH", 2000)
HAIDANG_CATCH_UP_GRACE_MINUTES = envint("HAIDANG_CATCH_UP_GRACE_MINUTES", 5)
HAIDANG_JOB_STALE_MINUTES = envint("HAIDANG_JOB_STALE_MINUTES", 30)

# --- Auth -------------------------------------------------------------------
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 is deliberately slow; tests create many users.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

AXES_FAILURE_LIMIT = envint("HAIDANG_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = envint("HAIDANG_LOGIN_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Two-factor log-in (TOTP, haidang/accounts): required for leaders and administrators, optional for
# others. Off under tests unless a test turns it on, so that other tests' log-ins stay one step.
HAIDANG_REQUIRE_2FA = envbool("HAIDANG_REQUIRE_2FA", not TESTING)
OTP_TOTP_ISSUER = "Hải Đăng"

SESSION_COOKIE_AGE = envint("HAIDANG_SESSION_HOURS", 8) * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_SAVE_EVERY_REQUEST = True  # idle timeout rather than a fixed one
# …without a write on every page: an unchanged session is written at most once a minute (reads never wait for the lock).
SESSION_ENGINE = "haidang.core.db_sessions"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# --- HTTPS (docs/operations.md) ----------------------------------------------
# HAIDANG_HTTPS=1 when the site is served over HTTPS: redirect plain HTTP, send HSTS, Secure cookies.
HTTPS = envbool("HAIDANG_HTTPS", False)
SESSION_COOKIE_SECURE = envbool("HAIDANG_SECURE_COOKIES", HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the local health probe speaks plain HTTP
SECURE_HSTS_SECONDS = envint("HAIDANG_HSTS_SECONDS", 31536000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("HAIDANG_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = envbool("HAIDANG_HSTS_PRELOAD", True)
# TLS ends at nginx, which must set (overwrite) X-Forwarded-Proto; HAIDANG_PROXY_SSL_HEADER=0 when
# gunicorn itself serves HTTPS.
if envbool("HAIDANG_PROXY_SSL_HEADER", HTTPS):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Audit checkpoints (docs/operations.md) -----------------------------------
# The HMAC key signing checkpoints of the audit chain's head is kept outside the database: the
# environment, else a file generated once into HAIDANG_VAR.
HAIDANG_AUDIT_KEY = envstr("HAIDANG_AUDIT_KEY", "")
HAIDANG_AUDIT_KEY_FILE = Path(envstr("HAIDANG_AUDIT_KEY_FILE", str(VAR_DIR / "audit_key")))
HAIDANG_AUDIT_CHECKPOINT_DIR = Path(envstr("HAIDANG_AUDIT_CHECKPOINT_DIR", str(VAR_DIR / "audit-checkpoints")))

# --- Content-Security-Policy (django-csp 4) ---------------------------------
# No inline scripts anywhere: ingested content is hostile.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
}

# --- i18n -------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Front-end libraries come from npm (package.json + npm ci), served locally: no CDN.
NODE_MODULES = BASE_DIR / "node_modules"
for _prefix, _sub in [
    ("vendor/bootstrap", "bootstrap/dist"),
    ("vendor/bootstrap-icons", "bootstrap-icons/font"),
    ("vendor/chartjs", "chart.js/dist"),
]:
    if (NODE_MODULES / _sub).exists():
        STATICFILES_DIRS.append((_prefix, NODE_MODULES / _sub))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True  # serve straight from the finders: `make run` needs no collectstatic
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
# Attachments (reports, evidence, proof, consultation answers): each file, and the files of one form
# together, at most this; larger ones are refused before they are stored (haidang.core.files).
HAIDANG_UPLOAD_MAX_BYTES = envint("HAIDANG_UPLOAD_MAX_MB", 20) * 1024 * 1024

# --- E-mail -----------------------------------------------------------------
EMAIL_BACKEND = envstr("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = envstr("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "haidang@localhost")

# --- REST framework ---------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "haidang.api.auth.AgencyTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated", "haidang.api.permissions.TokenScope"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.CursorPagination",
    "PAGE_SIZE": 100,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "haidang.api.problems.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["haidang.api.throttling.PerTokenThrottle"],
    "DEFAULT_THROTTLE_RATES": {"token": envstr("HAIDANG_API_RATE", "600/min")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Hải Đăng API",
    "VERSION": "1",
    "DESCRIPTION": "docs/api.md",  # replaced by the translated text in haidang.api.schema
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},  # no call to validator.swagger.io
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums",
                             "haidang.api.schema.add_problem_responses"],
    "ENUM_NAME_OVERRIDES": {"HarmCategoryEnum": "haidang.core.vocabulary.HarmCategory",
                            "PriorityEnum": "haidang.core.vocabulary.Priority",
                            "CaseCategoryEnum": "haidang.cases.choices.HarmCategory"},
}
# Outgoing webhooks: attempts per delivery (backoff doubles from the first delay), and consecutive
# failed attempts after which a subscription is disabled and its coordinators told.
HAIDANG_WEBHOOK_ATTEMPTS = envint("HAIDANG_WEBHOOK_ATTEMPTS", 5)
HAIDANG_WEBHOOK_BACKOFF_S = envint("HAIDANG_WEBHOOK_BACKOFF_S", 30)
HAIDANG_WEBHOOK_DISABLE_AFTER = envint("HAIDANG_WEBHOOK_DISABLE_AFTER", 15)

# --- Hải Đăng ---------------------------------------------------------------
# Which agency leads is a setting, not code: the 2025 reorganisation moved the
# Department of Information and Communications' functions to other departments.
HAIDANG_LEAD_AGENCY = envstr("HAIDANG_LEAD_AGENCY", "STTTT")
# Where the claim library's public pages (corrections, their Atom feed and search) are served without log-in.
HAIDANG_PUBLIC_PATH = envstr("HAIDANG_PUBLIC_PATH", "cong-khai/")
# Province context for place resolution (vietnam-provinces code; 44 = Quảng Trị after 2025).
HAIDANG_PROVINCE_CODE = envint("HAIDANG_PROVINCE_CODE", 44)
# Hosts that may be fetched even though they resolve to private/loopback addresses.
HAIDANG_FETCH_ALLOW = envlist("HAIDANG_FETCH_ALLOW", "")
HAIDANG_FETCH_MAX_BYTES = envint("HAIDANG_FETCH_MAX_BYTES", 10 * 1024 * 1024)
HAIDANG_USER_AGENT = envstr("HAIDANG_USER_AGENT", "HaiDang/0.1 (+provincial monitoring; contact admin)")
HAIDANG_WEBHOOK_URL = envstr("HAIDANG_WEBHOOK_URL", "")
HAIDANG_WEBHOOK_SECRET = envstr("HAIDANG_WEBHOOK_SECRET", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "WARNING" if TESTING else "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # run_huey installs its own handler on "huey"; without this every line prints twice.
        "huey": {"propagate": False},
    },
}
