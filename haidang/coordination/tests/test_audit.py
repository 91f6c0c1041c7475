"""Every answer and every revision is in the audit log and on the case timeline."""

import pytest

from haidang.audit.models import AuditEntry
from haidang.coordination import actions
from haidang.coordination.choices import Position
from haidang.coordination.models import AnswerRevision

from .helpers import consultation, new_case


@pytest.mark.django_db
def test_every_answer_and_revision_is_audited_and_on_the_timeline(personas):
    p = personas
    case = new_case(p)
    c = consultation(p, case)
    actions.do_answer_consultation(c, acting_user=p.bob, position=Position.AGREE, text="one")
    actions.do_answer_consultation(c, acting_user=p.bob, position=Position.DISAGREE, text="two")
    actions.do_answer_consultation(c, acting_user=p.peter, position=Position.OTHER, text="three")
    revisions = list(AnswerRevision.objects.order_by("id"))
    assert len(revisions) == 3
    entries = AuditEntry.objects.filter(object_type="coordination.answerrevision").order_by("id")
    assert [e.action for e in entries] == ["coordination.answer", "coordination.answer_revise",
                                           "coordination.answer"]
    assert [e.object_id for e in entries] == [str(r.pk) for r in revisions]
    assert [e.changes["text"] for e in entries] == ["one", "two", "three"]
    assert entries[0].actor == p.bob and entries[0].agency == p.health
    timeline = case.events.filter(type__in=["consultation_answered", "consultation_answer_revised"]).order_by("id")
    assert [(e.type, e.parameters["revision_id"]) for e in timeline] == [
        ("consultation_answered", revisions[0].pk), ("consultation_answer_revised", revisions[1].pk),
        ("consultation_answered", revisions[2].pk)]
    assert AuditEntry.objects.filter(action="coordination.consultation_open", object_id=str(c.pk)).exists()
