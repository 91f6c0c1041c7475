"""Reads for coordination: single-object access (404 for outsiders), the tally, my work, agency load."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from haidang.agencies import access
from haidang.agencies.access import get_for_user_or_404
from haidang.audit.actions import record_view
from haidang.cases import visibility

from .choices import ConsultationStatus, MeetingStatus, Position
from .models import Answer, Consultation, ConsultationInvitation, Meeting, MeetingInvitation


def access_meeting_for_user(user, meeting_id) -> Meeting:
    """The meeting, if the user may see its case and is in the lead agency or an invited agency; else 404."""
    return get_for_user_or_404(
        Meeting.objects.select_related("case", "case__lead_agency", "case__lead_officer", "created_by"),
        user, meeting_id)


def view_meeting_for_user(user, meeting_id) -> Meeting:
    meeting = access_meeting_for_user(user, meeting_id)
    if meeting.case.is_confidential:
        record_view(meeting.case, actor=user)
    return meeting


def access_consultation_for_user(user, consultation_id) -> Consultation:
    """The consultation, if the user may see its case and is in the lead agency or an invited agency; else 404."""
    return get_for_user_or_404(
        Consultation.objects.select_related("case", "case__lead_agency", "case__lead_officer", "created_by"),
        user, consultation_id)


def view_consultation_for_user(user, consultation_id) -> Consultation:
    consultation = access_consultation_for_user(user, consultation_id)
    if consultation.case.is_confidential:
        record_view(consultation.case, actor=user)
    return consultation


def is_lead_of(user, case) -> bool:
    # By the case's lead agency id: the same check, without loading the agency row (a query a case on
    # "my work" and the dashboard, which list cases with select_related("case") only).
    return bool(access.has_role(user, case.lead_agency_id)
                or (case.lead_officer_id and user.pk == case.lead_officer_id))


def visible_for_case(user, case):
    """(meetings, consultations) of the case this user may see: the rule the case page applies too."""
    return (Meeting.objects.restrict(user).filter(case=case),
            Consultation.objects.restrict(user).filter(case=case))


def case_coordination(user, case) -> dict:
    """The meetings and consultations of a case this user may see."""
    seen = visibility.kept_coordination(user, case)
    if seen is not None and seen.meeting_rows is not None:
        # The case page loaded them once (`read_coordination_once`, this same rule): only the invitations.
        prefetch_related_objects(seen.meeting_rows, "invitations__agency")
        prefetch_related_objects(seen.consultation_rows, "invitations__agency")
        return {"meetings": seen.meeting_rows, "consultations": [(c, tally(c)) for c in seen.consultation_rows]}
    return {
        "meetings": list(Meeting.objects.restrict(user).filter(case=case).prefetch_related("invitations__agency")),
        "consultations": [
            (c, tally(c)) for c in Consultation.objects.restrict(user).filter(case=case)
            .prefetch_related("invitations__agency")],
    }


def tally(consultation: Consultation) -> dict:
    """The live tally: who agreed, who disagreed and why, who gave another opinion, who has not answered
    (and whether they are overdue)."""
    answers = {a.agency_id: a for a in consultation.answers.select_related("agency", "signed_by")}
    invitations = list(consultation.invitations.select_related("agency"))
    out = {Position.AGREE: [], Position.DISAGREE: [], Position.OTHER: []}
    missing = []
    past = timezone.now() > consultation.deadline
    for invitation in invitations:
        answer = answers.get(invitation.agency_id)
        if answer is None:
            missing.append({"agency": invitation.agency, "overdue": past, "flagged_at": invitation.overdue_at,
                            "escalated_at": invitation.escalated_at})
        else:
            out[answer.position].append(answer)
    counts = {"agree": len(out[Position.AGREE]), "disagree": len(out[Position.DISAGREE]),
              "other": len(out[Position.OTHER]), "missing": len(missing), "invited": len(invitations)}
    return {"agree": out[Position.AGREE], "disagree": out[Position.DISAGREE], "other": out[Position.OTHER],
            "missing": missing, "counts": counts, "past_deadline": past}


def summary_text(consultation: Consultation) -> str:
    """The consolidated summary, as plain text (shown on the case and downloadable): the questions,
    then each invited agency under its own name with its position, its signed answer or "no answer"."""
    t = tally(consultation)
    case = consultation.case
    lines = [consultation.title, f"{_('Case')}: {case.code}",
             f"{_('Deadline for answers')}: {timezone.localtime(consultation.deadline):%d/%m/%Y %H:%M}",
             _("agree %(agree)s / disagree %(disagree)s / other %(other)s / no answer %(missing)s "
               "(invited %(invited)s)") % t["counts"], ""]
    questions = [(_("Question on verification"), consultation.question_verification),
                 (_("Question on appraisal"), consultation.question_appraisal),
                 (_("Proposed handling"), consultation.question_handling)]
    for label, text in questions:
        if text.strip():
            lines += [f"{label}:", "  " + text.strip().replace("\n", "\n  ")]
    lines.append("")
    answers = {a.agency_id: a for key in ("agree", "disagree", "other") for a in t[key]}
    missing = {row["agency"].pk: row for row in t["missing"]}
    invitations = consultation.invitations.select_related("agency").order_by("agency__name")
    for number, invitation in enumerate(invitations, start=1):
        agency = invitation.agency
        lines.append(f"{number}. {agency.name} ({agency.short_name})")
        answer = answers.get(agency.pk)
        if answer is not None:
            signer = answer.signed_by.get_full_name() or answer.signed_by.get_username()
            lines.append(f"   {_('Position')}: {Position(answer.position).label}")
            lines.append(f"   {_('Signed by')}: {signer}, {timezone.localtime(answer.signed_at):%d/%m/%Y %H:%M}"
                         + (f" ({_('revision')} {answer.revision})" if answer.revision > 1 else ""))
            lines.append("   " + answer.text.strip().replace("\n", "\n   "))
        else:
            row = missing.get(agency.pk)
            lines.append(f"   {_('Position')}: {_('no answer')}"
                         + ((" (" + _("overdue") + ")") if row and row["overdue"] else ""))
        lines.append("")
    if consultation.conclusion:
        lines += [_("The lead agency's conclusion") + ":", consultation.conclusion]
    return "\n".join(lines) + "\n"


def my_work(user) -> dict:
    """What awaits this person's agencies: consultations to answer, meetings they are invited to,
    and, for the lead agency, the consultations and meetings it runs.

    Two queries, each with the coordination rule (`restrict`, the case rule inside) once: the open
    consultations and the scheduled meetings this user may see, each marked whether one of the user's
    working agencies is invited (and, for consultations, has answered). The four lists are cut from
    them in Python (the dashboard asks on every page; four queries each built and compiled the rule)."""
    mine = access.agency_ids(user, access.WORKING_ROLES)
    answered = Answer.objects.filter(consultation=OuterRef("pk"), agency_id__in=mine)
    invited = ConsultationInvitation.objects.filter(consultation=OuterRef("pk"), agency_id__in=mine)
    consultations = list(Consultation.objects.restrict(user).filter(status=ConsultationStatus.OPEN)
                         .select_related("case")
                         .annotate(answered=Exists(answered), invited_mine=Exists(invited)).order_by("deadline"))
    meeting_invited = MeetingInvitation.objects.filter(meeting=OuterRef("pk"), agency_id__in=mine)
    meetings = list(Meeting.objects.restrict(user).filter(status=MeetingStatus.SCHEDULED)
                    .select_related("case").annotate(invited_mine=Exists(meeting_invited)).order_by("starts_at"))
    return {
        "to_answer": [c for c in consultations if c.invited_mine],
        "meetings": [m for m in meetings if m.invited_mine],
        "running_consultations": [c for c in consultations if is_lead_of(user, c.case)],
        "running_meetings": [m for m in meetings if is_lead_of(user, m.case)],
    }


def agency_load(user) -> list[dict]:
    """Each agency's coordination load: open questions (unanswered, before the deadline), overdue answers,
    upcoming meetings, and its designated officers. Lead agency members see every agency; others their own."""
    from haidang.agencies.models import Agency
    from haidang.agencies.queries import designated_officers

    agencies = Agency.objects.restrict(user)
    if not (user.is_superuser or access.is_lead_member(user)):
        agencies = agencies.filter(pk__in=access.agency_ids(user))
    now = timezone.now()
    open_invitations = (ConsultationInvitation.objects.filter(consultation__status=ConsultationStatus.OPEN)
                        .exclude(Exists(Answer.objects.filter(consultation=OuterRef("consultation"),
                                                              agency=OuterRef("agency")))))
    rows = []
    for agency in agencies.order_by("name"):
        mine = open_invitations.filter(agency=agency)
        rows.append({
            "agency": agency,
            "open": mine.filter(consultation__deadline__gte=now).count(),
            "overdue": mine.filter(consultation__deadline__lt=now).count(),
            "meetings": Meeting.objects.filter(status=MeetingStatus.SCHEDULED, starts_at__gte=now,
                                               invitations__agency=agency).count(),
            "officers": list(designated_officers(agency)),
        })
    return rows
