from django.db import models
from django.utils.translation import gettext_lazy as _


class Step(models.TextChoices):
    """A step of the regulation's workflow that has a deadline (see `haidang.workdays.deadlines`)."""

    TRIAGE = "triage", _("triage of a report")
    VERIFICATION = "verification", _("verification")
    CONSULTATION = "consultation", _("answers to a written consultation")
    MEETING_CONCLUSIONS = "meeting_conclusions", _("conclusions of a meeting")
    HANDLING = "handling", _("carrying out a handling action")
    CASE = "case", _("the whole case")
    GRIEVANCE = "grievance", _("answering a grievance")
