"""Mode (b), end to end: three agencies are asked in writing; two answer (one revises), one is overdue,
is reminded, flagged to its leaders, then escalated to the lead agency; the tally is right; the lead
agency's conclusion leads through the approvals to a closed case."""

import datetime as dt

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from haidang.cases.choices import CaseState
from haidang.cases.errors import IllegalTransition
from haidang.coordination import actions
from haidang.coordination.choices import Position, Step
from haidang.coordination.models import AnswerRevision
from haidang.coordination.queries import tally
from haidang.core.models import Notification
from haidang.workdays import deadlines

from .helpers import VERIFICATION, appraisal, carry_out_and_close, consultation, new_case, warning_action


@pytest.mark.django_db
def test_written_consultation_end_to_end(personas, django_capture_on_commit_callbacks):
    p = personas
    case = new_case(p)
    with django_capture_on_commit_callbacks(execute=True):
        c = consultation(p, case)
    case.refresh_from_db()
    assert case.state == CaseState.COORDINATING and case.coordination_modes == ["written"]
    # The designated officers of each invited agency receive the questions.
    for officer in (p.bob, p.peter, p.walter):
        assert Notification.objects.filter(recipient=officer, verb="coordination.consultation_question").exists()
        assert any(officer.email in m.to for m in mail.outbox)
    assert not Notification.objects.filter(recipient=p.charlie).exists()

    letter = SimpleUploadedFile("cong-van.pdf", b"%PDF-1.4 signed letter", content_type="application/pdf")
    actions.do_answer_consultation(c, acting_user=p.bob, position=Position.AGREE, text="Not our page.",
                                   attachments=[letter])
    actions.do_answer_consultation(c, acting_user=p.peter, position=Position.OTHER, text="Need more facts.")
    # The police revise their answer: still one answer, two revisions, both kept.
    answer = actions.do_answer_consultation(c, acting_user=p.peter, position=Position.DISAGREE,
                                            text="Refer to us instead of asking for removal.")
    assert answer.revision == 2 and c.answers.filter(agency=p.police).count() == 1
    assert [r.position for r in AnswerRevision.objects.filter(answer=answer)] == ["other", "disagree"]
    assert AnswerRevision.objects.get(answer__agency=p.health).attachments.get().name == "cong-van.pdf"

    t = tally(c)
    assert t["counts"] == {"agree": 1, "disagree": 1, "other": 0, "missing": 1, "invited": 3}
    assert [a.agency for a in t["agree"]] == [p.health]
    assert t["disagree"][0].text.startswith("Refer to us")
    assert [row["agency"] for row in t["missing"]] == [p.ward]

    # The ward has not answered: reminded before the deadline, flagged overdue to its leaders after it,
    # then escalated to the lead agency.
    remind = deadlines.remind_at(Step.CONSULTATION, case.priority, c.deadline)
    escalate = deadlines.escalate_at(Step.CONSULTATION, case.priority, c.deadline)
    from haidang.agencies.actions import do_create_officer

    ward_leader = do_create_officer(username="wanda", password="x-persona-123", agency=p.ward, role="leader",
                                    full_name="Wanda", email="wanda@example.test")
    before = actions.send_due_reminders(now=remind + dt.timedelta(minutes=1))
    assert before["consultation.before"] == 1
    assert Notification.objects.filter(recipient=p.walter, verb="coordination.before").count() == 1
    assert not Notification.objects.filter(recipient=p.bob, verb="coordination.before").exists()  # answered

    overdue = actions.send_due_reminders(now=c.deadline + dt.timedelta(minutes=1))
    assert overdue["consultation.overdue"] == 1
    assert Notification.objects.filter(recipient=ward_leader, verb="coordination.overdue").exists()
    invitation = c.invitations.get(agency=p.ward)
    assert invitation.overdue_at is not None
    assert case.events.filter(type="deadline_overdue", parameters__agency_code="P-DONGHOI").exists()

    escalated = actions.send_due_reminders(now=escalate + dt.timedelta(minutes=1))
    assert escalated["consultation.escalated"] == 1
    for lead_person in (p.lena, p.lars):
        assert Notification.objects.filter(recipient=lead_person, verb="coordination.escalated").exists()
    invitation.refresh_from_db()
    assert invitation.escalated_at is not None

    # After the deadline nobody answers or revises any more.
    type(c).objects.filter(pk=c.pk).update(deadline=c.deadline.replace(year=2000))
    c.refresh_from_db()
    with pytest.raises(IllegalTransition):
        actions.do_answer_consultation(c, acting_user=p.walter, position=Position.AGREE, text="late")

    actions.do_close_consultation(c, acting_user=p.alice, conclusion="Fake page: warn citizens now.",
                                  verification=VERIFICATION, appraisal=appraisal(), plan_actions=[warning_action(p)])
    c.refresh_from_db()
    case.refresh_from_db()
    assert c.status == "closed" and case.state == CaseState.APPRAISED
    assert case.current_plan().origin == f"consultation:{c.pk}" and case.current_plan().status == "submitted"
    closed = case.events.get(type="consultation_closed")
    assert closed.parameters["tally"] == {"agree": 1, "disagree": 1, "other": 0, "missing": 1, "invited": 3}

    case = carry_out_and_close(p, case)
    assert case.state == CaseState.CLOSED


@pytest.mark.django_db
def test_each_agency_answers_once_even_from_two_officers(personas):
    from haidang.agencies.actions import do_create_officer

    p = personas
    c = consultation(p, new_case(p))
    other = do_create_officer(username="bao", password="x-persona-123", agency=p.health, role="officer",
                              full_name="Bao", email="bao@example.test")
    actions.do_answer_consultation(c, acting_user=p.bob, position=Position.AGREE, text="yes")
    actions.do_answer_consultation(c, acting_user=other, position=Position.OTHER, text="with a caveat")
    answer = c.answers.get()
    assert answer.signed_by == other and answer.revision == 2
    assert list(answer.revisions.values_list("signed_by__username", flat=True)) == ["bob", "bao"]


@pytest.mark.django_db
def test_the_database_refuses_a_second_answer_row(personas):
    from django.db import IntegrityError, transaction

    from haidang.coordination.models import Answer

    p = personas
    c = consultation(p, new_case(p))
    actions.do_answer_consultation(c, acting_user=p.bob, position=Position.AGREE, text="yes")
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(consultation=c, agency=p.health, position="agree", text="again", signed_by=p.bob)
