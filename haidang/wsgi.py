import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haidang.settings")
application = get_wsgi_application()


def _freeze_loaded_app() -> None:
    """Import the views (URL patterns) now, then move everything loaded so far out of the garbage
    collector's sight: it lives as long as the worker, and a full collection walking it added
    0.1-0.3 s to about one page request in ten (bench/web.py)."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every view module
    gc.collect()
    gc.freeze()


_freeze_loaded_app()
