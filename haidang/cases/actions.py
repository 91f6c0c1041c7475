"""The only place that writes cases. Every function: `do_<verb>_<noun>(..., *, acting_user)`,
atomic, writes the audit log and (for cases) the timeline, and defers e-mail to after commit.

Who may do what (roles are checked here, not only in the views):

- report: any working member (coordinator/officer/leader) of the reporting agency;
- triage (accept, merge, dismiss a report), open a case, edit it, invite agencies, start verification
  and coordination, record an appraisal, build and submit the plan, dismiss or close a case:
  working members of the case's lead agency, or the case's lead officer;
- record a verification, add evidence: also working members of participating agencies;
- approve or return a plan, second-approve a restrictive action, change confidentiality, reopen,
  decide an appeal, reverse a decision: leaders of the lead agency;
- start an action, record proof, complete it: working members of its owner agency or of the lead agency;
- appeal: working members of any agency that can see the case (or that made the report).

The coordination app ([Coordinate]) fills a case through the same functions:
`do_start_coordination`, `do_record_verification`, `do_record_appraisal`, `do_add_plan_action`,
`do_submit_plan` — passing `origin="meeting:<id>"` or `"consultation:<id>"`. Approvals stay with leaders.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from haidang.agencies import access
from haidang.audit.actions import record
from haidang.content.actions import do_refetch_url
from haidang.core.files import sha256_of_upload, upload_size_errors
from haidang.core.notifications import notify

from . import events
from .choices import (
    FINISHED_ACTION_STATUSES,
    OPEN_STATES,
    PROOFLESS_ACTIONS,
    RESTRICTIVE_ACTIONS,
    ActionKind,
    ActionStatus,
    AppealStatus,
    CaseState,
    Confidentiality,
    CoordinationMode,
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
from .deadlines import case_due_at
from .errors import CaseError, FourEyesRequired, IllegalTransition, SafeguardViolation
from .models import (
    ActionProof,
    Appeal,
    Appraisal,
    Case,
    CaseCounter,
    CaseEvidence,
    CaseParticipant,
    HandlingAction,
    HandlingPlan,
    LegalProvision,
    PressOutlet,
    Report,
    ReportAttachment,
    Reversal,
    Verification,
    url_host,
)

log = logging.getLogger(__name__)
S = CaseState


# --- helpers -------------------------------------------------------------------------


def _require_lead(user, case: Case | None = None, roles=access.WORKING_ROLES) -> None:
    agency = case.lead_agency if case is not None else access.lead_agency()
    if case is not None and case.lead_officer_id and user is not None and user.pk == case.lead_officer_id \
            and roles == access.WORKING_ROLES:
        return  # the lead officer runs the case whatever their role title
    access.require_role(user, agency, roles, _("Only the lead agency can do this."))


def _require_leader(user, case: Case | None = None) -> None:
    agency = case.lead_agency if case is not None else access.lead_agency()
    access.require_role(user, agency, ("leader",), _("Only a leader of the lead agency can approve this."))


def _can_see(user, case: Case) -> bool:
    return Case.objects.restrict(user).filter(pk=case.pk).exists()


def _require_lead_or_participant(user, case: Case) -> None:
    if access.has_role(user, case.lead_agency) or (case.lead_officer_id and user.pk == case.lead_officer_id):
        return
    if access.agency_ids(user, access.WORKING_ROLES) & case.participant_agency_ids():
        return
    raise PermissionDenied(_("Only the lead agency and participating agencies can do this."))


def _require_action_owner(user, action: HandlingAction) -> None:
    if access.has_role(user, action.owner_agency) or access.has_role(user, action.case.lead_agency):
        return
    raise PermissionDenied(_("Only the owner agency or the lead agency can carry out this action."))


def _case_url(case: Case) -> str:
    return reverse("cases:detail", args=[case.pk])


def _case_label(case: Case) -> str:
    # Confidential titles never travel by e-mail: the code is enough to find the case.
    return case.code if case.is_confidential else f"{case.code} {case.title}"


def _audit(action: str, *, actor, obj, changes=None, agency=None):
    return record(action, actor=actor, obj=obj, changes=changes or {}, agency=agency)


def _touch(case: Case, fields: Iterable[str] = ()) -> None:
    case.updated_at = timezone.now()
    case.save(update_fields=["updated_at", *fields])


def _transition(case: Case, new: str, *, actor, allowed_from: Iterable[str], reason: str = "") -> None:
    """Move the case to `new`, or raise IllegalTransition. Writes the audit log and the timeline."""
    # Re-read the state under the transaction: another request may have moved the case meanwhile.
    current = Case.objects.filter(pk=case.pk).values_list("state", flat=True).first()
    case.state = current or case.state
    if case.state not in allowed_from:
        raise IllegalTransition(
            gettext_lazy("Case %(code)s is %(state)s; it cannot move to %(new)s."),
            code=case.code, state=S(case.state).label, new=S(new).label,
        )
    old = case.state
    case.state = new
    fields = ["state"]
    if new == S.CLOSED:
        case.closed_at = timezone.now()
        fields.append("closed_at")
    elif old == S.CLOSED:
        case.closed_at = None
        fields.append("closed_at")
    _touch(case, fields)
    events.event_state_changed(case, actor=actor, old=old, new=new, reason=reason)
    _audit("case.transition", actor=actor, obj=case, changes={"from": old, "to": new, "reason": reason})


def _next_case_code(year: int) -> tuple[int, str]:
    """Issue the next number of the year, never twice: `UPDATE ... SET last = last + 1` locks the
    counter row until our transaction ends (PostgreSQL re-reads the row after waiting for the lock;
    SQLite's IMMEDIATE transaction already holds the database's write lock), and we read back our own write."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                CaseCounter.objects.get_or_create(year=year)
        except IntegrityError:
            pass  # another transaction created the row first; it exists now
        CaseCounter.objects.filter(year=year).update(last=F("last") + 1)
        number = CaseCounter.objects.get(year=year).last
    return number, f"VV-{year}-{number:04d}"



def host_is_press(url: str) -> bool:
    """Does the URL's host belong to a registered press outlet (the domain or a subdomain of it)?"""
    host = url_host(url)
    if not host:
        return False
    domains = PressOutlet.objects.filter(active=True).values_list("domain", flat=True)
    return any(host == d or host.endswith("." + d) for d in domains)


def _item_is_press(item) -> bool:
    if item is None:
        return False
    if getattr(item, "is_press", False):
        return True
    source = getattr(item, "source", None)
    return bool(getattr(source, "is_press", False))


def case_involves_press(case: Case, *, reports=None, evidence=None) -> bool:
    """Live check: a linked report was press when made, or any linked URL is on a registered press host.
    `reports`, `evidence`: all the case's rows, when the caller has loaded them (the case page): the
    same check on them, without three queries."""
    if reports is not None and evidence is not None:
        if any(r.is_press for r in reports):
            return True
        return any(host_is_press(row.url) for row in [*reports, *evidence] if row.url)
    if case.reports.filter(is_press=True).exists():
        return True
    urls = list(case.reports.exclude(url="").values_list("url", flat=True))
    urls += list(case.evidence.exclude(url="").values_list("url", flat=True))
    return any(host_is_press(u) for u in urls)


# --- reports -------------------------------------------------------------------------


def _check_uploads(uploads) -> None:
    """Refuse attachments above HAIDANG_UPLOAD_MAX_BYTES before anything stores them (forms check too)."""
    errors = upload_size_errors(uploads)
    if errors:
        raise CaseError(" ".join(errors))


@transaction.atomic
def do_create_report(
    *,
    acting_user,
    agency=None,
    url: str = "",
    description: str = "",
    category: str = "",
    urgency: str = "",
    reason: str = "",
    item=None,
    story_id=None,
    alert_id=None,
    attachments: Iterable = (),
) -> Report:
    """Report something to the lead agency: an item, a story, an alert, or a URL + description by hand.

    The extension point for other apps ("report to the lead agency" from an alert or a story).
    """
    agency = agency or access.primary_agency(acting_user)
    access.require_role(acting_user, agency, access.WORKING_ROLES,
                        _("Only working members of an agency can report to the lead agency."))
    subject_type, subject_id = SubjectType.MANUAL, ""
    if item is not None:
        subject_type, subject_id = SubjectType.ITEM, str(item.pk)
        url = url or getattr(item, "url", "") or ""
        description = description or getattr(item, "title", "") or ""
    elif story_id is not None:
        subject_type, subject_id = SubjectType.STORY, str(story_id)
    elif alert_id is not None:
        subject_type, subject_id = SubjectType.ALERT, str(alert_id)
    if not (url or description or subject_id):
        raise CaseError(gettext_lazy("A report needs a URL, a description, or the item, story or alert."))
    attachments = list(attachments or ())
    _check_uploads(attachments)
    from haidang.content.models import Item

    report = Report.objects.create(
        reporting_agency=agency, reported_by=acting_user, subject_type=subject_type, subject_id=subject_id,
        item=item if isinstance(item, Item) else None,
        url=url, description=description, reason=reason,
        category=category or HarmCategory.OTHER, urgency=urgency or Urgency.MEDIUM,
        is_press=_item_is_press(item) or host_is_press(url),
    )
    for upload in attachments or ():
        ReportAttachment.objects.create(report=report, file=upload, name=getattr(upload, "name", "")[:255],
                                        sha256=sha256_of_upload(upload))
    _audit("report.create", actor=acting_user, obj=report, agency=agency, changes={
        "subject": f"{subject_type}:{subject_id}", "url": url, "category": report.category,
        "urgency": report.urgency, "press": report.is_press,
    })
    lead = access.lead_agency()
    if lead is not None:
        from haidang.agencies.queries import designated_officers

        notify(designated_officers(lead), verb="cases.report_received", exclude=acting_user, target=report,
               url=reverse("cases:triage"),
               text=_("New report from %(agency)s awaits triage (%(urgency)s).")
               % {"agency": agency.short_name, "urgency": Urgency(report.urgency).label})
    return report


def _require_pending(report: Report) -> None:
    status = Report.objects.filter(pk=report.pk).values_list("status", flat=True).first()
    if status != ReportStatus.PENDING:
        raise IllegalTransition(gettext_lazy("This report has already been triaged."))


def _tell_reporter(report: Report, text: str, url: str = "") -> None:
    notify([report.reported_by], verb="cases.report_triaged", text=text, url=url, target=report)


def _link_report_evidence(case: Case, report: Report, actor) -> None:
    """What a report points at becomes evidence of the case."""
    kind = {SubjectType.ITEM: EvidenceKind.ITEM, SubjectType.STORY: EvidenceKind.STORY,
            SubjectType.ALERT: EvidenceKind.ALERT}.get(report.subject_type, EvidenceKind.URL)
    if report.subject_id or report.url:
        _add_evidence(case, actor=actor, kind=kind, ref_id=report.subject_id, url=report.url,
                      note=_("from report #%(id)s") % {"id": report.pk})
    for attachment in report.attachments.all():
        _add_evidence(case, actor=actor, kind=EvidenceKind.FILE, file=attachment.file, sha256=attachment.sha256,
                      note=attachment.name)


@transaction.atomic
def do_open_case(
    *,
    acting_user,
    title: str,
    summary: str = "",
    category: str = HarmCategory.OTHER,
    priority: str = Priority.MEDIUM,
    confidentiality: str = Confidentiality.NORMAL,
    lead_officer=None,
    participants: Iterable = (),
    report: Report | None = None,
) -> Case:
    """Open a case (from a report through do_accept_report, or directly by the lead agency)."""
    _require_lead(acting_user)
    # Any working member may open a case as confidential (it only narrows who sees it);
    # lowering it later is a leader's decision (do_update_case).
    if confidentiality not in Confidentiality.values or priority not in Priority.values \
            or category not in HarmCategory.values:
        raise CaseError(gettext_lazy("Unknown confidentiality, priority or category."))
    now = timezone.now()
    year = timezone.localdate().year
    number, code = _next_case_code(year)
    case = Case.objects.create(
        code=code, year=year, number=number, title=title[:300], summary=summary, category=category,
        priority=priority, confidentiality=confidentiality, lead_agency=access.lead_agency(),
        lead_officer=lead_officer or acting_user, created_by=acting_user, created_at=now,
        updated_at=now, due_at=case_due_at(priority, now),
    )
    events.event_created(case, actor=acting_user, report_id=report.pk if report else None)
    _audit("case.open", actor=acting_user, obj=case, changes={
        "code": code, "title": case.title, "category": category, "priority": priority,
        "confidentiality": confidentiality, "report": report.pk if report else None,
    })
    for agency in participants:
        _add_participant(case, agency, actor=acting_user)
    return case


@transaction.atomic
def do_accept_report(
    report: Report,
    *,
    acting_user,
    title: str = "",
    summary: str = "",
    category: str = "",
    priority: str = "",
    confidentiality: str = Confidentiality.NORMAL,
    lead_officer=None,
    participants: Iterable = (),
) -> Case:
    """Triage: open a new case from the report. The reporter is told."""
    _require_lead(acting_user)
    _require_pending(report)
    case = do_open_case(
        acting_user=acting_user,
        title=title or report.suggested_case_title(),
        summary=summary or report.description, category=category or report.category,
        priority=priority or report.urgency, confidentiality=confidentiality, lead_officer=lead_officer,
        participants=participants, report=report,
    )
    _settle_report(report, status=ReportStatus.ACCEPTED, case=case, actor=acting_user)
    events.event_report_linked(case, actor=acting_user, report_id=report.pk)
    _link_report_evidence(case, report, acting_user)
    _audit("report.accept", actor=acting_user, obj=report, changes={"case": case.code})
    _tell_reporter(report, _("Your report #%(id)s was accepted as case %(code)s.") % {
        "id": report.pk, "code": case.code}, url=reverse("cases:report_detail", args=[report.pk]))
    return case


@transaction.atomic
def do_merge_report(report: Report, case: Case, *, acting_user, note: str = "") -> Case:
    """Triage: add the report to an existing open case."""
    _require_lead(acting_user, case)
    _require_pending(report)
    if case.state not in OPEN_STATES:
        raise IllegalTransition(gettext_lazy("Reports can only be merged into open cases."))
    _settle_report(report, status=ReportStatus.MERGED, case=case, actor=acting_user, note=note)
    events.event_report_linked(case, actor=acting_user, report_id=report.pk, merged=True)
    _link_report_evidence(case, report, acting_user)
    _touch(case)
    _audit("report.merge", actor=acting_user, obj=report, changes={"case": case.code, "note": note})
    _tell_reporter(report, _("Your report #%(id)s was added to case %(code)s.") % {
        "id": report.pk, "code": case.code}, url=reverse("cases:report_detail", args=[report.pk]))
    return case


@transaction.atomic
def do_dismiss_report(report: Report, *, reason: str, acting_user, note: str = "") -> Report:
    """Triage: dismiss with a reason from DismissReason (e.g. lawful expression, answered as a grievance)."""
    _require_lead(acting_user)
    _require_pending(report)
    if reason not in DismissReason.values:
        raise CaseError(gettext_lazy("Choose a reason for dismissal from the list."))
    if reason == DismissReason.OTHER and not note.strip():
        raise CaseError(gettext_lazy("Explain the reason in the note."))
    _settle_report(report, status=ReportStatus.DISMISSED, case=None, actor=acting_user, note=note,
                   dismiss_reason=reason)
    _audit("report.dismiss", actor=acting_user, obj=report, changes={"reason": reason, "note": note})
    _tell_reporter(report, _("Your report #%(id)s was dismissed: %(reason)s.") % {
        "id": report.pk, "reason": DismissReason(reason).label}, url=reverse("cases:report_detail", args=[report.pk]))
    return report


def _settle_report(report, *, status, case, actor, note="", dismiss_reason="") -> None:
    report.status = status
    report.case = case
    report.triaged_by = actor
    report.triaged_at = timezone.now()
    report.triage_note = note
    report.dismiss_reason = dismiss_reason
    report.save(update_fields=["status", "case", "triaged_by", "triaged_at", "triage_note", "dismiss_reason"])


# --- case details --------------------------------------------------------------------


EDITABLE_FIELDS = {"title", "summary", "category", "priority", "confidentiality"}


@transaction.atomic
def do_update_case(case: Case, *, acting_user, **fields) -> Case:
    """Edit title, summary, category, priority (re-computes the due date) or confidentiality.
    Changing confidentiality is a leader's decision: it decides who may read the case."""
    _require_lead(acting_user, case)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise CaseError(gettext_lazy("These fields cannot be edited here."))
    changed = {k: v for k, v in fields.items() if getattr(case, k) != v}
    if "confidentiality" in changed:
        _require_leader(acting_user, case)
        if changed["confidentiality"] not in Confidentiality.values:
            raise CaseError(gettext_lazy("Unknown confidentiality."))
    if not changed:
        return case
    before = {k: getattr(case, k) for k in changed}
    for key, value in changed.items():
        setattr(case, key, value)
    update = list(changed)
    if "priority" in changed:
        case.due_at = case_due_at(case.priority, case.created_at)
        update.append("due_at")
    _touch(case, update)
    events.event_details_updated(case, actor=acting_user, fields=list(changed))
    _audit("case.update", actor=acting_user, obj=case, changes={"before": before, "after": changed})
    return case


def _add_participant(case: Case, agency, *, actor) -> bool:
    if agency is None or agency.pk == case.lead_agency_id:
        return False
    _participant, created = CaseParticipant.objects.get_or_create(case=case, agency=agency, defaults={"added_by": actor})
    if created:
        events.event_participant_added(case, actor=actor, agency=agency)
        _audit("case.participant_add", actor=actor, obj=case, changes={"agency": agency.short_name})
        from haidang.agencies.queries import designated_officers

        notify(designated_officers(agency), verb="cases.invited", target=case, url=_case_url(case),
               exclude=actor, text=_("Your agency was invited into case %(case)s.") % {"case": _case_label(case)})
    return created


@transaction.atomic
def do_add_participant(case: Case, agency, *, acting_user) -> bool:
    """Invite an agency (cơ quan phối hợp): its officers then see the case, even a confidential one."""
    _require_lead(acting_user, case)
    return _add_participant(case, agency, actor=acting_user)


@transaction.atomic
def do_set_lead_officer(case: Case, officer, *, acting_user) -> Case:
    _require_lead(acting_user, case)
    if officer is not None and not access.has_role(officer, case.lead_agency, access.WORKING_ROLES):
        raise CaseError(gettext_lazy("The lead officer must be a working member of the lead agency."))
    case.lead_officer = officer
    _touch(case, ["lead_officer"])
    events.event_lead_officer_set(case, actor=acting_user, officer=officer)
    _audit("case.lead_officer", actor=acting_user, obj=case,
           changes={"officer": officer.get_username() if officer else None})
    if officer is not None:
        notify([officer], verb="cases.lead_officer", target=case, url=_case_url(case), exclude=acting_user,
               text=_("You are the lead officer of case %(case)s.") % {"case": _case_label(case)})
    return case


def _add_evidence(case, *, actor, kind, ref_id="", url="", file=None, sha256="", note="") -> CaseEvidence:
    evidence = CaseEvidence.objects.create(case=case, kind=kind, ref_id=str(ref_id or ""), url=url, note=note,
                                           file=file or "", sha256=sha256, added_by=actor)
    label = url or (f"{kind}:{ref_id}" if ref_id else "") or note
    events.event_evidence_added(case, actor=actor, evidence_id=evidence.pk, kind=kind, label=label)
    _audit("case.evidence_add", actor=actor, obj=evidence, changes={"case": case.code, "kind": kind,
                                                                     "ref": ref_id, "url": url})
    return evidence


@transaction.atomic
def do_add_evidence(case: Case, *, acting_user, kind: str = EvidenceKind.URL, ref_id: str = "", url: str = "",
                    file=None, note: str = "") -> CaseEvidence:
    """Link evidence: an item/story/alert/snapshot by id, a URL or an uploaded file."""
    _require_lead_or_participant(acting_user, case)
    if not (ref_id or url or file):
        raise CaseError(gettext_lazy("Evidence needs a reference, a URL or a file."))
    _check_uploads([file])
    sha = sha256_of_upload(file) if file is not None else ""
    return _add_evidence(case, actor=acting_user, kind=kind, ref_id=ref_id, url=url, file=file, sha256=sha,
                         note=note)


# --- workflow ------------------------------------------------------------------------


@transaction.atomic
def do_start_verification(case: Case, *, acting_user) -> Case:
    """new → verifying."""
    _require_lead(acting_user, case)
    _transition(case, S.VERIFYING, actor=acting_user, allowed_from=[S.NEW])
    return case


@transaction.atomic
def do_start_coordination(case: Case, *, acting_user, mode: str) -> Case:
    """The lead agency chooses a coordination mode (meeting or written consultation): the case moves
    to `coordinating`. Choosing the second mode later keeps it there and records the mode.

    Hook for the coordination app: call this when a meeting or consultation is created.
    """
    _require_lead(acting_user, case)
    if mode not in CoordinationMode.values:
        raise CaseError(gettext_lazy("Unknown coordination mode."))
    if case.state != S.COORDINATING:
        _transition(case, S.COORDINATING, actor=acting_user, allowed_from=[S.NEW, S.VERIFYING])
    if mode not in case.coordination_modes:
        case.coordination_modes = [*case.coordination_modes, mode]
        _touch(case, ["coordination_modes"])
    events.event_coordination_started(case, actor=acting_user, mode=mode)
    _audit("case.coordination_start", actor=acting_user, obj=case, changes={"mode": mode})
    return case


@transaction.atomic
def do_record_verification(
    case: Case,
    *,
    acting_user,
    findings: str,
    verdict: str,
    sources: str = "",
    evidence: Iterable[CaseEvidence] = (),
    origin: str = "",
) -> Verification:
    """Record findings and a verdict (while verifying or coordinating). A later verification
    supersedes the earlier one; both stay on record."""
    _require_lead_or_participant(acting_user, case)
    if case.state not in (S.VERIFYING, S.COORDINATING):
        raise IllegalTransition(
            gettext_lazy("Verification is recorded while a case is verifying or coordinating; case %(code)s is %(state)s."),
            code=case.code, state=S(case.state).label)
    if verdict not in Verdict.values:
        raise CaseError(gettext_lazy("Choose a verdict."))
    if not findings.strip():
        raise CaseError(gettext_lazy("Write down the findings."))
    verification = Verification.objects.create(case=case, findings=findings, verdict=verdict, sources=sources,
                                               origin=origin, recorded_by=acting_user)
    evidence = [e for e in evidence if e.case_id == case.pk]
    verification.evidence.set(evidence)
    _touch(case)
    events.event_verification_recorded(case, actor=acting_user, verification=verification)
    _audit("case.verification", actor=acting_user, obj=verification, changes={
        "case": case.code, "verdict": verdict, "origin": origin, "evidence": [e.pk for e in evidence]})
    return verification


@transaction.atomic
def do_record_appraisal(
    case: Case,
    *,
    acting_user,
    severity: str,
    expression_type: str,
    legal_basis: Iterable[LegalProvision] = (),
    protected_kinds: Iterable[str] = (),
    reasoning: str = "",
    origin: str = "",
) -> Appraisal:
    """Appraise (thẩm định): verifying/coordinating → appraised. Needs a verification first.
    Unlawful or mixed content needs a legal basis; protected expression names what it protects."""
    _require_lead(acting_user, case)
    if case.state not in (S.VERIFYING, S.COORDINATING):
        raise IllegalTransition(gettext_lazy("Case %(code)s is %(state)s; it cannot be appraised now."),
                                code=case.code, state=S(case.state).label)
    if case.current_verification() is None:
        raise IllegalTransition(gettext_lazy("Record the verification before the appraisal."))
    if severity not in Severity.values or expression_type not in ExpressionType.values:
        raise CaseError(gettext_lazy("Choose a severity and a type of expression."))
    legal_basis = list(legal_basis)
    protected_kinds = [k for k in protected_kinds if k in ProtectedKind.values]
    if expression_type in (ExpressionType.UNLAWFUL, ExpressionType.MIXED) and not legal_basis:
        raise SafeguardViolation(gettext_lazy("Unlawful content needs a legal basis: pick the provisions it breaks."))
    if expression_type in (ExpressionType.PROTECTED, ExpressionType.MIXED) and not protected_kinds:
        raise CaseError(gettext_lazy("Say what kind of protected expression it is (opinion, criticism, news, complaint)."))
    appraisal = Appraisal.objects.create(case=case, severity=severity, expression_type=expression_type,
                                         protected_kinds=protected_kinds, reasoning=reasoning, origin=origin,
                                         recorded_by=acting_user)
    appraisal.legal_basis.set(legal_basis)
    events.event_appraisal_recorded(case, actor=acting_user, appraisal=appraisal)
    _audit("case.appraisal", actor=acting_user, obj=appraisal, changes={
        "case": case.code, "severity": severity, "expression_type": expression_type,
        "protected_kinds": protected_kinds, "legal_basis": [p.code for p in legal_basis], "origin": origin})
    _transition(case, S.APPRAISED, actor=acting_user, allowed_from=[S.VERIFYING, S.COORDINATING])
    return appraisal


# --- handling plan -------------------------------------------------------------------


def check_action_safeguards(case: Case, *, kind: str, legal_basis: Iterable[LegalProvision] = (),
                            reasons: str = "", target_url: str = "") -> None:
    """The expression and press safeguards, enforced server-side for every restrictive action.

    Called when an action is proposed, when the plan is approved and when the second approver signs,
    so that a later appraisal or a press registration still stops it.
    """
    if kind not in ActionKind.values:
        raise CaseError(gettext_lazy("Unknown action."))
    if kind not in RESTRICTIVE_ACTIONS:
        return
    appraisal = case.current_appraisal()
    if appraisal is None:
        raise SafeguardViolation(gettext_lazy("Removal, penalty or referral needs an appraisal first."))
    if appraisal.is_protected:
        raise SafeguardViolation(gettext_lazy(
            "The case was appraised as protected expression: it can be answered, clarified or met with "
            "accurate information, never removed, penalised or referred to the police."))
    if case_involves_press(case) or (target_url and host_is_press(target_url)):
        raise SafeguardViolation(gettext_lazy(
            "This is press content: its only remedy is a correction request through the press law's channels."))
    legal_basis = list(legal_basis)
    if not any(p.grounds_restriction for p in legal_basis):
        raise SafeguardViolation(gettext_lazy(
            "Removal, penalty or referral needs a legal basis: a provision that prohibits the content or conduct."))
    if not reasons.strip():
        raise SafeguardViolation(gettext_lazy("Removal, penalty or referral needs a statement of reasons."))


def _draft_plan(case: Case, actor, origin: str = "") -> HandlingPlan:
    plan = case.current_plan()
    if plan is not None and plan.status in (PlanStatus.DRAFT, PlanStatus.REJECTED):
        return plan
    if plan is not None:
        raise IllegalTransition(gettext_lazy("The plan was already submitted; it can only be approved or returned."))
    return HandlingPlan.objects.create(case=case, proposed_by=actor, origin=origin)


@transaction.atomic
def do_add_plan_action(
    case: Case,
    *,
    acting_user,
    kind: str,
    owner_agency,
    deadline=None,
    description: str = "",
    target_url: str = "",
    published_url: str = "",
    response_text: str = "",
    channel: str = "",
    legal_basis: Iterable[LegalProvision] = (),
    reasons: str = "",
    origin: str = "",
) -> HandlingAction:
    """Add an action to the case's draft plan (an appraised case). Safeguards apply here already."""
    _require_lead(acting_user, case)
    if case.state != S.APPRAISED:
        raise IllegalTransition(gettext_lazy("Actions are planned once a case is appraised; case %(code)s is %(state)s."),
                                code=case.code, state=S(case.state).label)
    legal_basis = list(legal_basis)
    check_action_safeguards(case, kind=kind, legal_basis=legal_basis, reasons=reasons, target_url=target_url)
    if kind == ActionKind.REQUEST_CORRECTION and not (target_url or description):
        raise CaseError(gettext_lazy("Say what should be corrected (the URL or a description)."))
    plan = _draft_plan(case, acting_user, origin)
    action = HandlingAction.objects.create(
        plan=plan, case=case, kind=kind, owner_agency=owner_agency, deadline=deadline, description=description,
        target_url=target_url, published_url=published_url, response_text=response_text, channel=channel,
        reasons=reasons, proposed_by=acting_user, needs_second_approval=kind in RESTRICTIVE_ACTIONS,
    )
    action.legal_basis.set(legal_basis)
    _add_participant(case, owner_agency, actor=acting_user)  # owning an action means taking part
    events.event_plan_action_added(case, actor=acting_user, action=action)
    _audit("case.plan_action_add", actor=acting_user, obj=action, changes={
        "case": case.code, "kind": kind, "owner": owner_agency.short_name, "deadline": deadline,
        "legal_basis": [p.code for p in legal_basis], "reasons": reasons, "origin": origin})
    return action


@transaction.atomic
def do_remove_plan_action(action: HandlingAction, *, acting_user) -> None:
    """Take an action out of a plan that is not yet approved (it stays on record as cancelled)."""
    _require_lead(acting_user, action.case)
    if action.plan.status not in (PlanStatus.DRAFT, PlanStatus.REJECTED):
        raise IllegalTransition(gettext_lazy("Only actions of a draft plan can be removed."))
    _set_action_status(action, ActionStatus.CANCELLED, actor=acting_user, note=_("removed from the draft plan"))


@transaction.atomic
def do_submit_plan(case: Case, *, acting_user, summary: str = "") -> HandlingPlan:
    """Send the draft plan to the lead agency's leaders for approval."""
    _require_lead(acting_user, case)
    if case.state != S.APPRAISED:
        raise IllegalTransition(gettext_lazy("Only the plan of an appraised case can be submitted."))
    plan = case.current_plan()
    if plan is None or plan.status not in (PlanStatus.DRAFT, PlanStatus.REJECTED):
        raise IllegalTransition(gettext_lazy("There is no draft plan to submit."))
    if not plan.actions.exclude(status=ActionStatus.CANCELLED).exists():
        raise CaseError(gettext_lazy("A plan needs at least one action (\"no action\" is one)."))
    plan.status = PlanStatus.SUBMITTED
    plan.submitted_at = timezone.now()
    if summary:
        plan.summary = summary
    plan.save(update_fields=["status", "submitted_at", "summary"])
    events.event_plan_submitted(case, actor=acting_user, plan=plan)
    _audit("case.plan_submit", actor=acting_user, obj=plan, changes={"case": case.code, "summary": summary})
    from haidang.agencies.queries import leaders_of

    notify(leaders_of(case.lead_agency), verb="cases.approval_needed", target=case, url=_case_url(case),
           exclude=acting_user, text=_("The handling plan of case %(case)s awaits your approval.")
           % {"case": _case_label(case)})
    return plan


@transaction.atomic
def do_withdraw_plan(case: Case, *, acting_user, note: str = "") -> HandlingPlan:
    """The lead agency takes a submitted plan back to revise it (add or remove actions); it is
    submitted again afterwards. Leaders are told it no longer awaits them."""
    _require_lead(acting_user, case)
    plan = case.current_plan()
    if case.state != S.APPRAISED or plan is None or plan.status != PlanStatus.SUBMITTED:
        raise IllegalTransition(gettext_lazy("Only a plan awaiting approval can be withdrawn for revision."))
    plan.status = PlanStatus.DRAFT
    plan.submitted_at = None
    plan.save(update_fields=["status", "submitted_at"])
    events.event_plan_withdrawn(case, actor=acting_user, plan=plan, note=note)
    _audit("case.plan_withdraw", actor=acting_user, obj=plan, changes={"case": case.code, "note": note})
    from haidang.agencies.queries import leaders_of

    notify(leaders_of(case.lead_agency), verb="cases.plan_withdrawn", target=case, url=_case_url(case),
           exclude=acting_user, text=_("The plan of case %(case)s was withdrawn for revision; it will be submitted "
                                       "again.") % {"case": _case_label(case)})
    return plan


@transaction.atomic
def do_approve_plan(case: Case, *, acting_user, note: str = "") -> HandlingPlan:
    """A leader of the lead agency approves the plan: appraised → plan_approved.

    Restrictive actions then wait for their second approver; the others are assigned to their owners.
    """
    _require_leader(acting_user, case)
    plan = case.current_plan()
    if plan is None or plan.status not in (PlanStatus.SUBMITTED, PlanStatus.DRAFT):
        raise IllegalTransition(gettext_lazy("There is no plan awaiting approval."))
    actions = list(plan.actions.exclude(status=ActionStatus.CANCELLED).select_related("owner_agency"))
    if not actions:
        raise CaseError(gettext_lazy("A plan needs at least one action (\"no action\" is one)."))
    for action in actions:  # the appraisal or the press registry may have changed since proposal
        check_action_safeguards(case, kind=action.kind, legal_basis=action.legal_basis.all(),
                                reasons=action.reasons, target_url=action.target_url)
    _transition(case, S.PLAN_APPROVED, actor=acting_user, allowed_from=[S.APPRAISED], reason=note)
    plan.status = PlanStatus.APPROVED
    plan.approved_by = acting_user
    plan.approved_at = timezone.now()
    plan.save(update_fields=["status", "approved_by", "approved_at"])
    events.event_plan_approved(case, actor=acting_user, plan=plan)
    _audit("case.plan_approve", actor=acting_user, obj=plan, changes={"case": case.code, "note": note})
    from haidang.agencies.queries import designated_officers, leaders_of

    for action in actions:
        if action.needs_second_approval:
            _set_action_status(action, ActionStatus.AWAITING_SECOND_APPROVAL, actor=acting_user)
            others = [u for u in leaders_of(case.lead_agency) if u.pk not in (acting_user.pk, action.proposed_by_id)]
            notify(others, verb="cases.second_approval_needed", target=case, url=_case_url(case),
                   text=_("Case %(case)s: \"%(kind)s\" needs a second approver.")
                   % {"case": _case_label(case), "kind": ActionKind(action.kind).label})
        else:
            _set_action_status(action, ActionStatus.READY, actor=acting_user)
            _tell_owner(action, designated_officers)
    return plan


def _tell_owner(action: HandlingAction, designated_officers) -> None:
    case = action.case
    notify(designated_officers(action.owner_agency), verb="cases.action_assigned", target=case,
           url=_case_url(case), text=_("Case %(case)s: your agency is to \"%(kind)s\"%(by)s.") % {
               "case": _case_label(case), "kind": ActionKind(action.kind).label,
               "by": (_(" by %(date)s") % {"date": action.deadline.isoformat()}) if action.deadline else ""})


@transaction.atomic
def do_return_plan(case: Case, *, acting_user, note: str) -> HandlingPlan:
    """A leader sends the submitted plan back to be reworked, saying why."""
    _require_leader(acting_user, case)
    plan = case.current_plan()
    if plan is None or plan.status != PlanStatus.SUBMITTED:
        raise IllegalTransition(gettext_lazy("There is no plan awaiting approval."))
    if not note.strip():
        raise CaseError(gettext_lazy("Say why the plan is returned."))
    plan.status = PlanStatus.REJECTED
    plan.return_note = note
    plan.save(update_fields=["status", "return_note"])
    events.event_plan_returned(case, actor=acting_user, plan=plan, note=note)
    _audit("case.plan_return", actor=acting_user, obj=plan, changes={"case": case.code, "note": note})
    notify([plan.proposed_by, case.lead_officer], verb="cases.plan_returned", target=case, url=_case_url(case),
           exclude=acting_user, text=_("The plan of case %(case)s was returned.") % {"case": _case_label(case)})
    return plan


@transaction.atomic
def do_second_approve_action(action: HandlingAction, *, acting_user, note: str = "") -> HandlingAction:
    """Four eyes: a second leader of the lead agency — neither the proposer nor the plan's approver —
    approves a removal, penalty or police referral. Until then it cannot be started."""
    case = action.case
    _require_leader(acting_user, case)
    action.refresh_from_db()
    if action.status != ActionStatus.AWAITING_SECOND_APPROVAL:
        raise IllegalTransition(gettext_lazy("This action is not awaiting a second approval."))
    if acting_user.pk in (action.proposed_by_id, action.plan.approved_by_id):
        raise FourEyesRequired(gettext_lazy(
            "The second approver must be a different person from the proposer and from the plan's approver."))
    check_action_safeguards(case, kind=action.kind, legal_basis=action.legal_basis.all(), reasons=action.reasons,
                            target_url=action.target_url)
    action.second_approved_by = acting_user
    action.second_approved_at = timezone.now()
    action.save(update_fields=["second_approved_by", "second_approved_at"])
    events.event_action_second_approved(case, actor=acting_user, action=action)
    _audit("case.action_second_approve", actor=acting_user, obj=action, changes={
        "case": case.code, "kind": action.kind, "note": note})
    _set_action_status(action, ActionStatus.READY, actor=acting_user, note=note)
    from haidang.agencies.queries import designated_officers

    _tell_owner(action, designated_officers)
    return action


def _set_action_status(action: HandlingAction, status: str, *, actor, note: str = "") -> None:
    old = action.status
    action.status = status
    fields = ["status"]
    if status in (ActionStatus.DONE, ActionStatus.FAILED):
        action.completed_at = timezone.now()
        fields.append("completed_at")
    action.save(update_fields=fields)
    events.event_action_status(action.case, actor=actor, action=action, old=old, new=status, note=note)
    _audit("case.action_status", actor=actor, obj=action, changes={
        "case": action.case.code, "kind": action.kind, "from": old, "to": status, "note": note})


@transaction.atomic
def do_start_handling(case: Case, *, acting_user) -> Case:
    """plan_approved → handling (also done implicitly when the first action starts)."""
    _require_lead(acting_user, case)
    _transition(case, S.HANDLING, actor=acting_user, allowed_from=[S.PLAN_APPROVED])
    return case


@transaction.atomic
def do_start_action(action: HandlingAction, *, acting_user) -> HandlingAction:
    """The owner starts carrying out an action. Restrictive actions without a second approver are refused."""
    _require_action_owner(acting_user, action)
    action.refresh_from_db()
    case = action.case
    if action.needs_second_approval and action.second_approved_by_id is None:
        raise FourEyesRequired()
    if action.status != ActionStatus.READY:
        raise IllegalTransition(gettext_lazy("Only a ready action can be started."))
    if case.state == S.PLAN_APPROVED:
        _transition(case, S.HANDLING, actor=acting_user, allowed_from=[S.PLAN_APPROVED])
    elif case.state != S.HANDLING:
        raise IllegalTransition(gettext_lazy("Case %(code)s is %(state)s; its actions cannot be started."),
                                code=case.code, state=S(case.state).label)
    _set_action_status(action, ActionStatus.IN_PROGRESS, actor=acting_user)
    return action


def _refetch(url: str, acting_user):
    """Re-fetch through content's collector (its own function, so tests can stand in for the network)."""
    return do_refetch_url(url, acting_user=acting_user)


def _snapshot_status(snapshot) -> int | None:
    for name in ("status_code", "http_status"):
        value = getattr(snapshot, name, None)
        if isinstance(value, int):
            return value
    return None


@transaction.atomic
def do_record_proof(
    action: HandlingAction,
    *,
    acting_user,
    text: str = "",
    url: str = "",
    file=None,
    refetch: bool = False,
) -> ActionProof:
    """Record proof that an action was carried out.

    `refetch=True` re-fetches the action's target URL through the ingest app and records the
    response status (e.g. 404/410 after a removal) and the snapshot; otherwise a statement, link or file.
    """
    _require_action_owner(acting_user, action)
    action.refresh_from_db()
    if action.status not in (ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.FAILED):
        raise IllegalTransition(gettext_lazy("Proof is recorded for an action in progress or finished."))
    _check_uploads([file])
    status, snapshot_id, kind = None, "", ProofKind.TEXT
    if refetch:
        target = action.target_url or url
        if not target:
            raise CaseError(gettext_lazy("There is no URL to re-fetch."))
        snapshot = _refetch(target, acting_user)
        if snapshot is None:
            raise CaseError(gettext_lazy(
                "Re-fetching is not available yet: record the proof as a statement, link or file."))
        status, snapshot_id, kind, url = _snapshot_status(snapshot), str(getattr(snapshot, "pk", "") or ""), \
            ProofKind.REFETCH, target
        if status is None:
            # Nothing answered (DNS gone, connection refused): that is itself evidence of removal.
            text = text or (_("Re-fetched: no response (%(error)s)") % {"error": getattr(snapshot, "error", "")})
        else:
            text = text or (_("Re-fetched: HTTP %(status)s") % {"status": status})
    elif file is not None:
        kind = ProofKind.FILE
    elif url:
        kind = ProofKind.URL
    elif not text.strip():
        raise CaseError(gettext_lazy("Proof needs a statement, a link, a file or a re-fetch."))
    proof = ActionProof.objects.create(action=action, kind=kind, text=text, url=url, file=file or "",
                                       http_status=status, snapshot_id=snapshot_id, recorded_by=acting_user)
    events.event_proof_recorded(action.case, actor=acting_user, proof=proof)
    _audit("case.action_proof", actor=acting_user, obj=proof, changes={
        "case": action.case.code, "action": action.pk, "kind": kind, "url": url, "http_status": status,
        "snapshot": snapshot_id, "sha256": sha256_of_upload(file) if file is not None else ""})
    return proof


@transaction.atomic
def do_complete_action(action: HandlingAction, *, acting_user, result: str, failed: bool = False) -> HandlingAction:
    """Finish an action with its result. Every action except monitoring/no action needs proof first."""
    _require_action_owner(acting_user, action)
    action.refresh_from_db()
    if action.status != ActionStatus.IN_PROGRESS:
        raise IllegalTransition(gettext_lazy("Only an action in progress can be completed."))
    if not result.strip():
        raise CaseError(gettext_lazy("Describe the result."))
    if action.kind not in PROOFLESS_ACTIONS and not action.proofs.exists():
        raise CaseError(gettext_lazy("Record proof before completing the action."))
    action.result = result
    action.save(update_fields=["result"])
    _set_action_status(action, ActionStatus.FAILED if failed else ActionStatus.DONE, actor=acting_user, note=result)
    case = action.case
    notify([case.lead_officer], verb="cases.action_done", target=case, url=_case_url(case), exclude=acting_user,
           text=_("Case %(case)s: \"%(kind)s\" is %(status)s.") % {
               "case": _case_label(case), "kind": ActionKind(action.kind).label,
               "status": ActionStatus(action.status).label})
    return action


@transaction.atomic
def do_cancel_action(action: HandlingAction, *, acting_user, reason: str) -> HandlingAction:
    """A leader cancels an unfinished action of an approved plan, on record with the reason."""
    _require_leader(acting_user, action.case)
    if action.status in FINISHED_ACTION_STATUSES:
        raise IllegalTransition(gettext_lazy("This action is already finished."))
    if not reason.strip():
        raise CaseError(gettext_lazy("Give the reason."))
    _set_action_status(action, ActionStatus.CANCELLED, actor=acting_user, note=reason)
    return action


def _notify_outcome(case: Case, text: str, actor) -> None:
    from haidang.agencies.queries import designated_officers

    people = [case.lead_officer, *[r.reported_by for r in case.reports.select_related("reported_by")]]
    for participant in case.participants.select_related("agency"):
        people.extend(designated_officers(participant.agency))
    notify(people, verb="cases.outcome", target=case, url=_case_url(case), text=text, exclude=actor)


@transaction.atomic
def do_close_case(case: Case, *, acting_user, outcome: str) -> Case:
    """handling → closed, once every action is finished. Reporters and participants are told."""
    _require_lead(acting_user, case)
    if not outcome.strip():
        raise CaseError(gettext_lazy("Summarise the outcome."))
    plan = case.current_plan()
    if plan is not None and plan.actions.exclude(status__in=FINISHED_ACTION_STATUSES).exists():
        raise IllegalTransition(gettext_lazy("Every action must be finished (done, failed or cancelled) first."))
    _transition(case, S.CLOSED, actor=acting_user, allowed_from=[S.HANDLING], reason=outcome)
    case.outcome = outcome
    case.save(update_fields=["outcome"])
    _notify_outcome(case, _("Case %(case)s is closed.") % {"case": _case_label(case)}, acting_user)
    return case


@transaction.atomic
def do_dismiss_case(case: Case, *, acting_user, reason: str) -> Case:
    """Dismiss an open case before its plan is approved, with the reason."""
    _require_lead(acting_user, case)
    if not reason.strip():
        raise CaseError(gettext_lazy("Give the reason for dismissal."))
    _transition(case, S.DISMISSED, actor=acting_user, allowed_from=[S.NEW, S.VERIFYING, S.COORDINATING, S.APPRAISED],
                reason=reason)
    case.dismiss_reason = reason
    case.save(update_fields=["dismiss_reason"])
    _notify_outcome(case, _("Case %(case)s was dismissed.") % {"case": _case_label(case)}, acting_user)
    return case


@transaction.atomic
def do_reopen_case(case: Case, *, acting_user, reason: str) -> Case:
    """closed/dismissed → verifying: a leader reopens a case, saying why."""
    _require_leader(acting_user, case)
    if not reason.strip():
        raise CaseError(gettext_lazy("Give the reason for reopening."))
    _transition(case, S.VERIFYING, actor=acting_user, allowed_from=[S.CLOSED, S.DISMISSED], reason=reason)
    case.due_at = case_due_at(case.priority)
    case.save(update_fields=["due_at"])
    _notify_outcome(case, _("Case %(case)s was reopened.") % {"case": _case_label(case)}, acting_user)
    return case


# --- appeals and reversals -----------------------------------------------------------

DECISION_MODELS = {
    DecisionType.REPORT_DISMISSAL: Report,
    DecisionType.CASE_DISMISSAL: Case,
    DecisionType.CLOSURE: Case,
    DecisionType.VERIFICATION: Verification,
    DecisionType.APPRAISAL: Appraisal,
    DecisionType.PLAN_APPROVAL: HandlingPlan,
    DecisionType.ACTION: HandlingAction,
}


def resolve_decision(decision_type: str, target_id) -> tuple[Case | None, Report | None, object]:
    """The object a decision refers to, with its case (and report). Raises CaseError if it is not a decision."""
    model = DECISION_MODELS.get(decision_type)
    if model is None:
        raise CaseError(gettext_lazy("Unknown kind of decision."))
    target = model.objects.filter(pk=target_id).first()
    if target is None:
        raise CaseError(gettext_lazy("That decision does not exist."))
    ok = {
        DecisionType.REPORT_DISMISSAL: lambda t: t.status == ReportStatus.DISMISSED,
        DecisionType.CASE_DISMISSAL: lambda t: t.state == S.DISMISSED,
        DecisionType.CLOSURE: lambda t: t.state == S.CLOSED,
        DecisionType.PLAN_APPROVAL: lambda t: t.status == PlanStatus.APPROVED and t.reversed_at is None,
        DecisionType.VERIFICATION: lambda t: t.reversed_at is None,
        DecisionType.APPRAISAL: lambda t: t.reversed_at is None,
        DecisionType.ACTION: lambda t: t.reversed_at is None and t.status not in (
            ActionStatus.CANCELLED, ActionStatus.REVERSED, ActionStatus.PROPOSED),
    }[decision_type](target)
    if not ok:
        raise CaseError(gettext_lazy("That decision is not in force, so it cannot be appealed or reversed."))
    if isinstance(target, Report):
        return None, target, target
    if isinstance(target, Case):
        return target, None, target
    return target.case, None, target


@transaction.atomic
def do_file_appeal(*, acting_user, decision_type: str, target_id, grounds: str) -> Appeal:
    """Appeal a decision: any working member of an agency that can see it. Leaders are told."""
    case, report, _target = resolve_decision(decision_type, target_id)
    if case is not None:
        if not _can_see(acting_user, case) or not access.agency_ids(acting_user, access.WORKING_ROLES):
            raise PermissionDenied(_("You cannot appeal this decision."))
    elif not access.has_role(acting_user, report.reporting_agency) and not access.is_lead_member(
            acting_user, access.WORKING_ROLES):
        raise PermissionDenied(_("You cannot appeal this decision."))
    if not grounds.strip():
        raise CaseError(gettext_lazy("State the grounds of the appeal."))
    appeal = Appeal.objects.create(case=case, report=report, decision_type=decision_type, target_id=int(target_id),
                                   grounds=grounds, filed_by=acting_user,
                                   filed_by_agency=access.primary_agency(acting_user))
    if case is not None:
        events.event_appeal_filed(case, actor=acting_user, appeal=appeal)
    _audit("case.appeal_file", actor=acting_user, obj=appeal, changes={
        "decision_type": decision_type, "target_id": int(target_id), "grounds": grounds,
        "case": case.code if case else None, "report": report.pk if report else None})
    from haidang.agencies.queries import leaders_of

    lead = case.lead_agency if case else access.lead_agency()
    notify(leaders_of(lead), verb="cases.appeal_filed", target=appeal, exclude=acting_user,
           url=_case_url(case) if case else reverse("cases:report_detail", args=[report.pk]),
           text=_("An appeal against a %(decision)s awaits a decision.") % {"decision": DecisionType(decision_type).label})
    return appeal


@transaction.atomic
def do_decide_appeal(appeal: Appeal, *, acting_user, reverse_decision: bool, reason: str) -> Appeal:
    """A leader of the lead agency upholds or reverses the decision, with reasons. The filer is told."""
    case = appeal.case
    _require_leader(acting_user, case)
    appeal.refresh_from_db()
    if appeal.status != AppealStatus.PENDING:
        raise IllegalTransition(gettext_lazy("This appeal was already decided."))
    if acting_user.pk == appeal.filed_by_id:
        raise FourEyesRequired(gettext_lazy("Nobody decides their own appeal."))
    if not reason.strip():
        raise CaseError(gettext_lazy("Give the reasons for the decision."))
    appeal.status = AppealStatus.REVERSED if reverse_decision else AppealStatus.UPHELD
    appeal.decided_by = acting_user
    appeal.decided_at = timezone.now()
    appeal.decision_reason = reason
    appeal.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    if case is not None:
        events.event_appeal_decided(case, actor=acting_user, appeal=appeal)
    _audit("case.appeal_decide", actor=acting_user, obj=appeal, changes={"status": appeal.status, "reason": reason})
    if reverse_decision:
        do_reverse_decision(acting_user=acting_user, decision_type=appeal.decision_type, target_id=appeal.target_id,
                            reason=reason, appeal=appeal)
    notify([appeal.filed_by], verb="cases.appeal_decided", target=appeal,
           url=_case_url(case) if case else reverse("cases:report_detail", args=[appeal.report_id]),
           text=_("Your appeal was decided: %(status)s.") % {"status": AppealStatus(appeal.status).label})
    return appeal


def _supersede_plan(case: Case, reversal: Reversal, actor, now) -> None:
    """A plan resting on a reversed verification or appraisal no longer stands; its open actions stop."""
    plan = case.current_plan()
    if plan is None:
        return
    plan.status = PlanStatus.SUPERSEDED
    plan.reversed_at, plan.reversal = now, reversal
    plan.save(update_fields=["status", "reversed_at", "reversal"])
    for action in plan.actions.exclude(status__in=FINISHED_ACTION_STATUSES):
        _set_action_status(action, ActionStatus.CANCELLED, actor=actor, note=_("the plan was superseded"))


def _plan_restoration(case: Case, removal: HandlingAction, reversal: Reversal, actor) -> HandlingAction:
    """A removal carried out and then reversed: a "restore the content" action joins the approved plan,
    ready for the removal's owner, due within the handling allowance, and completed only with proof.
    A closed case goes back to handling and its outcome says why."""
    from haidang.agencies.queries import designated_officers
    from haidang.workdays.choices import Step
    from haidang.workdays.deadlines import due_at

    deadline = timezone.localtime(due_at(Step.HANDLING, case.priority)).date()
    restoration = HandlingAction.objects.create(
        plan=removal.plan, case=case, kind=ActionKind.RESTORE_CONTENT, owner_agency=removal.owner_agency,
        deadline=deadline, target_url=removal.target_url, reasons=reversal.reason, proposed_by=actor,
        description=_("The removal was reversed: ask the platform to restore the content and re-fetch it "
                      "to prove it is back."))
    restoration.legal_basis.set(removal.legal_basis.all())
    events.event_plan_action_added(case, actor=actor, action=restoration)
    _audit("case.plan_action_add", actor=actor, obj=restoration, changes={
        "case": case.code, "kind": restoration.kind, "owner": removal.owner_agency.short_name,
        "deadline": deadline, "origin": f"reversal:{reversal.pk}", "reverses": removal.pk})
    _set_action_status(restoration, ActionStatus.READY, actor=actor, note=reversal.reason)
    _tell_owner(restoration, designated_officers)
    case.refresh_from_db()
    if case.state == S.CLOSED:
        _transition(case, S.HANDLING, actor=actor, allowed_from=[S.CLOSED], reason=reversal.reason)
    before = case.outcome
    line = _("%(date)s: the removal was reversed (%(reason)s); %(agency)s is to have the content restored "
             "by %(deadline)s.") % {"date": timezone.localdate().strftime("%d/%m/%Y"), "reason": reversal.reason,
                                    "agency": removal.owner_agency.short_name,
                                    "deadline": deadline.strftime("%d/%m/%Y")}
    case.outcome = f"{before}\n{line}".strip()
    _touch(case, ["outcome"])
    events.event_outcome_changed(case, actor=actor, outcome=line)
    _audit("case.outcome", actor=actor, obj=case, changes={"before": before, "after": case.outcome})
    return restoration


@transaction.atomic
def do_reverse_decision(*, acting_user, decision_type: str, target_id, reason: str, appeal: Appeal | None = None
                        ) -> Reversal:
    """Reverse a decision (on appeal or on review). The decision stays on record, marked reversed,
    with a Reversal row saying why; the case moves back to where the decision can be taken again."""
    case, report, target = resolve_decision(decision_type, target_id)
    _require_leader(acting_user, case)
    if not reason.strip():
        raise CaseError(gettext_lazy("Give the reason for the reversal."))
    now = timezone.now()
    reversal = Reversal.objects.create(case=case, report=report, decision_type=decision_type,
                                       target_id=int(target_id), reason=reason, appeal=appeal, decided_by=acting_user)
    back_to = S.COORDINATING if case is not None and case.coordination_modes else S.VERIFYING
    if decision_type == DecisionType.REPORT_DISMISSAL:
        # Back to the triage queue; the dismissal itself stays in the audit log and the Reversal.
        report.status = ReportStatus.PENDING
        report.save(update_fields=["status"])
        _tell_reporter(report, _("The dismissal of your report #%(id)s was reversed; it is back in triage.")
                       % {"id": report.pk}, url=reverse("cases:report_detail", args=[report.pk]))
    elif decision_type == DecisionType.CASE_DISMISSAL:
        _transition(case, back_to, actor=acting_user, allowed_from=[S.DISMISSED], reason=reason)
    elif decision_type == DecisionType.CLOSURE:
        _transition(case, S.HANDLING, actor=acting_user, allowed_from=[S.CLOSED], reason=reason)
    elif decision_type in (DecisionType.VERIFICATION, DecisionType.APPRAISAL):
        target.reversed_at, target.reversal = now, reversal
        target.save(update_fields=["reversed_at", "reversal"])
        if decision_type == DecisionType.VERIFICATION:
            # The appraisal rested on this verification: it falls with it.
            for appraisal in case.appraisals.filter(reversed_at__isnull=True):
                appraisal.reversed_at, appraisal.reversal = now, reversal
                appraisal.save(update_fields=["reversed_at", "reversal"])
        if case.state in (S.APPRAISED, S.PLAN_APPROVED, S.HANDLING):
            _supersede_plan(case, reversal, acting_user, now)
            _transition(case, back_to, actor=acting_user,
                        allowed_from=[S.APPRAISED, S.PLAN_APPROVED, S.HANDLING], reason=reason)
    elif decision_type == DecisionType.PLAN_APPROVAL:
        _supersede_plan(case, reversal, acting_user, now)
        if case.state in (S.PLAN_APPROVED, S.HANDLING):
            _transition(case, S.APPRAISED, actor=acting_user, allowed_from=[S.PLAN_APPROVED, S.HANDLING],
                        reason=reason)
    elif decision_type == DecisionType.ACTION:
        target.reversed_at, target.reversal = now, reversal
        target.save(update_fields=["reversed_at", "reversal"])
        note = reason
        carried_out_removal = target.status == ActionStatus.DONE and target.kind == ActionKind.REQUEST_REMOVAL
        if carried_out_removal:
            note = _("%(reason)s — ask the platform to restore the content.") % {"reason": reason}
        _set_action_status(target, ActionStatus.REVERSED, actor=acting_user, note=note)
        if carried_out_removal:
            # Already carried out: reversing it on paper is not enough, the content must come back.
            _plan_restoration(case, target, reversal, acting_user)
        from haidang.agencies.queries import designated_officers

        notify(designated_officers(target.owner_agency), verb="cases.action_reversed", target=case,
               url=_case_url(case), exclude=acting_user, text=_("Case %(case)s: \"%(kind)s\" was reversed.")
               % {"case": _case_label(case), "kind": ActionKind(target.kind).label})
    if case is not None:
        events.event_decision_reversed(case, actor=acting_user, reversal=reversal)
    _audit("case.decision_reverse", actor=acting_user, obj=reversal, changes={
        "decision_type": decision_type, "target_id": int(target_id), "reason": reason,
        "appeal": appeal.pk if appeal else None, "case": case.code if case else None})
    return reversal
