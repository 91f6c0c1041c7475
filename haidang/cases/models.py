"""Models of the cases domain: reports to the lead agency, cases and their handling.

Who sees what is decided in one place per model: the `_restrict` methods below.
Writes happen only in `actions.py`.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from haidang.core.models import RestrictedQuerySet

from .choices import (
    ActionKind,
    ActionStatus,
    AppealStatus,
    CaseEventType,
    CaseState,
    Confidentiality,
    DecisionType,
    DismissReason,
    EvidenceKind,
    ExpressionType,
    HarmCategory,
    PlanStatus,
    Priority,
    ProofKind,
    ProtectedKind,
    ReportStatus,
    Severity,
    SubjectType,
    Urgency,
    Verdict,
)

User = settings.AUTH_USER_MODEL


def file_basename(field_file) -> str:
    """The stored file's own name, without the upload folders."""
    return PurePosixPath(field_file.name).name if field_file else ""


def url_host(url: str) -> str:
    """The lower-cased host of a URL without a leading 'www.', or ''."""
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return ""
    return host.removeprefix("www.")


# --- Reference data (admins edit it) -------------------------------------------------


class LegalProvision(models.Model):
    """One provision of law that an appraisal or a restrictive action may rest on.

    Admin-editable data, seeded by a data migration with instruments we can cite with confidence.
    """

    code = models.SlugField(_("code"), max_length=60, unique=True)
    instrument = models.CharField(_("legal instrument"), max_length=200,
                                  help_text=_("e.g. Luật An ninh mạng 2018 (Luật số 24/2018/QH14)"))
    article = models.CharField(_("article"), max_length=120, blank=True, help_text=_("e.g. Điều 174"))
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    url = models.URLField(_("link to the text"), blank=True)
    # Only provisions that prohibit content or conduct can ground removal, penalty or a police
    # referral; press, complaint and access-to-information laws ground answers and corrections.
    grounds_restriction = models.BooleanField(
        _("can ground removal, penalty or referral"), default=False,
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["instrument", "article"]
        verbose_name = _("legal provision")
        verbose_name_plural = _("legal provisions")

    def __str__(self) -> str:
        return f"{self.instrument}{' ' + self.article if self.article else ''}: {self.title}"


class PressOutlet(models.Model):
    """A registered press outlet, by web domain. Items and URLs on these hosts are press:
    their only remedy is a correction request through the press law's channels."""

    name = models.CharField(_("name"), max_length=200)
    domain = models.CharField(_("domain"), max_length=200, unique=True,
                              help_text=_("host name without 'www.', e.g. baoquangtri.vn; subdomains match too"))
    agency = models.ForeignKey("agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="press_outlets", verbose_name=_("agency"))
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["domain"]
        verbose_name = _("press outlet")
        verbose_name_plural = _("press registry")

    def __str__(self) -> str:
        return f"{self.name} ({self.domain})"

    def save(self, *args, **kwargs):
        self.domain = url_host(self.domain) if "/" in self.domain else self.domain.strip().lower().removeprefix("www.")
        super().save(*args, **kwargs)


# --- Reports -------------------------------------------------------------------------


class ReportQuerySet(RestrictedQuerySet):
    def _restrict(self, user, action):
        from haidang.agencies import access

        mine = access.agency_ids(user)
        reporter = Q(reporting_agency_id__in=mine)
        lead = access.lead_agency()
        if lead is None or lead.pk not in mine:
            return self.filter(reporter)
        # The lead agency triages every report, but the report behind a confidential case is as
        # need-to-know as the case (its reporter still learns the outcome).
        open_to_lead = Q(case__isnull=True) | ~Q(case__confidentiality=Confidentiality.CONFIDENTIAL)
        return self.filter(reporter | open_to_lead | Q(case__in=Case.objects.restrict(user, action)))


class Report(models.Model):
    """A notice (thông báo) to the lead agency about an item, a story, an alert or a URL."""

    reporting_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="case_reports",
                                         verbose_name=_("reporting agency"))
    reported_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="case_reports",
                                    verbose_name=_("reported by"))
    created_at = models.DateTimeField(_("reported at"), default=timezone.now, db_index=True)
    # What it is about: a generic reference (stories and alerts come from other apps, later).
    subject_type = models.CharField(_("subject"), max_length=20, choices=SubjectType.choices,
                                    default=SubjectType.MANUAL)
    subject_id = models.CharField(_("subject id"), max_length=64, blank=True)
    # The real link when the subject is a collected item (stories and alerts: by subject_id until
    # their models land in main).
    item = models.ForeignKey("content.Item", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="case_reports", verbose_name=_("item"))
    url = models.URLField(_("URL"), max_length=2000, blank=True)
    description = models.TextField(_("description"), blank=True)
    reason = models.TextField(_("reason for reporting"), blank=True)
    category = models.CharField(_("suspected category"), max_length=30, choices=HarmCategory.choices,
                                default=HarmCategory.OTHER)
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.MEDIUM)
    # Frozen at reporting time so the triage queue shows it; safeguards re-check live.
    is_press = models.BooleanField(_("press"), default=False)
    status = models.CharField(_("status"), max_length=12, choices=ReportStatus.choices,
                              default=ReportStatus.PENDING, db_index=True)
    case = models.ForeignKey("Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports",
                             verbose_name=_("case"))
    triaged_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("triaged by"))
    triaged_at = models.DateTimeField(_("triaged at"), null=True, blank=True)
    dismiss_reason = models.CharField(_("reason for dismissal"), max_length=30, choices=DismissReason.choices,
                                      blank=True)
    triage_note = models.TextField(_("triage note"), blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_category_display()} ({self.reporting_agency_id})"

    @property
    def host(self) -> str:
        return url_host(self.url)

    def suggested_case_title(self) -> str:
        """A readable case title for triage: the category, then what (or where) it is, on one line and
        cut at a word."""
        label = str(HarmCategory(self.category).label).capitalize() if self.category in HarmCategory.values else ""
        what = " ".join((self.description or "").split()) or self.host or self.url
        title = f"{label}: {what}" if label and what else (what or label or f"#{self.pk}")
        if len(title) > 120:
            title = title[:120].rsplit(" ", 1)[0].rstrip(",.;:") + "…"
        return title


class ReportAttachment(models.Model):
    """A file attached to a report by the reporter (screenshot, document)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("report"))
    file = models.FileField(_("file"), upload_to="cases/reports/%Y/%m/")
    name = models.CharField(_("name"), max_length=255, blank=True)
    sha256 = models.CharField(_("SHA-256 hash"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("report attachment")
        verbose_name_plural = _("report attachments")

    def __str__(self) -> str:
        return self.name or self.file.name

    @property
    def file_name(self) -> str:
        return self.name or file_basename(self.file)


# --- Cases ---------------------------------------------------------------------------


class CaseCounter(models.Model):
    """The last case number issued in a year; locked row-wise so codes are never issued twice."""

    year = models.PositiveIntegerField(_("year"), primary_key=True)
    last = models.PositiveIntegerField(_("last number issued"), default=0)

    class Meta:
        verbose_name = _("case counter")
        verbose_name_plural = _("case counters")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class CaseQuerySet(RestrictedQuerySet):
    def _restrict(self, user, action):
        """Who sees a case, by its confidentiality (documented on `Confidentiality`):

        - normal: members of the lead agency, of participating agencies and of reporting agencies;
        - internal: members of the lead agency and of participating agencies;
        - confidential: members of participating agencies, leaders of the lead agency, the lead officer.
        """
        from haidang.agencies import access

        mine = access.agency_ids(user)
        leading = access.agency_ids(user, ("leader",))
        participating = Q(pk__in=CaseParticipant.objects.filter(agency_id__in=mine).values("case_id"))
        reporting = Q(pk__in=Report.objects.filter(reporting_agency_id__in=mine, case__isnull=False)
                      .values("case_id"))
        in_lead = Q(lead_agency_id__in=mine)
        return self.filter(
            (Q(confidentiality=Confidentiality.NORMAL) & (in_lead | participating | reporting))
            | (Q(confidentiality=Confidentiality.INTERNAL) & (in_lead | participating))
            | (Q(confidentiality=Confidentiality.CONFIDENTIAL)
               & (participating | Q(lead_agency_id__in=leading) | Q(lead_officer=user)))
        )


class Case(models.Model):
    """One matter being handled (vụ việc), with its evidence, decisions and timeline."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    year = models.PositiveIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    category = models.CharField(_("category"), max_length=30, choices=HarmCategory.choices,
                                default=HarmCategory.OTHER)
    priority = models.CharField(_("priority"), max_length=10, choices=Priority.choices, default=Priority.MEDIUM)
    confidentiality = models.CharField(_("confidentiality"), max_length=14, choices=Confidentiality.choices,
                                       default=Confidentiality.NORMAL, db_index=True)
    state = models.CharField(_("state"), max_length=16, choices=CaseState.choices, default=CaseState.NEW,
                             db_index=True)
    lead_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="led_cases",
                                    verbose_name=_("lead agency"))
    lead_officer = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="led_cases", verbose_name=_("lead officer"))
    coordination_modes = models.JSONField(_("coordination modes"), default=list, blank=True)
    due_at = models.DateTimeField(_("due"), null=True, blank=True, db_index=True)
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("opened by"))
    created_at = models.DateTimeField(_("opened at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    dismiss_reason = models.TextField(_("reason for dismissal"), blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [models.UniqueConstraint(fields=["year", "number"], name="unique_case_year_number")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def is_confidential(self) -> bool:
        return self.confidentiality == Confidentiality.CONFIDENTIAL

    @property
    def is_open(self) -> bool:
        return self.state not in (CaseState.CLOSED, CaseState.DISMISSED)

    @property
    def is_overdue(self) -> bool:
        return bool(self.is_open and self.due_at and self.due_at < timezone.now())

    def current_verification(self):
        return self.verifications.filter(reversed_at__isnull=True).order_by("-created_at", "-id").first()

    def current_appraisal(self):
        return self.appraisals.filter(reversed_at__isnull=True).order_by("-created_at", "-id").first()

    def current_plan(self):
        """The plan being built or carried out: the latest one not superseded or reversed."""
        return (self.plans.exclude(status__in=[PlanStatus.SUPERSEDED]).filter(reversed_at__isnull=True)
                .order_by("-created_at", "-id").first())

    def participant_agency_ids(self) -> set[int]:
        return set(self.participants.values_list("agency_id", flat=True))


class CaseParticipant(models.Model):
    """An agency invited into a case (cơ quan phối hợp)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="participants", verbose_name=_("case"))
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="case_participations", verbose_name=_("agency"))
    added_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("added by"))
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        verbose_name = _("participating agency")
        verbose_name_plural = _("participating agencies")
        constraints = [models.UniqueConstraint(fields=["case", "agency"], name="unique_case_participant")]

    def __str__(self) -> str:
        return f"{self.case_id} ← {self.agency_id}"


class CaseEvidence(models.Model):
    """Evidence linked to a case: an item, story, alert, snapshot (by reference), a link or a file."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("case"))
    kind = models.CharField(_("kind"), max_length=10, choices=EvidenceKind.choices, default=EvidenceKind.URL)
    ref_id = models.CharField(_("reference id"), max_length=64, blank=True)
    url = models.URLField(_("URL"), max_length=2000, blank=True)
    file = models.FileField(_("file"), upload_to="cases/evidence/%Y/%m/", blank=True)
    sha256 = models.CharField(_("SHA-256 hash"), max_length=64, blank=True)
    note = models.TextField(_("note"), blank=True)
    added_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("added by"))
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        ordering = ["added_at", "id"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return f"{self.kind}:{self.ref_id or self.url or self.file.name}"

    @property
    def file_name(self) -> str:
        return file_basename(self.file)


class CaseEvent(models.Model):
    """One entry of a case's timeline, for the people handling it (the audit log is for inspectors).

    Built only by the `event_*()` functions in events.py.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events", verbose_name=_("case"))
    type = models.CharField(_("type"), max_length=30, choices=CaseEventType.choices)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    actor = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("actor"))
    agency = models.ForeignKey("agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+", verbose_name=_("agency"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("case event")
        verbose_name_plural = _("case events")

    def __str__(self) -> str:
        return f"{self.case_id} {self.type}"


class Reversible(models.Model):
    """A decision that can be reversed: it stays on record, marked with when, by whom and why."""

    reversed_at = models.DateTimeField(_("reversed at"), null=True, blank=True)
    reversal = models.ForeignKey("Reversal", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("reversal"))

    class Meta:
        abstract = True


class Verification(Reversible):
    """Kiểm chứng, xác minh: is it true? Findings, a verdict and what they rest on."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="verifications", verbose_name=_("case"))
    findings = models.TextField(_("findings"))
    verdict = models.CharField(_("verdict"), max_length=14, choices=Verdict.choices)
    sources = models.TextField(_("sources relied on"), blank=True,
                               help_text=_("official records, people asked, documents; one per line"))
    evidence = models.ManyToManyField(CaseEvidence, blank=True, related_name="verifications",
                                      verbose_name=_("evidence relied on"))
    # Where the conclusion came from: "" (the case page), or e.g. "meeting:12", "consultation:3".
    origin = models.CharField(_("origin"), max_length=60, blank=True)
    recorded_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.verdict}"


class Appraisal(Reversible):
    """Thẩm định: legal basis, severity and the type of expression."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="appraisals", verbose_name=_("case"))
    legal_basis = models.ManyToManyField(LegalProvision, blank=True, related_name="appraisals",
                                         verbose_name=_("legal basis"))
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    expression_type = models.CharField(_("type of expression"), max_length=10, choices=ExpressionType.choices)
    protected_kinds = models.JSONField(_("kinds of protected expression"), default=list, blank=True)
    reasoning = models.TextField(_("reasoning"), blank=True)
    origin = models.CharField(_("origin"), max_length=60, blank=True)
    recorded_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("appraisal")
        verbose_name_plural = _("appraisals")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.expression_type}/{self.severity}"

    @property
    def is_protected(self) -> bool:
        return self.expression_type == ExpressionType.PROTECTED

    def protected_kind_labels(self) -> list[str]:
        labels = dict(ProtectedKind.choices)
        return [str(labels.get(k, k)) for k in self.protected_kinds]


class HandlingPlan(Reversible):
    """Phương án xử lý: the agreed set of actions, approved by a leader of the lead agency."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="plans", verbose_name=_("case"))
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    origin = models.CharField(_("origin"), max_length=60, blank=True)
    proposed_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("proposed by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("approved by"))
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    return_note = models.TextField(_("why it was returned"), blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("handling plan")
        verbose_name_plural = _("handling plans")

    def __str__(self) -> str:
        return f"{self.case_id} plan #{self.pk} ({self.status})"


class HandlingAction(Reversible):
    """One action of a plan: owner agency, deadline, status, result and proof.

    Removal, penalty and police referral need a legal basis, reasons and a second approver
    who is neither the proposer nor the plan's approver (enforced in actions.py).
    """

    plan = models.ForeignKey(HandlingPlan, on_delete=models.CASCADE, related_name="actions", verbose_name=_("plan"))
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="actions", verbose_name=_("case"))
    kind = models.CharField(_("action"), max_length=24, choices=ActionKind.choices)
    owner_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="case_actions",
                                     verbose_name=_("owner agency"))
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=26, choices=ActionStatus.choices,
                              default=ActionStatus.PROPOSED, db_index=True)
    description = models.TextField(_("what to do"), blank=True)
    target_url = models.URLField(_("target URL"), max_length=2000, blank=True,
                                 help_text=_("the content to correct or remove"))
    published_url = models.URLField(_("link to what was published"), max_length=2000, blank=True)
    response_text = models.TextField(_("response text"), blank=True)
    channel = models.CharField(_("channel"), max_length=200, blank=True)
    legal_basis = models.ManyToManyField(LegalProvision, blank=True, related_name="actions",
                                         verbose_name=_("legal basis"))
    reasons = models.TextField(_("statement of reasons"), blank=True)
    proposed_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("proposed by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    needs_second_approval = models.BooleanField(_("needs second approval"), default=False)
    second_approved_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT,
                                           related_name="+", verbose_name=_("second approver"))
    second_approved_at = models.DateTimeField(_("second approved at"), null=True, blank=True)
    result = models.TextField(_("result"), blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("handling action")
        verbose_name_plural = _("handling actions")

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} ({self.status})"

    @property
    def is_overdue(self) -> bool:
        from .choices import FINISHED_ACTION_STATUSES

        return bool(self.deadline and self.status not in FINISHED_ACTION_STATUSES
                    and self.deadline < timezone.localdate())


class ActionProof(models.Model):
    """Proof that an action was carried out: a re-fetch of the URL, a statement, a link or a file."""

    action = models.ForeignKey(HandlingAction, on_delete=models.CASCADE, related_name="proofs", verbose_name=_("action"))
    kind = models.CharField(_("kind"), max_length=10, choices=ProofKind.choices)
    text = models.TextField(_("statement"), blank=True)
    url = models.URLField(_("URL"), max_length=2000, blank=True)
    file = models.FileField(_("file"), upload_to="cases/proof/%Y/%m/", blank=True)
    http_status = models.PositiveIntegerField(_("HTTP status"), null=True, blank=True)
    snapshot_id = models.CharField(_("snapshot"), max_length=64, blank=True)
    recorded_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("proof")
        verbose_name_plural = _("proofs")

    def __str__(self) -> str:
        return f"{self.action_id} {self.kind}"

    @property
    def file_name(self) -> str:
        return file_basename(self.file)

    # A removal is proven by the page being gone; these statuses say so.
    GONE_STATUSES = (404, 410, 451)

    @property
    def refetch_result(self) -> str:
        """The re-fetch said in words: "404 – removed", "still up", "could not connect"."""
        if self.kind != ProofKind.REFETCH:
            return ""
        status = self.http_status
        if status is None:
            return str(_("could not connect"))
        if status in self.GONE_STATUSES:
            return str(_("%(status)s – removed")) % {"status": status}
        if 200 <= status < 400:
            return str(_("still up (HTTP %(status)s)")) % {"status": status}
        return str(_("HTTP %(status)s – unclear")) % {"status": status}

    @property
    def refetch_gone(self) -> bool:
        return self.kind == ProofKind.REFETCH and self.http_status in self.GONE_STATUSES


class Appeal(models.Model):
    """An appeal against one decision on a case (or on a report), decided on record with reasons."""

    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.CASCADE, related_name="appeals", verbose_name=_("case"))
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.CASCADE, related_name="appeals", verbose_name=_("report"))
    decision_type = models.CharField(_("decision"), max_length=20, choices=DecisionType.choices)
    target_id = models.PositiveBigIntegerField(_("decision id"))
    grounds = models.TextField(_("grounds"))
    filed_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("filed by"))
    filed_by_agency = models.ForeignKey("agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="+", verbose_name=_("filed by agency"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    status = models.CharField(_("status"), max_length=10, choices=AppealStatus.choices,
                              default=AppealStatus.PENDING)
    decided_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    def __str__(self) -> str:
        return f"appeal #{self.pk} {self.decision_type}:{self.target_id} ({self.status})"


class Reversal(models.Model):
    """The record that a decision was reversed, why, by whom and (when so) on which appeal."""

    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.CASCADE, related_name="reversals", verbose_name=_("case"))
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.CASCADE, related_name="reversals", verbose_name=_("report"))
    decision_type = models.CharField(_("decision"), max_length=20, choices=DecisionType.choices)
    target_id = models.PositiveBigIntegerField(_("decision id"))
    reason = models.TextField(_("reason"))
    appeal = models.ForeignKey(Appeal, null=True, blank=True, on_delete=models.SET_NULL, related_name="reversals", verbose_name=_("appeal"))
    decided_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("decided by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("reversal")
        verbose_name_plural = _("reversals")

    def __str__(self) -> str:
        return f"reversal #{self.pk} {self.decision_type}:{self.target_id}"


# Imported for their use in type hints by other modules.
__all__ = [
    "ActionKind", "ActionProof", "ActionStatus", "Appeal", "Appraisal", "Case", "CaseCounter", "CaseEvent",
    "CaseEvidence", "CaseParticipant", "DismissReason", "HandlingAction", "HandlingPlan", "LegalProvision",
    "PressOutlet", "ProofKind", "ProtectedKind", "Report", "ReportAttachment", "Reversal", "Verification",
]
