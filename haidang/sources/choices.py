from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceKind(models.TextChoices):
    FEED = "feed", _("RSS/Atom feed")
    PAGE = "page", _("web page listing")
    FILE = "file", _("file import")
    PUSH = "push", _("push (API)")


class Platform(models.TextChoices):
    WEB = "web", _("website")
    NEWS = "news", _("news site")
    FACEBOOK = "facebook", _("Facebook")
    YOUTUBE = "youtube", _("YouTube")
    TIKTOK = "tiktok", _("TikTok")
    ZALO = "zalo", _("Zalo")
    FORUM = "forum", _("forum")
    OTHER = "other", _("other")
