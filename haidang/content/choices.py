from django.db import models
from django.utils.translation import gettext_lazy as _


class RevisionKind(models.TextChoices):
    EDIT = "edit", _("edited")
    DELETE = "delete", _("deleted")


class SnapshotKind(models.TextChoices):
    HTTP = "http", _("HTTP response")
    PUSH = "push", _("pushed JSON")
    FILE = "file", _("imported file")
    ERROR = "error", _("failed fetch")
