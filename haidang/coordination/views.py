"""Coordination views. Access: queries.access_*_for_user (404 for outsiders, including anyone who may
not see the case); rules and roles: actions.py (PermissionDenied → 403, CaseError → a form message)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from haidang.audit.actions import record
from haidang.cases import queries as case_queries
from haidang.cases.errors import CaseError
from haidang.workdays import deadlines

from . import actions, forms, queries
from .choices import MeetingStatus, Step


def _lead_case(request, case_id):
    """A case the user may see, for a lead-agency step; 404 to outsiders, 403 to other agencies."""
    case = case_queries.access_case_for_user(request.user, case_id)
    if not queries.is_lead_of(request.user, case):
        raise PermissionDenied
    if case.is_confidential:
        record("view", actor=request.user, obj=case)
    return case


# --- my work and load ----------------------------------------------------------------------


@login_required
def my_work(request):
    return render(request, "coordination/my_work.html", {"work": queries.my_work(request.user),
                                                         "now": timezone.now()})


@login_required
def load(request):
    return render(request, "coordination/load.html", {"rows": queries.agency_load(request.user)})


# --- meetings --------------------------------------------------------------------------------


@login_required
def meeting_new(request, case_id: int):
    case = _lead_case(request, case_id)
    form = forms.MeetingForm(request.POST or None, case=case,
                             initial={"title": _("Coordination meeting on case %(code)s") % {"code": case.code},
                                      "agenda": actions.build_agenda(case)})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            meeting = actions.do_create_meeting(
                case, acting_user=request.user, title=d["title"], starts_at=d["starts_at"],
                ends_at=d["starts_at"] + dt.timedelta(minutes=d["duration"]), place=d["place"],
                online_link=d["online_link"], agencies=d["agencies"], agenda=d["agenda"])
        except CaseError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Meeting convened; the invitations were sent."))
            return redirect("coordination:meeting", meeting.pk)
    return render(request, "coordination/form.html", {"case": case, "form": form, "title": _("Convene a meeting")},
                  status=400 if request.method == "POST" else 200)


def _meeting_context(request, meeting, **extra):
    is_lead = queries.is_lead_of(request.user, meeting.case)
    invitations = list(meeting.invitations.select_related("agency"))
    context = {
        "meeting": meeting, "case": meeting.case, "is_lead": is_lead, "invitations": invitations,
        "can_edit": is_lead and meeting.status == MeetingStatus.SCHEDULED,
        "attendance_form": forms.AttendanceForm(invitations=invitations),
        "minutes_form": forms.MinutesForm(initial={"minutes": meeting.minutes}),
        "conclusions_form": forms.ConclusionsForm(),
        "cancel_form": forms.ReasonForm(),
        "reschedule_form": forms.RescheduleForm.for_meeting(meeting),
        # Conclusions are recorded once the meeting has begun (not from the invitation).
        "has_started": meeting.starts_at <= timezone.now(),
        "verifications": meeting.case.verifications.filter(origin=meeting.origin),
        "appraisals": meeting.case.appraisals.filter(origin=meeting.origin),
        "plan_actions": meeting.case.actions.filter(plan__origin=meeting.origin).select_related("owner_agency"),
    }
    context.update(extra)
    return context


@login_required
def meeting(request, meeting_id: int):
    meeting = queries.view_meeting_for_user(request.user, meeting_id)
    return render(request, "coordination/meeting.html", _meeting_context(request, meeting))


def _meeting_step(request, meeting_id, form_factory, perform, form_name, success):
    meeting = queries.access_meeting_for_user(request.user, meeting_id)
    if not queries.is_lead_of(request.user, meeting.case):
        raise PermissionDenied
    form = form_factory(meeting, request.POST)
    if form.is_valid():
        try:
            perform(meeting, form)
        except CaseError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, success)
            return redirect("coordination:meeting", meeting.pk)
    return render(request, "coordination/meeting.html", _meeting_context(request, meeting, **{form_name: form}),
                  status=400)


@login_required
@require_POST
def meeting_attendance(request, meeting_id: int):
    return _meeting_step(
        request, meeting_id,
        lambda m, data: forms.AttendanceForm(data, invitations=list(m.invitations.select_related("agency"))),
        lambda m, f: actions.do_record_attendance(m, acting_user=request.user, attendance=f.attendance()),
        "attendance_form", _("Attendance recorded."))


@login_required
@require_POST
def meeting_minutes(request, meeting_id: int):
    return _meeting_step(
        request, meeting_id, lambda m, data: forms.MinutesForm(data),
        lambda m, f: actions.do_record_minutes(m, acting_user=request.user, minutes=f.cleaned_data["minutes"]),
        "minutes_form", _("Minutes saved."))


@login_required
@require_POST
def meeting_conclude(request, meeting_id: int):
    def perform(m, f):
        actions.do_conclude_meeting(m, acting_user=request.user, conclusions=f.cleaned_data["conclusion"],
                                    **f.conclusions())

    return _meeting_step(request, meeting_id, lambda m, data: forms.ConclusionsForm(data), perform,
                         "conclusions_form", _("Conclusions recorded and carried into the case."))


@login_required
@require_POST
def meeting_reschedule(request, meeting_id: int):
    def perform(m, f):
        d = f.cleaned_data
        actions.do_reschedule_meeting(m, acting_user=request.user, starts_at=d["starts_at"],
                                      ends_at=d["starts_at"] + dt.timedelta(minutes=d["duration"]),
                                      place=d["place"], online_link=d["online_link"], reason=d["reason"])

    return _meeting_step(request, meeting_id, lambda m, data: forms.RescheduleForm.for_meeting(m, data), perform,
                         "reschedule_form", _("Meeting rescheduled; the invitees received the updated invitation."))


@login_required
@require_POST
def meeting_cancel(request, meeting_id: int):
    return _meeting_step(
        request, meeting_id, lambda m, data: forms.ReasonForm(data),
        lambda m, f: actions.do_cancel_meeting(m, acting_user=request.user, reason=f.cleaned_data["reason"]),
        "cancel_form", _("Meeting cancelled; the invitees were told."))


@login_required
def meeting_ics(request, meeting_id: int):
    from .ics import meeting_ics as build

    meeting = queries.view_meeting_for_user(request.user, meeting_id)
    response = HttpResponse(build(meeting, attendees=actions.meeting_invitees(meeting)),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response


def minutes_text(meeting) -> str:
    case = meeting.case
    lines = []
    if case.is_confidential:
        lines += [_("CONFIDENTIAL — need to know only"), ""]
    lines += [
        _("MINUTES OF THE COORDINATION MEETING"), meeting.title, f"{_('Case')}: {case.code} {case.title}",
        f"{_('Time')}: {timezone.localtime(meeting.starts_at):%d/%m/%Y %H:%M}"
        f" – {timezone.localtime(meeting.ends_at):%H:%M}",
        f"{pgettext('meeting venue', 'Place')}: {meeting.place or meeting.online_link}", _("Convened by") + f": {case.lead_agency.name}", "",
        _("Invited agencies") + ":",
    ]
    for inv in meeting.invitations.select_related("agency"):
        state = {True: _("present"), False: _("absent"), None: _("not recorded")}[inv.attended]
        lines.append(f"  - {inv.agency.name}: {state}" + (f" ({inv.representatives})" if inv.representatives else ""))
    lines += ["", _("Agenda") + ":", meeting.agenda, "", _("Minutes") + ":", meeting.minutes or "—", "",
              _("Conclusions") + ":", meeting.conclusions or "—"]
    return "\n".join(lines) + "\n"


@login_required
def meeting_minutes_export(request, meeting_id: int):
    meeting = queries.access_meeting_for_user(request.user, meeting_id)
    record("export", actor=request.user, obj=meeting)
    if request.GET.get("format") == "txt":
        response = HttpResponse(minutes_text(meeting), content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="minutes-{meeting.case.code}-{meeting.pk}.txt"'
        return response
    return render(request, "coordination/minutes_print.html", {
        "meeting": meeting, "case": meeting.case, "invitations": meeting.invitations.select_related("agency")})


# --- written consultations --------------------------------------------------------------------


@login_required
def consultation_new(request, case_id: int):
    case = _lead_case(request, case_id)
    default_deadline = deadlines.due_at(Step.CONSULTATION, case.priority)
    form = forms.ConsultationForm(request.POST or None, case=case, default_deadline=default_deadline,
                                  initial={"title": _("Written opinions on case %(code)s") % {"code": case.code}})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            consultation = actions.do_open_consultation(
                case, acting_user=request.user, title=d["title"], agencies=d["agencies"], deadline=d["deadline"],
                question_verification=d["question_verification"], question_appraisal=d["question_appraisal"],
                question_handling=d["question_handling"])
        except CaseError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Consultation opened; the invited agencies were asked."))
            return redirect("coordination:consultation", consultation.pk)
    return render(request, "coordination/form.html",
                  {"case": case, "form": form, "title": _("Open a written consultation")},
                  status=400 if request.method == "POST" else 200)


def _consultation_context(request, consultation, **extra):
    user = request.user
    agency = actions.answering_agency(user, consultation)
    answer = consultation.answers.filter(agency=agency).first() if agency else None
    is_lead = queries.is_lead_of(user, consultation.case)
    initial = {"position": answer.position, "text": answer.text} if answer else None
    context = {
        "consultation": consultation, "case": consultation.case, "is_lead": is_lead,
        "tally": queries.tally(consultation), "answering_agency": agency, "my_answer": answer,
        "my_revisions": answer.revisions.select_related("signed_by").prefetch_related("attachments")
        if answer else [],
        "answer_form": forms.AnswerForm(initial=initial) if agency and consultation.accepts_answers else None,
        "close_form": forms.ConclusionsForm() if is_lead and consultation.is_open else None,
        # The lead agency reads every revision; an invited agency sees the others' current answers.
        "revisions": [(a, list(a.revisions.select_related("signed_by").prefetch_related("attachments")))
                      for a in consultation.answers.select_related("agency", "signed_by")] if is_lead else [],
    }
    context.update(extra)
    return context


@login_required
def consultation(request, consultation_id: int):
    """The consultation with its live tally; for an invited agency, the one answer form (POST here)."""
    consultation = queries.view_consultation_for_user(request.user, consultation_id)
    if request.method == "POST":
        form = forms.AnswerForm(request.POST, request.FILES)
        if form.is_valid():
            d = form.cleaned_data
            try:
                actions.do_answer_consultation(consultation, acting_user=request.user, position=d["position"],
                                               text=d["text"], attachments=d["attachments"])
            except CaseError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Your agency's answer is recorded and signed."))
                return redirect("coordination:consultation", consultation.pk)
        return render(request, "coordination/consultation.html",
                      _consultation_context(request, consultation, answer_form=form), status=400)
    return render(request, "coordination/consultation.html", _consultation_context(request, consultation))


@login_required
@require_POST
def consultation_close(request, consultation_id: int):
    consultation = queries.access_consultation_for_user(request.user, consultation_id)
    if not queries.is_lead_of(request.user, consultation.case):
        raise PermissionDenied
    form = forms.ConclusionsForm(request.POST)
    if form.is_valid():
        try:
            actions.do_close_consultation(consultation, acting_user=request.user,
                                          conclusion=form.cleaned_data["conclusion"], **form.conclusions())
        except CaseError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Consultation closed; its conclusion was carried into the case."))
            return redirect("coordination:consultation", consultation.pk)
    return render(request, "coordination/consultation.html",
                  _consultation_context(request, consultation, close_form=form), status=400)


@login_required
def answer_attachment(request, consultation_id: int, attachment_id: int):
    """An answer's attachment (e.g. the signed letter): for the lead agency and the answering agency,
    as the page shows them; 404 to anyone else. Downloads of a confidential case's letters are audited."""
    from haidang.agencies import access
    from haidang.cases.views import download_response

    from .models import AnswerAttachment

    consultation = queries.access_consultation_for_user(request.user, consultation_id)
    attachment = (AnswerAttachment.objects.select_related("revision__answer__agency")
                  .filter(revision__answer__consultation=consultation, pk=attachment_id).first())
    if attachment is None or not (queries.is_lead_of(request.user, consultation.case)
                                  or access.has_role(request.user, attachment.revision.answer.agency)):
        raise Http404("not found")
    if consultation.case.is_confidential:
        record("case.file_download", actor=request.user, obj=attachment,
               changes={"case": consultation.case.code, "what": "answer_attachment"})
    return download_response(attachment.file, attachment.name)


@login_required
def consultation_summary(request, consultation_id: int):
    consultation = queries.access_consultation_for_user(request.user, consultation_id)
    record("export", actor=request.user, obj=consultation)
    text = queries.summary_text(consultation)
    if consultation.case.is_confidential:
        text = _("CONFIDENTIAL — need to know only") + "\n\n" + text
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="consultation-{consultation.pk}.txt"'
    return response
