"""Models of the reports domain: how each agency signs its documents, and the saved periodic reports.

Generated files are not rows of their own: each is the output of a `core.Job` (kind "reports.*"),
whose `counts` name the file under VAR_DIR/reports/ (see `files.py`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from haidang.core.models import RestrictedQuerySet

from .choices import PeriodKind


class DocumentSettings(models.Model):
    """The heading, number symbol, place and signer an agency's documents carry (Decree 30/2020/NĐ-CP).

    Data, not code: administrators edit it. An agency without a row gets `defaults_for(agency)`.
    """

    agency = models.OneToOneField("agencies.Agency", on_delete=models.CASCADE, related_name="document_settings",
                                  verbose_name=_("agency"))
    parent_name = models.CharField(_("governing body (first heading line)"), max_length=200, blank=True,
                                   default="UBND TỈNH QUẢNG TRỊ", help_text=_("e.g. UBND TỈNH QUẢNG TRỊ"))
    agency_name = models.CharField(_("issuing agency (second heading line)"), max_length=200,
                                   help_text=_("in capitals, e.g. SỞ THÔNG TIN VÀ TRUYỀN THÔNG"))
    symbol = models.CharField(_("symbol"), max_length=30, help_text=_("the part after the document type, e.g. STTTT"))
    place = models.CharField(_("place of issue"), max_length=100, default="Quảng Trị")
    signer_authority = models.CharField(_("signing authority"), max_length=120, blank=True,
                                        help_text=_("e.g. KT. GIÁM ĐỐC (blank when the head signs)"))
    signer_title = models.CharField(_("signer's title"), max_length=120, help_text=_("e.g. PHÓ GIÁM ĐỐC"))
    signer_name = models.CharField(_("signer's name"), max_length=120, blank=True)
    recipients = models.TextField(_("default recipients"), blank=True,
                                  help_text=_("one per line, for the \"Nơi nhận\" block; e.g. UBND tỉnh (b/c)"))
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        ordering = ["agency__name"]
        verbose_name = _("document settings")
        verbose_name_plural = _("document settings")

    def __str__(self) -> str:
        return f"{self.agency_name} ({self.symbol})"

    @classmethod
    def defaults_for(cls, agency) -> DocumentSettings:
        """Unsaved settings for an agency nobody has configured: its name in capitals, its short name."""
        return cls(agency=agency, agency_name=agency.name.upper(), symbol=agency.short_name.replace("-", ""),
                   signer_authority="", signer_title="THỦ TRƯỞNG CƠ QUAN", signer_name="",
                   recipients="Như trên;\nLưu: VT.")

    @classmethod
    def for_agency(cls, agency) -> DocumentSettings:
        if agency is None:
            raise ValueError("an agency is needed to head a document")
        return cls.objects.filter(agency=agency).first() or cls.defaults_for(agency)

    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


class PeriodicReportQuerySet(RestrictedQuerySet):
    def _restrict(self, user, action):
        from haidang.agencies import access

        # A periodic report is the lead agency's report upward; it is read where it is written.
        return self.filter(agency_id__in=access.agency_ids(user))


class PeriodicReport(models.Model):
    """One periodic report (báo cáo định kỳ): its period, the officer's assessment, and the figures it
    was last produced with (kept, so the file can be explained later even if the data moves)."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="periodic_reports",
                               verbose_name=_("agency"))
    period_kind = models.CharField(_("period"), max_length=10, choices=PeriodKind.choices, default=PeriodKind.MONTH)
    date_from = models.DateField(_("from"))
    date_to = models.DateField(_("to"))
    number = models.CharField(_("number"), max_length=20, blank=True, help_text=_("left blank until it is registered"))
    assessment = models.TextField(_("assessment and proposals"), blank=True)
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("created by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    objects = PeriodicReportQuerySet.as_manager()

    class Meta:
        ordering = ["-date_to", "-id"]
        verbose_name = _("periodic report")
        verbose_name_plural = _("periodic reports")

    def __str__(self) -> str:
        return f"{self.get_period_kind_display()} {self.date_from}–{self.date_to}"
