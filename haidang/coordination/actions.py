"""The only place that writes coordination: meetings, written consultations, answers and reminders.

Every function is `do_<verb>_<noun>(..., *, acting_user)`, atomic, writes the audit log and the
case's timeline, and defers e-mail until after commit. What a meeting or a consultation concludes
goes into the case through the cases actions (`do_record_verification`, `do_record_appraisal`,
`do_add_plan_action`, `do_submit_plan`) with `origin="meeting:<id>"` or `"consultation:<id>"`:
the leaders' approvals of [Cases] still apply.

Who may do what:
- choose a mode, convene or cancel a meeting, record attendance, minutes and conclusions, open and
  close a consultation: working members of the case's lead agency, or the case's lead officer;
- answer a consultation: working members (coordinator, officer, leader) of an invited agency,
  until the deadline; the answer is signed by the officer who gives it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from haidang.agencies import access
from haidang.agencies.queries import designated_officers, leaders_of
from haidang.audit.actions import record
from haidang.cases import actions as case_actions
from haidang.cases import events
from haidang.cases.choices import CaseState, CoordinationMode
from haidang.cases.errors import CaseError, IllegalTransition
from haidang.cases.models import Case
from haidang.core import notifications
from haidang.core.files import sha256_of_upload, upload_size_errors
from haidang.core.notifications import notify
from haidang.workdays import deadlines

from .choices import ConsultationStatus, MeetingStatus, Position, ReminderStage, Step
from .ics import meeting_ics, meeting_summary
from .models import (
    Answer,
    AnswerAttachment,
    AnswerRevision,
    Consultation,
    ConsultationInvitation,
    Meeting,
    MeetingInvitation,
    ReminderLog,
)

log = logging.getLogger(__name__)


class CoordinationError(CaseError):
    """A coordination rule was broken; the message is shown to the user as is."""


# --- helpers -------------------------------------------------------------------------------


def _require_lead(user, case: Case) -> None:
    if case.lead_officer_id and user is not None and user.pk == case.lead_officer_id:
        return
    access.require_role(user, case.lead_agency, access.WORKING_ROLES,
                        _("Only the lead agency can run the coordination of this case."))


def _case_label(case: Case) -> str:
    return case.code if case.is_confidential else f"{case.code} {case.title}"



def _agencies(agencies: Iterable, case: Case) -> list:
    seen, out = set(), []
    for agency in agencies:
        if agency is None or agency.pk == case.lead_agency_id or agency.pk in seen:
            continue
        seen.add(agency.pk)
        out.append(agency)
    if not out:
        raise CoordinationError(gettext_lazy("Invite at least one agency other than the lead agency."))
    return out


def _officers(agencies: Iterable) -> list:
    people = []
    for agency in agencies:
        people.extend(designated_officers(agency))
    return people


def choose_mode(case: Case, *, acting_user, mode: str) -> Case:
    """The lead agency's choice of mode for this case: the first choice moves the case to
    `coordinating`; a second mode is added and the state kept. Called when a meeting or a
    consultation is created; a case already appraised may still consult on its handling when the
    mode was chosen before."""
    case.refresh_from_db(fields=["state", "coordination_modes"])
    if case.state in (CaseState.NEW, CaseState.VERIFYING) or (
            case.state == CaseState.COORDINATING and mode not in case.coordination_modes):
        return case_actions.do_start_coordination(case, acting_user=acting_user, mode=mode)
    if case.state == CaseState.COORDINATING or (case.state == CaseState.APPRAISED and mode in case.coordination_modes):
        return case
    raise IllegalTransition(gettext_lazy("Case %(code)s is %(state)s: coordination is no longer possible."),
                            code=case.code, state=CaseState(case.state).label)


@transaction.atomic
def do_choose_mode(case: Case, *, acting_user, mode: str) -> Case:
    """Choose a coordination mode without yet convening (the case page's "Coordinate" button)."""
    _require_lead(acting_user, case)
    if mode not in CoordinationMode.values:
        raise CoordinationError(gettext_lazy("Unknown coordination mode."))
    return choose_mode(case, acting_user=acting_user, mode=mode)


def _feed_case(case: Case, *, acting_user, origin: str, verification: dict | None, appraisal: dict | None,
               plan_actions: Iterable[dict], plan_summary: str, submit_plan: bool) -> dict:
    """Write what was agreed into the case through the cases actions: verification, appraisal, plan.
    The plan still waits for a leader's approval (and restrictive actions for a second approver)."""
    done = {"verification": None, "appraisal": None, "actions": [], "plan_submitted": False}
    if verification:
        done["verification"] = case_actions.do_record_verification(
            case, acting_user=acting_user, findings=verification.get("findings", ""),
            verdict=verification.get("verdict", ""), sources=verification.get("sources", ""),
            evidence=verification.get("evidence", case.evidence.all()), origin=origin).pk
    if appraisal:
        done["appraisal"] = case_actions.do_record_appraisal(
            case, acting_user=acting_user, severity=appraisal.get("severity", ""),
            expression_type=appraisal.get("expression_type", ""), legal_basis=appraisal.get("legal_basis", ()),
            protected_kinds=appraisal.get("protected_kinds", ()), reasoning=appraisal.get("reasoning", ""),
            origin=origin).pk
    for spec in plan_actions or ():
        action = case_actions.do_add_plan_action(case, acting_user=acting_user, origin=origin, **spec)
        done["actions"].append(action.pk)
    if submit_plan and done["actions"]:
        case_actions.do_submit_plan(case, acting_user=acting_user, summary=plan_summary)
        done["plan_submitted"] = True
    return done


def _email_enabled() -> bool:
    # notify() honours `no_email()` (demo loading); invitations with attachments do too.
    return notifications._email_enabled.get()


def _send_ics(meeting: Meeting, people: list, *, method: str, subject: str, body: str) -> None:
    """One e-mail per person with the .ics attached, after commit."""
    if not _email_enabled():
        return
    addresses = sorted({u.email for u in people if u.email})
    if not addresses:
        return
    ics = meeting_ics(meeting, attendees=people, method=method)

    def send():
        for address in addresses:
            message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
            message.attach("invitation.ics", ics, f"text/calendar; method={method}; charset=utf-8")
            try:
                message.send()
            except Exception:  # noqa: BLE001 - a mail outage must not undo a meeting already convened
                log.exception("meeting invitation to %s failed", address)

    transaction.on_commit(send)


def meeting_invitees(meeting: Meeting) -> list:
    """Who receives the invitation: each invited agency's designated officers, and the lead officer."""
    agencies = [inv.agency for inv in meeting.invitations.select_related("agency")]
    people = _officers(agencies)
    if meeting.case.lead_officer is not None:
        people.append(meeting.case.lead_officer)
    seen, out = set(), []
    for user in people:
        if user.pk not in seen and user.is_active:
            seen.add(user.pk)
            out.append(user)
    return out


def build_agenda(case: Case) -> str:
    """A first agenda from the case: what was reported, the evidence, and the findings so far."""
    lines = [_("1. The matter: %(title)s") % {"title": case.title}]
    if case.summary:
        lines.append("   " + case.summary.strip()[:1000])
    evidence = list(case.evidence.all()[:20])
    if evidence:
        lines.append(_("2. Evidence:"))
        for e in evidence:
            ref = e.url or (f"{e.kind} #{e.ref_id}" if e.ref_id else e.file.name if e.file else e.kind)
            lines.append(f"   - {ref}" + (f" ({e.note})" if e.note else ""))
    verification = case.current_verification()
    if verification is not None:
        lines.append(_("3. Findings so far (%(verdict)s): %(findings)s") % {
            "verdict": verification.get_verdict_display(), "findings": verification.findings.strip()[:1000]})
    else:
        lines.append(_("3. Verification: what is true, and on what evidence."))
    lines.append(_("4. Appraisal: legal basis, severity, type of expression."))
    lines.append(_("5. The handling plan: who does what, by when."))
    return "\n".join(lines)


# --- meetings (mode a) ------------------------------------------------------------------------


@transaction.atomic
def do_create_meeting(
    case: Case,
    *,
    acting_user,
    title: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime | None = None,
    place: str = "",
    online_link: str = "",
    agencies: Iterable = (),
    agenda: str = "",
) -> Meeting:
    """Convene a meeting (mode a): the case moves to coordinating, each invited agency becomes a
    participant of the case, and its designated officers get an .ics invitation."""
    _require_lead(acting_user, case)
    if not title.strip():
        raise CoordinationError(gettext_lazy("Give the meeting a title."))
    if not (place.strip() or online_link.strip()):
        raise CoordinationError(gettext_lazy("Give a place or an online link."))
    ends_at = ends_at or starts_at + dt.timedelta(hours=2)
    if ends_at <= starts_at:
        raise CoordinationError(gettext_lazy("The meeting must end after it starts."))
    agencies = _agencies(agencies, case)
    choose_mode(case, acting_user=acting_user, mode=CoordinationMode.MEETING)
    meeting = Meeting.objects.create(
        case=case, title=title[:300], starts_at=starts_at, ends_at=ends_at, place=place, online_link=online_link,
        agenda=agenda.strip() or build_agenda(case), created_by=acting_user,
        conclusions_due_at=deadlines.due_at(Step.MEETING_CONCLUSIONS, case.priority, ends_at),
    )
    for agency in agencies:
        MeetingInvitation.objects.create(meeting=meeting, agency=agency)
        case_actions.do_add_participant(case, agency, acting_user=acting_user)
    codes = [a.short_name for a in agencies]
    events.event_meeting_scheduled(case, actor=acting_user, meeting=meeting, agencies=codes)
    record("coordination.meeting_create", actor=acting_user, obj=meeting, changes={
        "case": case.code, "title": meeting.title, "starts_at": starts_at, "ends_at": ends_at, "place": place,
        "online_link": online_link, "agencies": codes})
    people = meeting_invitees(meeting)
    when = timezone.localtime(starts_at).strftime("%d/%m/%Y %H:%M")
    text = _("Invitation: %(meeting)s, %(when)s.") % {"meeting": meeting_summary(meeting), "when": when}
    url = reverse("coordination:meeting", args=[meeting.pk])
    notify(people, verb="coordination.meeting_invitation", text=text, url=url, target=meeting, email=False,
           exclude=acting_user)
    _send_ics(meeting, [u for u in people if u.pk != acting_user.pk], method="REQUEST", subject="[Hải Đăng] " + text,
              body=text + "\n\n" + settings.SITE_URL.rstrip("/") + url)
    return meeting


@transaction.atomic
def do_cancel_meeting(meeting: Meeting, *, acting_user, reason: str) -> Meeting:
    """Cancel a meeting not yet concluded; invitees' calendars get a CANCEL."""
    case = meeting.case
    _require_lead(acting_user, case)
    meeting.refresh_from_db()
    if meeting.status != MeetingStatus.SCHEDULED:
        raise IllegalTransition(gettext_lazy("Only a scheduled meeting can be cancelled."))
    if not reason.strip():
        raise CoordinationError(gettext_lazy("Give the reason."))
    meeting.status = MeetingStatus.CANCELLED
    meeting.sequence += 1
    meeting.save(update_fields=["status", "sequence"])
    events.event_meeting_cancelled(case, actor=acting_user, meeting=meeting, reason=reason)
    record("coordination.meeting_cancel", actor=acting_user, obj=meeting, changes={"case": case.code, "reason": reason})
    people = meeting_invitees(meeting)
    text = _("Cancelled: %(meeting)s.") % {"meeting": meeting_summary(meeting)}
    url = reverse("coordination:meeting", args=[meeting.pk])
    notify(people, verb="coordination.meeting_cancelled", text=text, url=url, target=meeting, email=False,
           exclude=acting_user)
    _send_ics(meeting, [u for u in people if u.pk != acting_user.pk], method="CANCEL", subject="[Hải Đăng] " + text,
              body=text + "\n" + reason)
    return meeting


@transaction.atomic
def do_reschedule_meeting(meeting: Meeting, *, acting_user, starts_at: dt.datetime, ends_at: dt.datetime | None = None,
                          place: str | None = None, online_link: str | None = None, reason: str = "") -> Meeting:
    """Move a scheduled meeting: invitees' calendars get the updated invitation (same UID, next SEQUENCE),
    and the conclusions fall due from the new end."""
    case = meeting.case
    _require_lead(acting_user, case)
    meeting.refresh_from_db()
    if meeting.status != MeetingStatus.SCHEDULED:
        raise IllegalTransition(gettext_lazy("Only a scheduled meeting can be rescheduled."))
    ends_at = ends_at or starts_at + (meeting.ends_at - meeting.starts_at)
    if ends_at <= starts_at:
        raise CoordinationError(gettext_lazy("The meeting must end after it starts."))
    place = meeting.place if place is None else place
    online_link = meeting.online_link if online_link is None else online_link
    if not (place.strip() or online_link.strip()):
        raise CoordinationError(gettext_lazy("Give a place or an online link."))
    before = {"starts_at": meeting.starts_at, "ends_at": meeting.ends_at, "place": meeting.place,
              "online_link": meeting.online_link}
    meeting.starts_at, meeting.ends_at, meeting.place, meeting.online_link = starts_at, ends_at, place, online_link
    meeting.conclusions_due_at = deadlines.due_at(Step.MEETING_CONCLUSIONS, case.priority, ends_at)
    meeting.sequence += 1
    meeting.save(update_fields=["starts_at", "ends_at", "place", "online_link", "conclusions_due_at", "sequence"])
    when = timezone.localtime(starts_at).strftime("%d/%m/%Y %H:%M")
    events.event_meeting_rescheduled(case, actor=acting_user, meeting=meeting, reason=reason)
    record("coordination.meeting_reschedule", actor=acting_user, obj=meeting, changes={
        "case": case.code, "before": before, "after": {"starts_at": starts_at, "ends_at": ends_at, "place": place,
                                                       "online_link": online_link}, "reason": reason})
    people = meeting_invitees(meeting)
    text = _("Rescheduled: %(meeting)s, now %(when)s.") % {"meeting": meeting_summary(meeting), "when": when}
    url = reverse("coordination:meeting", args=[meeting.pk])
    notify(people, verb="coordination.meeting_rescheduled", text=text, url=url, target=meeting, email=False,
           exclude=acting_user)
    _send_ics(meeting, [u for u in people if u.pk != acting_user.pk], method="REQUEST", subject="[Hải Đăng] " + text,
              body=text + ("\n" + reason if reason else "") + "\n\n" + settings.SITE_URL.rstrip("/") + url)
    return meeting


@transaction.atomic
def do_record_attendance(meeting: Meeting, *, acting_user, attendance: dict) -> Meeting:
    """Who came: `attendance` maps an invited agency id to (attended, representatives)."""
    case = meeting.case
    _require_lead(acting_user, case)
    if meeting.status == MeetingStatus.CANCELLED:
        raise IllegalTransition(gettext_lazy("The meeting was cancelled."))
    present, absent = [], []
    for invitation in meeting.invitations.select_related("agency"):
        if invitation.agency_id not in attendance:
            continue
        attended, names = attendance[invitation.agency_id]
        invitation.attended = bool(attended)
        invitation.representatives = (names or "")[:500]
        invitation.save(update_fields=["attended", "representatives"])
        (present if attended else absent).append(invitation.agency.short_name)
    events.event_meeting_attendance(case, actor=acting_user, meeting=meeting, present=present, absent=absent)
    record("coordination.meeting_attendance", actor=acting_user, obj=meeting, changes={
        "case": case.code, "present": sorted(present), "absent": sorted(absent)})
    return meeting


@transaction.atomic
def do_record_minutes(meeting: Meeting, *, acting_user, minutes: str) -> Meeting:
    """Write (or rewrite, until the conclusions are recorded) the minutes. Each version is in the audit log."""
    case = meeting.case
    _require_lead(acting_user, case)
    meeting.refresh_from_db()
    if meeting.status != MeetingStatus.SCHEDULED:
        raise IllegalTransition(gettext_lazy("The minutes of a concluded or cancelled meeting are final."))
    if not minutes.strip():
        raise CoordinationError(gettext_lazy("Write the minutes."))
    meeting.minutes = minutes
    meeting.save(update_fields=["minutes"])
    events.event_meeting_minutes(case, actor=acting_user, meeting=meeting)
    record("coordination.meeting_minutes", actor=acting_user, obj=meeting, changes={
        "case": case.code, "minutes": minutes})
    return meeting


@transaction.atomic
def do_conclude_meeting(
    meeting: Meeting,
    *,
    acting_user,
    conclusions: str,
    minutes: str = "",
    verification: dict | None = None,
    appraisal: dict | None = None,
    plan_actions: Iterable[dict] = (),
    plan_summary: str = "",
    submit_plan: bool = True,
) -> Meeting:
    """Record the meeting's conclusions and carry them into the case: the verification result, the
    appraisal and the agreed handling plan (submitted to the leaders for approval)."""
    case = Case.objects.select_related("lead_agency").get(pk=meeting.case_id)
    _require_lead(acting_user, case)
    meeting.refresh_from_db()
    if meeting.status != MeetingStatus.SCHEDULED:
        raise IllegalTransition(gettext_lazy("This meeting is already concluded or cancelled."))
    if meeting.starts_at > timezone.now():
        raise IllegalTransition(gettext_lazy("The meeting has not started yet: its conclusions are recorded once it has."))
    if not conclusions.strip():
        raise CoordinationError(gettext_lazy("Write down the conclusions."))
    if minutes.strip():
        meeting.minutes = minutes
    fed = _feed_case(case, acting_user=acting_user, origin=meeting.origin, verification=verification,
                     appraisal=appraisal, plan_actions=plan_actions, plan_summary=plan_summary or conclusions,
                     submit_plan=submit_plan)
    meeting.conclusions = conclusions
    meeting.status = MeetingStatus.CONCLUDED
    meeting.concluded_at = timezone.now()
    meeting.concluded_by = acting_user
    meeting.save(update_fields=["minutes", "conclusions", "status", "concluded_at", "concluded_by"])
    events.event_meeting_concluded(case, actor=acting_user, meeting=meeting, summary=conclusions)
    record("coordination.meeting_conclude", actor=acting_user, obj=meeting, changes={
        "case": case.code, "conclusions": conclusions, "minutes": meeting.minutes, **fed})
    agencies = [inv.agency for inv in meeting.invitations.select_related("agency")]
    notify(_officers(agencies), verb="coordination.meeting_concluded", target=meeting, exclude=acting_user,
           url=reverse("coordination:meeting", args=[meeting.pk]),
           text=_("The conclusions of %(meeting)s are recorded.") % {"meeting": meeting_summary(meeting)})
    return meeting


# --- written consultations (mode b) ---------------------------------------------------------


def consultation_label(consultation: Consultation) -> str:
    case = consultation.case
    if case.is_confidential:
        return _("the written consultation on case %(code)s") % {"code": case.code}
    return f"\u201c{consultation.title}\u201d ({case.code})"


@transaction.atomic
def do_open_consultation(
    case: Case,
    *,
    acting_user,
    title: str,
    agencies: Iterable,
    question_verification: str = "",
    question_appraisal: str = "",
    question_handling: str = "",
    deadline: dt.datetime | None = None,
) -> Consultation:
    """Ask the agencies concerned for their written opinion (mode b). The deadline defaults to the
    "consultation" allowance of the case's priority, in working days."""
    _require_lead(acting_user, case)
    if not title.strip():
        raise CoordinationError(gettext_lazy("Give the consultation a title."))
    if not any(q.strip() for q in (question_verification, question_appraisal, question_handling)):
        raise CoordinationError(gettext_lazy("Ask at least one question: verification, appraisal or handling."))
    agencies = _agencies(agencies, case)
    deadline = deadline or deadlines.due_at(Step.CONSULTATION, case.priority)
    if deadline <= timezone.now():
        raise CoordinationError(gettext_lazy("The deadline must be in the future."))
    choose_mode(case, acting_user=acting_user, mode=CoordinationMode.WRITTEN)
    consultation = Consultation.objects.create(
        case=case, title=title[:300], question_verification=question_verification,
        question_appraisal=question_appraisal, question_handling=question_handling, deadline=deadline,
        created_by=acting_user)
    for agency in agencies:
        ConsultationInvitation.objects.create(consultation=consultation, agency=agency)
        case_actions.do_add_participant(case, agency, acting_user=acting_user)
    codes = [a.short_name for a in agencies]
    events.event_consultation_opened(case, actor=acting_user, consultation=consultation, agencies=codes)
    record("coordination.consultation_open", actor=acting_user, obj=consultation, changes={
        "case": case.code, "title": consultation.title, "deadline": deadline, "agencies": codes,
        "question_verification": question_verification, "question_appraisal": question_appraisal,
        "question_handling": question_handling})
    when = timezone.localtime(deadline).strftime("%d/%m/%Y %H:%M")
    notify(_officers(agencies), verb="coordination.consultation_question", target=consultation, exclude=acting_user,
           url=reverse("coordination:consultation", args=[consultation.pk]),
           text=_("Your agency's written opinion is asked on %(consultation)s, by %(when)s.")
           % {"consultation": consultation_label(consultation), "when": when})
    return consultation


def answering_agency(user, consultation: Consultation, agency=None):
    """The invited agency this user answers for (a working member of it), or None."""
    invited = set(consultation.invitations.values_list("agency_id", flat=True))
    mine = access.agency_ids(user, access.WORKING_ROLES) & invited
    if agency is not None:
        return agency if agency.pk in mine else None
    if not mine:
        return None
    from haidang.agencies.models import Agency

    return Agency.objects.filter(pk__in=mine).order_by("name").first()


@transaction.atomic
def do_answer_consultation(
    consultation: Consultation,
    *,
    acting_user,
    position: str,
    text: str,
    attachments: Iterable = (),
    agency=None,
) -> Answer:
    """An invited agency's answer, signed by the officer who gives it. Each agency answers once; until
    the deadline it may revise, and every revision is kept (AnswerRevision), audited and on the timeline."""
    agency = answering_agency(acting_user, consultation, agency)
    if agency is None:
        raise PermissionDenied(_("Only an invited agency can answer this consultation."))
    # Lock the consultation: a close and an answer never interleave.
    consultation = Consultation.objects.select_for_update().select_related("case").get(pk=consultation.pk)
    if consultation.status != ConsultationStatus.OPEN:
        raise IllegalTransition(gettext_lazy("This consultation is closed."))
    if timezone.now() > consultation.deadline:
        raise IllegalTransition(gettext_lazy("The deadline for answers has passed."))
    if position not in Position.values:
        raise CoordinationError(gettext_lazy("Choose: agree, disagree or other."))
    if not text.strip():
        raise CoordinationError(gettext_lazy("Write your agency's opinion."))
    attachments = list(attachments or ())
    too_large = upload_size_errors(attachments)
    if too_large:  # refused before anything is stored (the form checks too)
        raise CoordinationError(" ".join(too_large))
    now = timezone.now()
    answer = Answer.objects.select_for_update().filter(consultation=consultation, agency=agency).first()
    revised = answer is not None
    if answer is None:
        try:
            with transaction.atomic():
                answer = Answer.objects.create(consultation=consultation, agency=agency, position=position, text=text,
                                               signed_by=acting_user, signed_at=now, revision=1)
        except IntegrityError:
            # A colleague's first answer got in first: ours becomes a revision of it.
            answer = Answer.objects.select_for_update().get(consultation=consultation, agency=agency)
            revised = True
    if revised:
        answer.revision += 1
        answer.position, answer.text, answer.signed_by, answer.signed_at = position, text, acting_user, now
        answer.save(update_fields=["revision", "position", "text", "signed_by", "signed_at"])
    revision = AnswerRevision.objects.create(answer=answer, number=answer.revision, position=position, text=text,
                                             signed_by=acting_user, signed_at=now)
    files = []
    for upload in attachments or ():
        sha = sha256_of_upload(upload)
        AnswerAttachment.objects.create(revision=revision, file=upload, name=getattr(upload, "name", "")[:255],
                                        sha256=sha)
        files.append({"name": getattr(upload, "name", ""), "sha256": sha})
    case = consultation.case
    events.event_consultation_answered(case, actor=acting_user, consultation=consultation, answer=answer,
                                       revision=revision, revised=revised)
    record("coordination.answer_revise" if revised else "coordination.answer", actor=acting_user, obj=revision,
           agency=agency, changes={
               "case": case.code, "consultation": consultation.pk, "answer": answer.pk, "agency": agency.short_name,
               "revision": revision.number, "position": position, "text": text, "attachments": files})
    notify([case.lead_officer, consultation.created_by], verb="coordination.consultation_answer",
           target=consultation, exclude=acting_user, email=False,
           url=reverse("coordination:consultation", args=[consultation.pk]),
           text=_("%(agency)s answered %(consultation)s: %(position)s.") % {
               "agency": agency.short_name, "consultation": consultation_label(consultation),
               "position": Position(position).label})
    return answer


@transaction.atomic
def do_close_consultation(
    consultation: Consultation,
    *,
    acting_user,
    conclusion: str,
    verification: dict | None = None,
    appraisal: dict | None = None,
    plan_actions: Iterable[dict] = (),
    plan_summary: str = "",
    submit_plan: bool = True,
) -> Consultation:
    """The lead agency closes the consultation with its conclusion, which feeds the case like a
    meeting's conclusions. Agencies that have not answered are recorded as such in the tally."""
    from .queries import tally

    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    case = Case.objects.select_related("lead_agency").get(pk=consultation.case_id)
    _require_lead(acting_user, case)
    if consultation.status != ConsultationStatus.OPEN:
        raise IllegalTransition(gettext_lazy("This consultation is already closed."))
    if not conclusion.strip():
        raise CoordinationError(gettext_lazy("Record the lead agency's conclusion."))
    fed = _feed_case(case, acting_user=acting_user, origin=consultation.origin, verification=verification,
                     appraisal=appraisal, plan_actions=plan_actions, plan_summary=plan_summary or conclusion,
                     submit_plan=submit_plan)
    consultation.status = ConsultationStatus.CLOSED
    consultation.conclusion = conclusion
    consultation.closed_at = timezone.now()
    consultation.closed_by = acting_user
    consultation.save(update_fields=["status", "conclusion", "closed_at", "closed_by"])
    counts = tally(consultation)["counts"]
    events.event_consultation_closed(case, actor=acting_user, consultation=consultation, tally=counts)
    record("coordination.consultation_close", actor=acting_user, obj=consultation, changes={
        "case": case.code, "conclusion": conclusion, "tally": counts, **fed})
    agencies = [inv.agency for inv in consultation.invitations.select_related("agency")]
    notify(_officers(agencies), verb="coordination.consultation_closed", target=consultation, exclude=acting_user,
           url=reverse("coordination:consultation", args=[consultation.pk]),
           text=_("%(consultation)s is closed; the lead agency's conclusion is recorded.")
           % {"consultation": consultation_label(consultation)})
    return consultation


# --- reminders and escalation (run by the periodic task) ------------------------------------------


def _claim(target, kind: str, stage: str) -> ReminderLog | None:
    """Claim one reminder: the unique (object, kind, stage) row is inserted once, ever.
    Nothing got inserted: another worker (or an earlier run) got there first."""
    target_type, target_id = target._meta.label_lower, str(target.pk)
    if ReminderLog.objects.filter(target_type=target_type, target_id=target_id, kind=kind, stage=stage).exists():
        return None
    try:
        with transaction.atomic():
            return ReminderLog.objects.create(target_type=target_type, target_id=target_id, kind=kind, stage=stage)
    except IntegrityError:
        return None


def _remind(target, *, kind: str, stage: str, people, text: str, url: str, then=None) -> bool:
    """Send one reminder or escalation once: claim, notify, run `then` (flags, timeline), audit —
    all in one transaction, so a failure leaves nothing claimed."""
    with transaction.atomic():
        claim = _claim(target, kind, stage)
        if claim is None:
            return False
        rows = notify(people, verb=f"coordination.{stage}", text=text, url=url, target=target)
        claim.recipients = len(rows)
        claim.save(update_fields=["recipients"])
        if then is not None:
            then()
        record(f"coordination.reminder_{stage}", obj=target, changes={
            "kind": kind, "recipients": sorted(u.recipient.get_username() for u in rows)})
    return True


def _stage(now, deadline, remind_at, escalate_at=None) -> str | None:
    if escalate_at is not None and now >= escalate_at:
        return ReminderStage.ESCALATED
    if now > deadline:
        return ReminderStage.OVERDUE
    if now >= remind_at:
        return ReminderStage.BEFORE
    return None


def _stages_due(now, deadline, remind_at, escalate_at=None) -> list[str]:
    """Every stage reached by now, in order: a run that was down for a day still sends the
    overdue notice before the escalation."""
    reached = _stage(now, deadline, remind_at, escalate_at)
    order = [ReminderStage.BEFORE, ReminderStage.OVERDUE, ReminderStage.ESCALATED]
    if reached is None:
        return []
    stages = order[: order.index(reached) + 1]
    if now > deadline:
        stages = stages[1:]  # a reminder "before" a deadline already past says nothing useful
    return stages


def _lead_people(case: Case) -> list:
    people = list(leaders_of(case.lead_agency))
    if case.lead_officer is not None:
        people.append(case.lead_officer)
    return people


def _when(value: dt.datetime) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")


def _remind_consultations(now, counts) -> None:
    open_ones = (ConsultationInvitation.objects
                 .filter(consultation__status=ConsultationStatus.OPEN)
                 .select_related("consultation__case__lead_agency", "consultation__case__lead_officer", "agency"))
    for invitation in open_ones:
        consultation, agency = invitation.consultation, invitation.agency
        if Answer.objects.filter(consultation=consultation, agency=agency).exists():
            continue
        case = consultation.case
        deadline = consultation.deadline
        kind = f"consultation.answer@{deadline:%Y%m%d%H%M}"
        stages = _stages_due(now, deadline, deadlines.remind_at(Step.CONSULTATION, case.priority, deadline),
                             deadlines.escalate_at(Step.CONSULTATION, case.priority, deadline))
        url = reverse("coordination:consultation", args=[consultation.pk])
        label = consultation_label(consultation)
        for stage in stages:
            if stage == ReminderStage.BEFORE:
                people = designated_officers(agency)
                text = _("Reminder: %(agency)s has not yet answered %(consultation)s; the deadline is %(when)s.")
            elif stage == ReminderStage.OVERDUE:
                people = [*leaders_of(agency), *designated_officers(agency)]
                text = _("Overdue: %(agency)s did not answer %(consultation)s by %(when)s.")
            else:
                people = _lead_people(case)
                text = _("Escalated: %(agency)s still has not answered %(consultation)s (deadline %(when)s).")
            text = text % {"agency": agency.short_name, "consultation": label, "when": _when(deadline)}

            def then(stage=stage, invitation=invitation, case=case, agency=agency, consultation=consultation):
                field = {"overdue": "overdue_at", "escalated": "escalated_at"}.get(stage)
                if field:
                    setattr(invitation, field, now)
                    invitation.save(update_fields=[field])
                if stage == ReminderStage.OVERDUE:
                    events.event_deadline_overdue(case, step=Step.CONSULTATION, agency_code=agency.short_name,
                                                  what=str(Step.CONSULTATION.label), consultation_id=consultation.pk)

            if _remind(invitation, kind=kind, stage=stage, people=people, text=text, url=url, then=then):
                _count(counts, "consultation", stage)


def _remind_meetings(now, counts) -> None:
    for meeting in Meeting.objects.filter(status=MeetingStatus.SCHEDULED, conclusions_due_at__isnull=False) \
            .select_related("case__lead_agency", "case__lead_officer"):
        case, deadline = meeting.case, meeting.conclusions_due_at
        stages = _stages_due(now, deadline, deadlines.remind_at(Step.MEETING_CONCLUSIONS, case.priority, deadline),
                             deadlines.escalate_at(Step.MEETING_CONCLUSIONS, case.priority, deadline))
        url = reverse("coordination:meeting", args=[meeting.pk])
        for stage in stages:
            if stage == ReminderStage.BEFORE:
                people = [case.lead_officer, meeting.created_by]
                text = _("Reminder: record the conclusions of %(meeting)s by %(when)s.")
            elif stage == ReminderStage.OVERDUE:
                people = [case.lead_officer, meeting.created_by, *leaders_of(case.lead_agency)]
                text = _("Overdue: the conclusions of %(meeting)s were due %(when)s.")
            else:
                people = _lead_people(case)
                text = _("Escalated: the conclusions of %(meeting)s are still missing (due %(when)s).")
            text = text % {"meeting": meeting_summary(meeting), "when": _when(deadline)}

            def then(stage=stage, case=case, meeting=meeting):
                if stage == ReminderStage.OVERDUE:
                    events.event_deadline_overdue(case, step=Step.MEETING_CONCLUSIONS,
                                                  what=str(Step.MEETING_CONCLUSIONS.label), meeting_id=meeting.pk)

            if _remind(meeting, kind=f"meeting.conclusions@{deadline:%Y%m%d%H%M}", stage=stage, people=people,
                       text=text, url=url, then=then):
                _count(counts, "meeting", stage)


def _remind_cases(now, counts) -> None:
    """The whole case's due date, and the verification step of cases not yet verified."""
    from haidang.cases.choices import OPEN_STATES

    for case in Case.objects.filter(state__in=OPEN_STATES).select_related("lead_agency", "lead_officer"):
        url = reverse("cases:detail", args=[case.pk])
        checks = []
        if case.due_at:
            checks.append((Step.CASE, case.due_at))
        if case.state in (CaseState.NEW, CaseState.VERIFYING, CaseState.COORDINATING) \
                and case.current_verification() is None:
            checks.append((Step.VERIFICATION, deadlines.due_at(Step.VERIFICATION, case.priority, case.created_at)))
        for step, deadline in checks:
            stages = _stages_due(now, deadline, deadlines.remind_at(step, case.priority, deadline))
            for stage in stages:
                people = [case.lead_officer] if stage == ReminderStage.BEFORE else _lead_people(case)
                text = (_("Reminder: case %(case)s — %(step)s is due %(when)s.") if stage == ReminderStage.BEFORE
                        else _("Overdue: case %(case)s — %(step)s was due %(when)s."))
                text = text % {"case": _case_label(case), "step": Step(step).label, "when": _when(deadline)}

                def then(stage=stage, case=case, step=step):
                    if stage == ReminderStage.OVERDUE:
                        events.event_deadline_overdue(case, step=step, what=str(Step(step).label))

                if _remind(case, kind=f"{step}@{deadline:%Y%m%d%H%M}", stage=stage, people=people, text=text,
                           url=url, then=then):
                    _count(counts, "case", stage)


def _remind_triage(now, counts) -> None:
    from haidang.cases.choices import ReportStatus
    from haidang.cases.models import Report

    lead = access.lead_agency()
    if lead is None:
        return
    for report in Report.objects.filter(status=ReportStatus.PENDING).select_related("reporting_agency"):
        deadline = deadlines.due_at(Step.TRIAGE, report.urgency, report.created_at)
        stages = _stages_due(now, deadline, deadlines.remind_at(Step.TRIAGE, report.urgency, deadline))
        for stage in stages:
            people = designated_officers(lead) if stage == ReminderStage.BEFORE else [
                *leaders_of(lead), *designated_officers(lead)]
            text = (_("Reminder: report #%(id)s from %(agency)s awaits triage by %(when)s.")
                    if stage == ReminderStage.BEFORE else
                    _("Overdue: report #%(id)s from %(agency)s was to be triaged by %(when)s."))
            text = text % {"id": report.pk, "agency": report.reporting_agency.short_name, "when": _when(deadline)}
            if _remind(report, kind=f"triage@{deadline:%Y%m%d%H%M}", stage=stage, people=people, text=text,
                       url=reverse("cases:triage")):
                _count(counts, "triage", stage)


def handling_deadline(action) -> dt.datetime | None:
    """An action's deadline: its own date (end of that working day), else the "handling" allowance
    from the plan's approval."""
    if action.deadline:
        return timezone.make_aware(dt.datetime.combine(action.deadline, dt.time(17, 0)))
    if action.plan.approved_at:
        return deadlines.due_at(Step.HANDLING, action.case.priority, action.plan.approved_at)
    return None


def _remind_actions(now, counts) -> None:
    from haidang.cases.choices import ActionStatus
    from haidang.cases.models import HandlingAction

    live = [ActionStatus.READY, ActionStatus.IN_PROGRESS, ActionStatus.AWAITING_SECOND_APPROVAL]
    for action in HandlingAction.objects.filter(status__in=live, reversed_at__isnull=True) \
            .select_related("case__lead_agency", "case__lead_officer", "owner_agency", "plan"):
        deadline = handling_deadline(action)
        if deadline is None:
            continue
        case = action.case
        stages = _stages_due(now, deadline, deadlines.remind_at(Step.HANDLING, case.priority, deadline),
                             deadlines.escalate_at(Step.HANDLING, case.priority, deadline))
        for stage in stages:
            waiting_leaders = action.status == ActionStatus.AWAITING_SECOND_APPROVAL
            if stage == ReminderStage.BEFORE:
                people = leaders_of(case.lead_agency) if waiting_leaders else designated_officers(action.owner_agency)
                text = _("Reminder: case %(case)s — \"%(kind)s\" (%(agency)s) is due %(when)s.")
            elif stage == ReminderStage.OVERDUE:
                people = [*leaders_of(action.owner_agency), *designated_officers(action.owner_agency)]
                text = _("Overdue: case %(case)s — \"%(kind)s\" (%(agency)s) was due %(when)s.")
            else:
                people = _lead_people(case)
                text = _("Escalated: case %(case)s — \"%(kind)s\" (%(agency)s) is still not done (due %(when)s).")
            text = text % {"case": _case_label(case), "kind": action.get_kind_display(),
                           "agency": action.owner_agency.short_name, "when": _when(deadline)}

            def then(stage=stage, case=case, action=action):
                if stage == ReminderStage.OVERDUE:
                    events.event_deadline_overdue(case, step=Step.HANDLING, agency_code=action.owner_agency.short_name,
                                                  what=action.get_kind_display())

            if _remind(action, kind=f"handling@{deadline:%Y%m%d%H%M}", stage=stage, people=people, text=text,
                       url=reverse("cases:detail", args=[case.pk]), then=then):
                _count(counts, "handling", stage)


def _count(counts: dict, area: str, stage: str) -> None:
    counts[str(stage)] += 1
    key = f"{area}.{stage}"
    counts[key] = counts.get(key, 0) + 1


def send_due_reminders(now: dt.datetime | None = None) -> dict[str, int]:
    """Reminders before each deadline, overdue notices to the agency's leaders, escalation to the lead
    agency — for triage, verification, consultation answers, meeting conclusions, handling actions and
    the case as a whole. Idempotent: each (object, deadline, stage) is claimed once in ReminderLog."""
    now = now or timezone.now()
    counts = {str(stage): 0 for stage in ReminderStage}  # totals, and "<area>.<stage>" per area
    for step in (_remind_consultations, _remind_meetings, _remind_cases, _remind_triage, _remind_actions):
        step(now, counts)
    return counts
