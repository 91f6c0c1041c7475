"""The grievance queue and page. Access: queries.access_grievance_for_user (404 for outsiders);
rules and roles: actions.py (PermissionDenied → 403, GrievanceError → a message on the form)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from haidang.agencies import access
from haidang.agencies.models import Agency
from haidang.cases.errors import CaseError

from . import actions, events, forms, queries
from .choices import OPEN_STATES, WORKABLE_STATES, GrievanceState


def _tabs():
    return [("open", _("To answer"), "inbox"), ("overdue", _("Overdue"), "alarm"),
            ("answered", _("Answered"), "check2-circle"), ("all", _("All"), "collection")]


@login_required
def grievance_list(request):
    access.require_officer_or_404(request.user)
    tab = request.GET.get("tab", "open")
    tab = tab if tab in queries.TABS else "open"
    requested = request.GET.get("agency", "")
    agency = queries.queue_agency(request.user, requested)
    q = request.GET.get("q", "").strip()
    page = Paginator(queries.queue(request.user, tab=tab, agency=agency, q=q), 50).get_page(request.GET.get("page"))
    can_choose = request.user.is_superuser or access.is_lead_member(request.user)
    return render(request, "grievances/list.html", {
        "grievances": page.object_list, "page": page, "tab": tab, "tabs": _tabs(), "agency": agency, "q": q,
        "counts": queries.tab_counts(request.user, agency), "can_choose_agency": can_choose,
        "agency_param": "all" if agency is None else str(agency.pk),
        "agencies": Agency.objects.filter(active=True).order_by("name") if can_choose else [],
        "can_raise": access.is_officer(request.user, access.WORKING_ROLES),
    })


@login_required
def grievance_new(request):
    access.require_officer_or_404(request.user)
    if not access.is_officer(request.user, access.WORKING_ROLES):
        raise PermissionDenied  # viewers read, never write
    form = forms.GrievanceForm(request.POST or None, initial={"agency": access.primary_agency(request.user)})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            g = actions.do_create_grievance(
                acting_user=request.user, title=d["title"], text=d["text"], origin=d["origin"],
                reference=d["reference"], agency=d["agency"], received_at=d["received_at"], priority=d["priority"])
        except CaseError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Grievance %(code)s recorded for %(agency)s.") % {
                "code": g.code, "agency": g.agency.short_name})
            return redirect("grievances:detail", g.pk)
    return render(request, "grievances/form.html", {"form": form, "title": _("Record a grievance")},
                  status=400 if request.method == "POST" else 200)


def _context(request, g, **bound):
    user = request.user
    member = access.has_role(user, g.agency)
    leader = access.has_role(user, g.agency, ("leader",))
    workable = g.state in WORKABLE_STATES
    submitted = g.answers.filter(status="submitted").select_related("written_by").first()
    context = {
        "g": g, "S": GrievanceState,
        "posts": g.posts.select_related("item__source").order_by("seen_at", "id"),
        "answers": g.answers.select_related("written_by", "decided_by").order_by("written_at", "id"),
        "transfers": g.transfers.select_related("from_agency", "to_agency", "moved_by"),
        "timeline": [(e, events.describe(e)) for e in g.events.select_related("actor", "agency")],
        "submitted": submitted,
        "can_take": member and workable and g.assignee_id != user.pk,
        "can_assign": access.has_role(user, g.agency, actions.LEADING_ROLES) and workable,
        "can_answer": member and workable,
        "can_approve": leader and g.state == GrievanceState.ANSWER_SUBMITTED and submitted is not None
        and submitted.written_by_id != user.pk,
        "can_reassign": g.state in OPEN_STATES and actions.can_reassign(user, g),
        "can_set_deadline": g.state in OPEN_STATES and (leader or access.is_lead_leader(user)),
        "can_open_case": workable and actions.can_open_case(user, g),
        "can_resume": actions.can_resume(user, g),
        "linked_case": g.linked_case,
        "assign_form": forms.AssignForm(officers=queries.officers_of(g.agency), auto_id="assign-%s"),
        "answer_form": forms.AnswerForm(auto_id="answer-%s"),
        "approve_form": forms.ApproveForm(auto_id="approve-%s"),
        "return_form": forms.ReturnForm(auto_id="return-%s"),
        "reassign_form": forms.ReassignForm(current=g.agency, auto_id="reassign-%s"),
        "deadline_form": forms.DeadlineForm(auto_id="deadline-%s", initial={"working_days": g.working_days}),
        "case_form": forms.OpenCaseForm(auto_id="case-%s"),
    }
    context.update(bound)
    return context


@login_required
def grievance_detail(request, grievance_id: int):
    g = queries.access_grievance_for_user(request.user, grievance_id)
    return render(request, "grievances/detail.html", _context(request, g))


def _step(request, grievance_id, form_factory, perform, form_name, success, *, files=False):
    """One POSTed step on the grievance page: valid form → action → back to the page; else the page
    again with the form's errors."""
    g = queries.access_grievance_for_user(request.user, grievance_id)
    form = form_factory(g, request.POST, request.FILES) if files else form_factory(g, request.POST)
    if form.is_valid():
        try:
            result = perform(g, form.cleaned_data)
        except CaseError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, success)
            if isinstance(result, HttpResponseBase):
                return result
            return redirect("grievances:detail", g.pk)
    return render(request, "grievances/detail.html", _context(request, g, **{form_name: form}), status=400)


@login_required
@require_POST
def take(request, grievance_id: int):
    g = queries.access_grievance_for_user(request.user, grievance_id)
    try:
        actions.do_take_grievance(g, acting_user=request.user)
    except CaseError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The grievance is yours to answer."))
    return redirect("grievances:detail", g.pk)


@login_required
@require_POST
def assign(request, grievance_id: int):
    return _step(
        request, grievance_id,
        lambda g, data: forms.AssignForm(data, officers=queries.officers_of(g.agency), auto_id="assign-%s"),
        lambda g, d: actions.do_assign_grievance(g, d["officer"], acting_user=request.user),
        "assign_form", _("Assigned."))


@login_required
@require_POST
def answer(request, grievance_id: int):
    return _step(
        request, grievance_id, lambda g, data, files: forms.AnswerForm(data, files, auto_id="answer-%s"),
        lambda g, d: actions.do_submit_answer(g, acting_user=request.user, text=d["text"],
                                              published_url=d["published_url"], attachment=d["attachment"]),
        "answer_form", _("The answer is submitted to the leader for approval."), files=True)


@login_required
@require_POST
def approve(request, grievance_id: int):
    return _step(
        request, grievance_id, lambda g, data: forms.ApproveForm(data, auto_id="approve-%s"),
        lambda g, d: actions.do_approve_answer(g, acting_user=request.user, note=d["note"]),
        "approve_form", _("Answer approved: the grievance is answered."))


@login_required
@require_POST
def return_answer(request, grievance_id: int):
    return _step(
        request, grievance_id, lambda g, data: forms.ReturnForm(data, auto_id="return-%s"),
        lambda g, d: actions.do_reject_answer(g, acting_user=request.user, note=d["note"]),
        "return_form", _("The answer was returned to the officer."))


@login_required
@require_POST
def reassign(request, grievance_id: int):
    def perform(g, d):
        actions.do_reassign_grievance(g, d["agency"], acting_user=request.user, reason=d["reason"])
        # It may no longer be ours to see: back to the queue.
        return redirect("grievances:list")

    return _step(request, grievance_id,
                 lambda g, data: forms.ReassignForm(data, current=g.agency, auto_id="reassign-%s"),
                 perform, "reassign_form", _("Reassigned; the agency has been told."))


@login_required
@require_POST
def deadline(request, grievance_id: int):
    return _step(
        request, grievance_id, lambda g, data: forms.DeadlineForm(data, auto_id="deadline-%s"),
        lambda g, d: actions.do_set_deadline(g, acting_user=request.user, working_days=d["working_days"],
                                             reason=d["reason"]),
        "deadline_form", _("Deadline changed."))


@login_required
@require_POST
def open_case(request, grievance_id: int):
    def perform(g, d):
        result = actions.do_open_case(g, acting_user=request.user, reason=d["reason"])
        if getattr(result, "code", None):
            return redirect("cases:detail", result.pk)
        return redirect("cases:report_detail", result.pk)

    return _step(request, grievance_id, lambda g, data: forms.OpenCaseForm(data, auto_id="case-%s"), perform,
                 "case_form", _("Sent on to the lead agency with its posts and history."))


@login_required
@require_POST
def resume(request, grievance_id: int):
    g = queries.access_grievance_for_user(request.user, grievance_id)
    try:
        actions.do_resume_grievance(g, acting_user=request.user)
    except CaseError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The grievance is back in the queue, to be answered."))
    return redirect("grievances:detail", g.pk)


@login_required
def figures(request):
    """The figures of every agency (the lead agency) or of one's own agency, over a period."""
    import datetime as dt

    access.require_officer_or_404(request.user)
    start, end = queries.year_to_date()
    try:
        start = dt.date.fromisoformat(request.GET.get("start") or start.isoformat())
        end = dt.date.fromisoformat(request.GET.get("end") or end.isoformat())
    except ValueError:
        messages.error(request, _("Dates are YYYY-MM-DD."))
    if request.user.is_superuser or access.is_lead_member(request.user):
        rows = queries.figures_by_agency(start, end)
        total = queries.figures(start, end)
    else:
        agency = access.primary_agency(request.user)
        rows = [{"agency": agency, **queries.figures(start, end, agency=agency)}]
        total = None
    return render(request, "grievances/figures.html", {"rows": rows, "total": total, "start": start, "end": end})
