"""Choices of the stories and alerts domain."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from haidang.core.vocabulary import HarmCategory, Priority  # noqa: F401  (re-exported)

PRIORITY_RANK = {"": -1, "low": 0, "medium": 1, "high": 2, "urgent": 3}


def max_priority(*values: str) -> str:
    return max((v or "" for v in values), key=lambda v: PRIORITY_RANK.get(v, -1))


def at_least(value: str, floor: str) -> bool:
    return PRIORITY_RANK.get(value or "", -1) >= PRIORITY_RANK.get(floor, 99)


class JoinReason(models.TextChoices):
    NEW = "new", _("started the story")
    URL = "url", _("same canonical URL")
    HASH = "hash", _("same text")
    SIMILAR = "similar", _("near-duplicate text")


class AlertKind(models.TextChoices):
    STORY = "story", _("story")
    SPIKE = "spike", _("volume spike")


class AlertReason(models.TextChoices):
    PRIORITY = "priority", _("priority at or above the threshold")
    URGENT_TOPIC = "urgent_topic", _("urgent watch-list topic")
    SPIKE = "spike", _("volume spike")
    GROWTH = "growth", _("fast-growing story")
    KNOWN_CLAIM = "known_claim", _("repeats a claim already verified")  # raised by the claim library


class AlertStatus(models.TextChoices):
    OPEN = "open", _("open")
    ACKNOWLEDGED = "acknowledged", _("acknowledged")
    DISMISSED = "dismissed", _("dismissed")
    REPORTED = "reported", _("reported to the lead agency")
    MERGED = "merged", _("merged into another alert")


OPEN_STATUSES = (AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED)


class SpikeDimension(models.TextChoices):
    TOPIC = "topic", _("watch-list topic")
    PLACE = "place", _("place")
    CATEGORY = "category", _("category")
