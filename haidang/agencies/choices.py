from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyKind(models.TextChoices):
    LEAD = "lead", _("lead agency")
    DEPARTMENT = "department", _("department")
    WARD = "ward", _("ward/commune committee")
    POLICE = "police", _("police")
    PRESS = "press", _("press")
    OTHER = "other", _("other")
