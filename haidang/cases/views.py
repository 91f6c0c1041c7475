"""Minimal views to run the flow. Access: queries.access_*_for_user (404 for outsiders);
rules and roles: actions.py (PermissionDenied → 403, CaseError → a message on the form)."""

from __future__ import annotations

import csv
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from haidang.agencies import access
from haidang.audit.actions import record
from haidang.core.models import Notification
from haidang.core.notifications import mark_read

from . import actions, events, forms, queries, visibility
from .choices import (
    RESTRICTIVE_ACTIONS,
    ActionStatus,
    CaseState,
    Confidentiality,
    DecisionType,
    ExpressionType,
    HarmCategory,
    PlanStatus,
    Priority,
    ReportStatus,
)
from .errors import CaseError
from .models import Appeal, Report


def _require_lead_member(user) -> None:
    # The triage queue's existence is no secret, but only the lead agency works it: 404 for others,
    # consistent with every other refusal to outsiders.
    if not (user.is_superuser or access.is_lead_member(user)):
        raise Http404("not found")


# --- reports and triage --------------------------------------------------------------


@login_required
def report_new(request):
    if not access.agency_ids(request.user, access.WORKING_ROLES) and not request.user.is_superuser:
        raise PermissionDenied
    # "Report to the lead agency" from an item page: /cases/reports/new/?item=<id>
    item = None
    item_id = request.GET.get("item") or request.POST.get("item")
    if item_id:
        from haidang.content.queries import access_item_for_user

        item = access_item_for_user(request.user, item_id)
    initial = ({"url": forms.encode_unsafe(item.url), "description": item.title or item.text[:300],
                "category": forms.item_category(item)}
               if item is not None else None)
    form = forms.ReportForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = actions.do_create_report(
                acting_user=request.user, url=data["url"], description=data["description"], reason=data["reason"],
                category=data["category"], urgency=data["urgency"], attachments=data["attachments"], item=item)
        except CaseError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Report sent to the lead agency."))
            return redirect("cases:report_detail", report.pk)
    return render(request, "cases/report_form.html", {"form": form, "item": item})


@login_required
def report_detail(request, report_id: int):
    report = queries.view_report_for_user(request.user, report_id)
    appeal_form = forms.AppealForm(decisions=[(f"{DecisionType.REPORT_DISMISSAL}:{report.pk}",
                                               DecisionType.REPORT_DISMISSAL.label)])
    # The reporter learns the outcome, but a case they may not see is named by its code only.
    case_visible = bool(report.case_id and queries.search_cases(request.user).filter(pk=report.case_id).exists())
    return render(request, "cases/report_detail.html", {
        "report": report, "case_visible": case_visible, "appeal_form": appeal_form,
        "can_appeal": report.status == ReportStatus.DISMISSED,
        "appeals": report.appeals.all(),
    })


@login_required
def triage(request):
    _require_lead_member(request.user)
    reports = queries.triage_queue(request.user)
    open_cases = queries.open_case_choices(request.user)
    rows = []
    for report in reports:
        # One set of forms per report, each with its own ids (the field names stay the same).
        initial = {"title": forms.default_case_title(report), "priority": report.urgency}
        rows.append({
            "report": report,
            "accept": forms.AcceptReportForm(auto_id=f"r{report.pk}-accept-%s", initial=initial),
            "merge": forms.MergeReportForm(auto_id=f"r{report.pk}-merge-%s", cases=open_cases),
            "dismiss": forms.DismissReportForm(auto_id=f"r{report.pk}-dismiss-%s"),
        })
    return render(request, "cases/triage.html", {"rows": rows, "reports": reports})


def _pending_report(request, report_id):
    _require_lead_member(request.user)
    report = queries.access_report_for_user(request.user, report_id)
    return report


@login_required
@require_POST
def report_accept(request, report_id: int):
    report = _pending_report(request, report_id)
    form = forms.AcceptReportForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            case = actions.do_accept_report(report, acting_user=request.user, title=data["title"],
                                            priority=data["priority"], confidentiality=data["confidentiality"],
                                            participants=data["participants"])
        except CaseError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Case %(code)s opened.") % {"code": case.code})
            return redirect("cases:detail", case.pk)
    else:
        messages.error(request, _("Check the form."))
    return redirect("cases:triage")


@login_required
@require_POST
def report_merge(request, report_id: int):
    report = _pending_report(request, report_id)
    form = forms.MergeReportForm(request.POST, cases=queries.open_case_choices(request.user))
    if form.is_valid():
        try:
            case = actions.do_merge_report(report, form.cleaned_data["case"], acting_user=request.user,
                                           note=form.cleaned_data["note"])
        except CaseError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Report merged into %(code)s.") % {"code": case.code})
    else:
        messages.error(request, _("Choose a case."))
    return redirect("cases:triage")


@login_required
@require_POST
def report_dismiss(request, report_id: int):
    report = _pending_report(request, report_id)
    form = forms.DismissReportForm(request.POST)
    if form.is_valid():
        try:
            actions.do_dismiss_report(report, reason=form.cleaned_data["reason"], note=form.cleaned_data["note"],
                                      acting_user=request.user)
        except CaseError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Report dismissed; the reporter was told."))
    return redirect("cases:triage")


@login_required
@require_POST
def report_appeal(request, report_id: int):
    report = queries.access_report_for_user(request.user, report_id)
    form = forms.AppealForm(request.POST, decisions=[(f"{DecisionType.REPORT_DISMISSAL}:{report.pk}", "")])
    if form.is_valid():
        try:
            actions.do_file_appeal(acting_user=request.user, decision_type=DecisionType.REPORT_DISMISSAL,
                                   target_id=report.pk, grounds=form.cleaned_data["grounds"])
        except CaseError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Appeal filed."))
    return redirect("cases:report_detail", report.pk)


# --- cases ---------------------------------------------------------------------------


CASE_FILTERS = ("q", "state", "priority", "category", "confidentiality", "mine")


@login_required
def case_list(request):
    from django.core.paginator import Paginator

    f = {key: request.GET.get(key, "").strip() for key in CASE_FILTERS}
    cases = queries.search_cases(request.user, q=f["q"], state=f["state"], category=f["category"],
                                 priority=f["priority"], confidentiality=f["confidentiality"], mine=f["mine"] == "1")
    page = Paginator(cases, 50).get_page(request.GET.get("page"))
    return render(request, "cases/list.html", {
        "cases": page.object_list, "page": page, "f": f, "q": f["q"], "state": f["state"],
        "category": f["category"], "filtered": any(f.values()),
        "states": CaseState.choices, "categories": HarmCategory.choices, "priorities": Priority.choices,
        "confidentialities": Confidentiality.choices,
    })


@login_required
def case_export(request):
    """All cases the user may see, as CSV (default) or JSON. Confidential ones are marked."""
    cases = list(queries.search_cases(request.user, q=request.GET.get("q", "").strip()))
    rows = [queries.case_as_dict(c) for c in cases]
    for case in cases:
        if case.is_confidential:
            record("export", actor=request.user, obj=case)
    if request.GET.get("format") == "json":
        return JsonResponse({"cases": rows}, json_dumps_params={"ensure_ascii": False})
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="cases.csv"'
    fields = list(rows[0]) if rows else ["code", "title", "state", "confidentiality", "confidential_marking"]
    writer = csv.DictWriter(response, fieldnames=fields)
    writer.writeheader()
    writer.writerows(rows)
    return response


@login_required
def case_export_one(request, case_id: int):
    case = queries.access_case_for_user(request.user, case_id)
    if case.is_confidential:
        record("export", actor=request.user, obj=case)
    response = HttpResponse(json.dumps(queries.case_as_dict(case, full=True, user=request.user),
                                       ensure_ascii=False, indent=2),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{case.code}.json"'
    return response


def _decisions(case) -> list[tuple[str, str]]:
    """Decisions on this case in force now, as appeal choices: "<type>:<id>"."""
    out = []
    if case.state == CaseState.DISMISSED:
        out.append((f"{DecisionType.CASE_DISMISSAL}:{case.pk}", DecisionType.CASE_DISMISSAL.label))
    if case.state == CaseState.CLOSED:
        out.append((f"{DecisionType.CLOSURE}:{case.pk}", DecisionType.CLOSURE.label))
    verification, appraisal, plan = case.current_verification(), case.current_appraisal(), case.current_plan()
    if verification:
        out.append((f"{DecisionType.VERIFICATION}:{verification.pk}", DecisionType.VERIFICATION.label))
    if appraisal:
        out.append((f"{DecisionType.APPRAISAL}:{appraisal.pk}", DecisionType.APPRAISAL.label))
    if plan and plan.status == PlanStatus.APPROVED:
        out.append((f"{DecisionType.PLAN_APPROVAL}:{plan.pk}", DecisionType.PLAN_APPROVAL.label))
        for action in plan.actions.exclude(status__in=[ActionStatus.CANCELLED, ActionStatus.REVERSED]):
            out.append((f"{DecisionType.ACTION}:{action.pk}", f"{DecisionType.ACTION.label}: {action.get_kind_display()}"))
    return out


CASE_TABS = (
    ("overview", gettext_lazy("Overview"), "info-circle"),
    ("evidence", gettext_lazy("Evidence"), "paperclip"),
    ("verification", gettext_lazy("Verification"), "search"),
    ("appraisal", gettext_lazy("Appraisal"), "journal-text"),
    ("meetings", gettext_lazy("Meetings"), "people"),
    ("consultations", gettext_lazy("Consultations"), "chat-left-text"),
    ("plan", gettext_lazy("Plan and approvals"), "clipboard-check"),
    ("actions", pgettext_lazy("handling actions", "Actions"), "list-task"),
    ("audit", gettext_lazy("Audit"), "shield-lock"),
)


def _audit_entries(case, plans, plan_actions) -> list:
    """The audit entries of the case and of its plans and actions, oldest first (inspectors' view)."""
    from haidang.audit import labels as audit_labels
    from haidang.audit.queries import entries_for

    entries = []
    for obj in [case, *plans, *plan_actions, *case.verifications.all(), *case.appraisals.all()]:
        entries.extend(entries_for(obj).select_related("actor", "agency"))
    entries.sort(key=lambda e: e.pk)
    for entry in entries:
        entry.change_rows = audit_change_rows(entry.changes)
        entry.action_label = audit_labels.label(entry.action)
    return entries[-300:]


def _code_labels() -> dict:
    from .choices import ActionKind, CoordinationMode, Severity, Verdict

    return {"category": HarmCategory, "priority": Priority, "urgency": Priority, "confidentiality": Confidentiality,
            "severity": Severity, "expression_type": ExpressionType, "kind": ActionKind, "verdict": Verdict,
            "mode": CoordinationMode, "decision_type": DecisionType}


def _audit_value(value, key: str = "") -> str:
    """One value for people: codes of a known field by their label (scam → lừa đảo), lists joined."""
    choices = _code_labels().get(key)
    if choices is not None and isinstance(value, str) and value in choices.values:
        return str(choices(value).label)
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list | tuple):
        return ", ".join(_audit_value(v) for v in value) or "—"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_audit_value(v)}" for k, v in value.items())
    return str(value)


def _field_label(key: str) -> str:
    """A changed field's name as the forms call it (the models' verbose names), else the key itself."""
    from .models import Appraisal, Case, HandlingAction, HandlingPlan

    if key == "kind":
        return str(pgettext_lazy("handling action", "Action"))
    for model in (Case, HandlingAction, HandlingPlan, Appraisal):
        try:
            return str(model._meta.get_field(key).verbose_name)
        except Exception:  # noqa: BLE001 - FieldDoesNotExist: try the next model
            continue
    return {"from": _("before"), "to": _("after"), "note": _("note"), "reason": _("reason"),
            "case": _("case"), "owner": _("owner agency"), "agency": _("agency"),
            "kind": pgettext_lazy("handling action", "Action")}.get(key, key)


def audit_change_rows(changes) -> list[tuple[str, str, str]]:
    """An audit entry's changes as (field, before, after) rows for people, not JSON: entries written as
    {"before": {...}, "after": {...}} or {"from": x, "to": y} show both sides; the rest show the value."""
    if not isinstance(changes, dict) or not changes:
        return []
    if isinstance(changes.get("before"), dict) or isinstance(changes.get("after"), dict):
        before, after = changes.get("before") or {}, changes.get("after") or {}
        rows = []
        for key in [*before, *[k for k in after if k not in before]]:
            old, new = before.get(key), after.get(key)
            rows.append((_field_label(key), _audit_value(old, key), _audit_value(new, key)))
        rows += [(_field_label(k), "", _audit_value(v, k)) for k, v in changes.items() if k not in ("before", "after")]
        return rows
    if "before" in changes and "after" in changes:
        rows = [("", _audit_value(changes["before"]), _audit_value(changes["after"]))]
        return rows + [(_field_label(k), "", _audit_value(v, k)) for k, v in changes.items()
                       if k not in ("before", "after")]
    if "from" in changes and "to" in changes:
        labels = dict(ActionStatus.choices) if "kind" in changes else dict(CaseState.choices)
        rows = [(str(_("state")) if "kind" not in changes else str(_("status")),
                 str(labels.get(changes["from"], _audit_value(changes["from"]))),
                 str(labels.get(changes["to"], _audit_value(changes["to"]))))]
        return rows + [(_field_label(k), "", _audit_value(v, k)) for k, v in changes.items() if k not in ("from", "to")]
    return [(_field_label(k), "", _audit_value(v, k)) for k, v in changes.items()]


@login_required
def case_detail(request, case_id: int):
    from haidang.agencies.queries import leaders_of

    case = _reading_once(queries.view_case_for_user(request.user, case_id))
    plan = case.current_plan()
    user = request.user
    visibility.read_coordination_once(user, case)  # the timeline, next step and tabs below share it
    is_lead_working = access.has_role(user, case.lead_agency) or user.pk == case.lead_officer_id
    is_leader = access.has_role(user, case.lead_agency, ("leader",))
    # The raw audit log is for inspectors: leaders of the lead agency and superusers.
    can_audit = is_leader
    timeline = [(e, events.describe(e))
                for e in visibility.visible_events(user, case, case.events.select_related("actor", "agency"))]
    leaders = list(leaders_of(case.lead_agency))
    plan_actions = list(plan.actions.select_related("owner_agency", "second_approved_by", "proposed_by", "plan")
                        .prefetch_related("legal_basis", "proofs")) if plan else []
    for a in plan_actions:
        a.is_restrictive = a.kind in RESTRICTIVE_ACTIONS
        a.can_carry_out = access.has_role(user, a.owner_agency) or access.has_role(user, case.lead_agency)
        a.can_second_approve = (is_leader and a.status == ActionStatus.AWAITING_SECOND_APPROVAL
                                and user.pk not in (a.proposed_by_id, plan.approved_by_id))
        a.second_approvers = queries.second_approvers(a, leaders) if a.needs_second_approval else []
    tabs = [t for t in CASE_TABS if t[0] != "audit" or can_audit]
    tab = request.GET.get("tab", "")
    if tab not in {t[0] for t in tabs}:
        tab = "overview"
    verification, appraisal = case.current_verification(), case.current_appraisal()
    # Loaded once as rows: the Evidence tab's badge counted the reports with a query of its own, and
    # the claims section (`case_claims`) read their item ids with two more.
    reports = list(case.reports.select_related("reporting_agency", "reported_by"))
    evidence = list(case.evidence.select_related("added_by"))
    can_appraise = is_lead_working and case.state in (CaseState.VERIFYING, CaseState.COORDINATING) and verification
    can_verify = case.state in (CaseState.VERIFYING, CaseState.COORDINATING)
    return render(request, "cases/detail.html", {
        "case": case, "plan": plan, "plan_actions": plan_actions, "timeline": timeline,
        "verification": verification, "appraisal": appraisal,
        "verifications": case.verifications.select_related("recorded_by").prefetch_related("evidence"),
        "appraisals": case.appraisals.select_related("recorded_by").prefetch_related("legal_basis"),
        "reports": reports, "evidence": evidence, "evidence_count": len(evidence) + len(reports),
        "participants": case.participants.select_related("agency"),
        "appeals": case.appeals.select_related("filed_by", "decided_by"),
        "reversals": case.reversals.select_related("decided_by"),
        "next": queries.next_step(case, user), "is_lead_working": is_lead_working, "is_leader": is_leader,
        "press": actions.case_involves_press(case, reports=reports, evidence=evidence), "S": CaseState, "PlanStatus": PlanStatus,
        "decisions": _decisions(case), "tabs": tabs, "tab": tab, "leaders": leaders,
        "can_audit": can_audit, "audit_entries": _audit_entries(case, list(case.plans.all()), list(case.actions.all()))
        if can_audit else [],
        "can_appraise": can_appraise, "can_verify": can_verify,
        "appraisal_form": forms.AppraisalForm(auto_id="appraisal-%s") if can_appraise else None,
        "verification_form": forms.VerificationForm(case=case, auto_id="verification-%s") if can_verify else None,
        "states_path": _states_path(case),
    })


def _reading_once(case):
    """The case page reads the verification, appraisal and plan in force from the view, `next_step`
    and `_decisions`: three look-ups each, nine queries. On this read-only page each is looked up
    once and kept on this instance (nothing here changes them)."""
    for name in ("current_verification", "current_appraisal", "current_plan"):
        found = getattr(case, name)()
        setattr(case, name, lambda found=found: found)
    return case


def _states_path(case) -> list[tuple[str, str, str]]:
    """The main road of a case as (value, label, "done" | "current" | "todo"), for the progress bar."""
    road = [CaseState.NEW, CaseState.VERIFYING, CaseState.COORDINATING, CaseState.APPRAISED,
            CaseState.PLAN_APPROVED, CaseState.HANDLING, CaseState.CLOSED]
    if case.state == CaseState.DISMISSED:
        return [(CaseState.NEW.value, CaseState.NEW.label, "done"),
                (CaseState.DISMISSED.value, CaseState.DISMISSED.label, "current")]
    if case.state != CaseState.COORDINATING and not case.coordination_modes:
        road.remove(CaseState.COORDINATING)  # coordination is optional
    index = road.index(case.state) if case.state in road else 0
    return [(s.value, s.label, "done" if i < index else "current" if i == index else "todo")
            for i, s in enumerate(road)]


def decision_facts(case, *, focus_action=None, appeal=None) -> dict:
    """What a leader decides on, shown above the approval, second-approval and appeal forms: the
    plan's actions (owner, target, deadline, legal basis, reasons), the verification and appraisal
    in force, the appeal's grounds and the decision it is against. Links to the minutes and the
    tallies come from the template (coordination's tag applies its own visibility rule)."""
    from .actions import DECISION_MODELS

    plan = case.current_plan()
    if focus_action is not None:
        shown = [focus_action]
    elif appeal is not None and appeal.decision_type == DecisionType.ACTION:
        shown = list(case.actions.filter(pk=appeal.target_id))
    elif plan is not None:
        shown = list(plan.actions.exclude(status=ActionStatus.CANCELLED))
    else:
        shown = []
    ids = [a.pk for a in shown]
    from .models import HandlingAction

    shown = list(HandlingAction.objects.filter(pk__in=ids).select_related("owner_agency", "proposed_by", "plan")
                 .prefetch_related("legal_basis").order_by("created_at", "id"))
    target = None
    if appeal is not None:
        model = DECISION_MODELS.get(appeal.decision_type)
        target = model.objects.filter(pk=appeal.target_id).first() if model else None
    appraisal = case.current_appraisal()
    return {
        "facts": True, "facts_plan": plan, "facts_actions": shown,
        "facts_verification": case.current_verification(), "facts_appraisal": appraisal,
        "facts_appeal": appeal, "facts_target": target,
        "facts_legal_basis": list(appraisal.legal_basis.all()) if appraisal else [],
    }


def _step(request, case_id, form_class, perform, title, *, form_kwargs=None, files=False, action_id=None,
          template="cases/step_form.html", next_tab: str = "", facts=None):
    """One generic step: GET shows the form, POST runs the action and returns to the case page."""
    case = queries.access_case_for_user(request.user, case_id)
    action = None
    if action_id is not None:
        action = queries.access_action_for_user(request.user, action_id)
        if action.case_id != case.pk:
            raise Http404("not found")
    if case.is_confidential:
        record("view", actor=request.user, obj=case)
    kwargs = form_kwargs or {}
    if request.method == "POST":
        form = form_class(request.POST, request.FILES if files else None, **kwargs)
        if form.is_valid():
            try:
                perform(case, form.cleaned_data, action) if action_id is not None else perform(case, form.cleaned_data)
            except CaseError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Saved."))
                # Back to the case page, on the tab where the step shows (the next step is on top).
                return redirect(reverse("cases:detail", args=[case.pk]) + (f"?tab={next_tab}" if next_tab else ""))
    else:
        form = form_class(**kwargs)
    context = {"case": case, "form": form, "title": title, "action": action, "ExpressionType": ExpressionType}
    if facts is not None:
        context.update(facts(case, action))
    return render(request, template, context, status=400 if request.method == "POST" else 200)


def _simple(request, case_id, perform, title, **kwargs):
    return _step(request, case_id, forms.NoteForm, lambda case, data: perform(case, data.get("note", "")), title,
                 **kwargs)


@login_required
def start_verification(request, case_id: int):
    return _simple(request, case_id, lambda c, note: actions.do_start_verification(c, acting_user=request.user),
                   _("Start verification"))


@login_required
def start_coordination(request, case_id: int):
    return _step(request, case_id, forms.CoordinationForm,
                 lambda c, d: actions.do_start_coordination(c, acting_user=request.user, mode=d["mode"]),
                 _("Choose a coordination mode"))


@login_required
def verify(request, case_id: int):
    case = queries.access_case_for_user(request.user, case_id)
    return _step(request, case_id, forms.VerificationForm, lambda c, d: actions.do_record_verification(
        c, acting_user=request.user, findings=d["findings"], verdict=d["verdict"], sources=d["sources"],
        evidence=d["evidence"]), _("Record the verification"), next_tab="verification", form_kwargs={"case": case})


@login_required
def appraise(request, case_id: int):
    return _step(request, case_id, forms.AppraisalForm, lambda c, d: actions.do_record_appraisal(
        c, acting_user=request.user, severity=d["severity"], expression_type=d["expression_type"],
        legal_basis=d["legal_basis"], protected_kinds=d["protected_kinds"], reasoning=d["reasoning"]),
        _("Record the appraisal"), template="cases/appraise.html", next_tab="appraisal")


@login_required
def plan_add_action(request, case_id: int):
    case = queries.access_case_for_user(request.user, case_id)
    plan = case.current_plan()
    if plan is not None and plan.status == PlanStatus.SUBMITTED:
        # The plan is with the leaders: adding to it means taking it back for revision first.
        return redirect("cases:plan_revise", case.pk)
    return _step(request, case_id, forms.PlanActionForm, lambda c, d: actions.do_add_plan_action(
        c, acting_user=request.user, **d), _("Add an action to the plan"), next_tab="plan")


@login_required
def plan_revise(request, case_id: int):
    case = queries.access_case_for_user(request.user, case_id)
    plan = case.current_plan()
    if request.method == "GET" and (plan is None or plan.status != PlanStatus.SUBMITTED):
        return redirect(reverse("cases:detail", args=[case.pk]) + "?tab=plan")

    def perform(c, data):
        actions.do_withdraw_plan(c, acting_user=request.user, note=data.get("note", ""))

    response = _step(request, case_id, forms.NoteForm, perform, _("Revise the plan"), next_tab="plan",
                     facts=lambda c, a: {**decision_facts(c), "revise_note": True})
    if response.status_code == 302:
        # Straight on to what the officer came for.
        return redirect("cases:plan_add_action", case.pk)
    return response


@login_required
def plan_submit(request, case_id: int):
    return _simple(request, case_id, lambda c, note: actions.do_submit_plan(c, acting_user=request.user, summary=note),
                   _("Submit the plan for approval"), next_tab="plan")


@login_required
def plan_approve(request, case_id: int):
    return _simple(request, case_id, lambda c, note: actions.do_approve_plan(c, acting_user=request.user, note=note),
                   _("Approve the handling plan"), next_tab="plan", facts=lambda c, a: decision_facts(c))


@login_required
def plan_return(request, case_id: int):
    return _step(request, case_id, forms.ReasonForm, lambda c, d: actions.do_return_plan(
        c, acting_user=request.user, note=d["reason"]), _("Return the plan"), next_tab="plan",
        facts=lambda c, a: decision_facts(c))


@login_required
def action_second_approve(request, case_id: int, action_id: int):
    return _step(request, case_id, forms.NoteForm, lambda c, d, a: actions.do_second_approve_action(
        a, acting_user=request.user, note=d["note"]), _("Second approval"), action_id=action_id, next_tab="plan",
        facts=lambda c, a: decision_facts(c, focus_action=a))


@login_required
def action_start(request, case_id: int, action_id: int):
    return _step(request, case_id, forms.NoteForm, lambda c, d, a: actions.do_start_action(
        a, acting_user=request.user), _("Start the action"), action_id=action_id, next_tab="actions")


@login_required
def action_proof(request, case_id: int, action_id: int):
    return _step(request, case_id, forms.ProofForm, lambda c, d, a: actions.do_record_proof(
        a, acting_user=request.user, text=d["text"], url=d["url"], file=d["file"], refetch=d["refetch"]),
        _("Record proof"), action_id=action_id, files=True, next_tab="actions")


@login_required
def action_complete(request, case_id: int, action_id: int):
    return _step(request, case_id, forms.CompleteActionForm, lambda c, d, a: actions.do_complete_action(
        a, acting_user=request.user, result=d["result"], failed=d["failed"]), _("Complete the action"),
        action_id=action_id, next_tab="actions")


@login_required
def close(request, case_id: int):
    return _step(request, case_id, forms.OutcomeForm, lambda c, d: actions.do_close_case(
        c, acting_user=request.user, outcome=d["outcome"]), _("Close the case"))


@login_required
def dismiss(request, case_id: int):
    return _step(request, case_id, forms.ReasonForm, lambda c, d: actions.do_dismiss_case(
        c, acting_user=request.user, reason=d["reason"]), _("Dismiss the case"))


@login_required
def reopen(request, case_id: int):
    return _step(request, case_id, forms.ReasonForm, lambda c, d: actions.do_reopen_case(
        c, acting_user=request.user, reason=d["reason"]), _("Reopen the case"))


@login_required
def participant_add(request, case_id: int):
    return _step(request, case_id, forms.ParticipantForm, lambda c, d: actions.do_add_participant(
        c, d["agency"], acting_user=request.user), _("Invite an agency"))


@login_required
def evidence_add(request, case_id: int):
    return _step(request, case_id, forms.EvidenceForm, lambda c, d: actions.do_add_evidence(
        c, acting_user=request.user, kind="file" if d["file"] else "url", url=d["url"], file=d["file"],
        note=d["note"]), _("Add evidence"), files=True, next_tab="evidence")


@login_required
def appeal(request, case_id: int):
    case = queries.access_case_for_user(request.user, case_id)

    def perform(c, d):
        decision_type, _sep, target_id = d["decision"].partition(":")
        actions.do_file_appeal(acting_user=request.user, decision_type=decision_type, target_id=int(target_id),
                               grounds=d["grounds"])

    return _step(request, case_id, forms.AppealForm, perform, _("Appeal a decision"),
                 form_kwargs={"decisions": _decisions(case)})


@login_required
def appeal_decide(request, case_id: int, appeal_id: int):
    appeal_obj = queries.access_appeal_for_user(request.user, appeal_id)
    if appeal_obj.case_id != case_id:
        raise Http404("not found")
    return _step(request, case_id, forms.DecideAppealForm, lambda c, d: actions.do_decide_appeal(
        appeal_obj, acting_user=request.user, reverse_decision=d["outcome"] == "reverse", reason=d["reason"]),
        _("Decide the appeal"), facts=lambda c, a: decision_facts(c, appeal=appeal_obj))


@login_required
def report_appeal_decide(request, appeal_id: int):
    appeal_obj = queries.access_appeal_for_user(request.user, appeal_id)
    if appeal_obj.case_id:
        raise Http404("not found")
    _require_lead_member(request.user)
    form = forms.DecideAppealForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_decide_appeal(appeal_obj, acting_user=request.user,
                                     reverse_decision=form.cleaned_data["outcome"] == "reverse",
                                     reason=form.cleaned_data["reason"])
        except CaseError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Saved."))
            return redirect("cases:report_detail", appeal_obj.report_id)
    return render(request, "cases/step_form.html", {"form": form, "title": _("Decide the appeal"),
                                                     "report": appeal_obj.report, "facts": True,
                                                     "facts_appeal": appeal_obj,
                                                     "facts_target": appeal_obj.report})


# --- proof you can open: files and snapshots, by the case's own access rule ------------------------


def download_response(field_file, name: str = ""):
    """The stored file as a download: never rendered in the browser (attachment + nosniff), so an
    uploaded HTML or SVG cannot run in our origin."""
    from pathlib import PurePosixPath

    from django.http import FileResponse

    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, OSError, ValueError):
        raise Http404("not found")
    filename = PurePosixPath(name or field_file.name).name or "file"
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type="application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _audit_download(user, case, obj, what: str) -> None:
    # Every download of a confidential case's proof is on record, like every view of the case.
    if case is not None and case.is_confidential:
        record("case.file_download", actor=user, obj=obj, changes={"case": case.code, "what": what})


@login_required
def case_file(request, case_id: int, kind: str, file_id: int):
    """A case's evidence file or an action's proof file: whoever may see the case (404 to anyone else)."""
    from .models import ActionProof, CaseEvidence

    case = queries.access_case_for_user(request.user, case_id)
    if kind == "evidence":
        obj = CaseEvidence.objects.filter(case=case, pk=file_id).exclude(file="").first()
    elif kind == "proof":
        obj = ActionProof.objects.filter(action__case=case, pk=file_id).exclude(file="").first()
    else:
        obj = None
    if obj is None:
        raise Http404("not found")
    _audit_download(request.user, case, obj, kind)
    return download_response(obj.file)


@login_required
def case_snapshot(request, case_id: int, snapshot_id: int):
    """A snapshot this case relies on (a re-fetch proof, snapshot evidence), through the case's rule and
    then content's own (need-to-know snapshots)."""
    from haidang.content.views import snapshot_download

    from .choices import EvidenceKind
    from .models import ActionProof, CaseEvidence

    case = queries.access_case_for_user(request.user, case_id)
    key = str(snapshot_id)
    proof = ActionProof.objects.filter(action__case=case, snapshot_id=key).first()
    evidence = CaseEvidence.objects.filter(case=case, kind=EvidenceKind.SNAPSHOT, ref_id=key).first()
    if proof is None and evidence is None:
        raise Http404("not found")
    _audit_download(request.user, case, proof or evidence, f"snapshot:{key}")
    return snapshot_download(request, snapshot_id)


@login_required
def report_attachment(request, report_id: int, attachment_id: int):
    """A report's attachment: whoever may see the report (its reporter, the lead agency)."""
    report = queries.access_report_for_user(request.user, report_id)
    attachment = report.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404("not found")
    _audit_download(request.user, report.case, attachment, "report_attachment")
    return download_response(attachment.file, attachment.name)


# --- inbox ---------------------------------------------------------------------------


@login_required
def inbox(request):
    """The person's notifications (newest first; ?unread=1 for the unread ones) and what awaits them."""
    if request.method == "POST":
        mark_read(request.user)
        return redirect("cases:inbox")
    mine = Notification.objects.restrict(request.user)
    unread_only = request.GET.get("unread") == "1"
    notifications = (mine.filter(read_at__isnull=True) if unread_only else mine)[:100]
    return render(request, "cases/inbox.html", {
        "notifications": notifications, "now": timezone.now(), "unread_only": unread_only,
        "unread_count": mine.filter(read_at__isnull=True).count(), "tasks": queries.my_tasks(request.user)})


__all__ = ["Appeal", "Report"]
