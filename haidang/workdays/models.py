"""The working-day calendar (admins edit it) and the deadline allowance of each step."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import Step


class ExtraDayOff(models.Model):
    """A day off beyond the statutory holidays of the `holidays` package (VN): a provincial
    decision, a bridge day moved by the Prime Minister's notice, a local event."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        db_table = "coordination_extradayoff"  # created by the coordination app, where the calendar first lived
        ordering = ["date"]
        verbose_name = _("extra day off")
        verbose_name_plural = _("extra days off")

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.name}"


class ExtraWorkingDay(models.Model):
    """A Saturday or Sunday worked to make up for a bridge day off (làm bù)."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        db_table = "coordination_extraworkingday"  # created by the coordination app, where the calendar first lived
        ordering = ["date"]
        verbose_name = _("extra working day")
        verbose_name_plural = _("extra working days")

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.name}"


class DeadlinePolicy(models.Model):
    """How many working days a step may take at a priority, and when to remind and escalate.

    A row overrides the default of `deadlines.DEFAULT_POLICY` (and the HAIDANG_DEADLINES setting)."""

    step = models.CharField(_("step"), max_length=24, choices=Step.choices)
    priority = models.CharField(_("priority"), max_length=10, choices=[
        ("urgent", _("urgent")), ("high", _("high")), ("medium", _("medium")), ("low", _("low"))])
    working_days = models.PositiveSmallIntegerField(_("working days allowed"))
    remind_before_hours = models.PositiveSmallIntegerField(
        _("remind this many hours before the deadline"), default=24)
    escalate_after_days = models.PositiveSmallIntegerField(
        _("escalate to the lead agency this many working days after the deadline"), default=1)

    class Meta:
        db_table = "coordination_deadlinepolicy"  # created by the coordination app, where the calendar first lived
        ordering = ["step", "priority"]
        verbose_name = _("deadline policy")
        verbose_name_plural = _("deadline policies")
        constraints = [models.UniqueConstraint(fields=["step", "priority"], name="unique_deadline_policy")]

    def __str__(self) -> str:
        return f"{self.step}/{self.priority}: {self.working_days}"
