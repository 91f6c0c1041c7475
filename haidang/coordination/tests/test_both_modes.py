"""Both modes on one case: a meeting verifies, a written consultation agrees the handling."""

import pytest

from haidang.cases.choices import CaseState
from haidang.coordination import actions
from haidang.coordination.choices import Position

from .helpers import (
    VERIFICATION,
    appraisal,
    carry_out_and_close,
    consultation,
    meeting,
    new_case,
    warning_action,
)


@pytest.mark.django_db
def test_a_meeting_and_a_consultation_on_one_case(personas):
    p = personas
    case = new_case(p)
    m = meeting(p, case)
    c = consultation(p, case, agencies=[p.health, p.police])
    case.refresh_from_db()
    assert case.state == CaseState.COORDINATING
    assert case.coordination_modes == ["meeting", "written"]
    assert list(case.events.filter(type="coordination_started").values_list("parameters__mode", flat=True)) == [
        "meeting", "written"]

    actions.do_conclude_meeting(m, acting_user=p.alice, conclusions="The page is fake.", verification=VERIFICATION)
    case.refresh_from_db()
    assert case.state == CaseState.COORDINATING and case.current_verification().origin == f"meeting:{m.pk}"

    actions.do_answer_consultation(c, acting_user=p.bob, position=Position.AGREE, text="Warn citizens.")
    actions.do_answer_consultation(c, acting_user=p.peter, position=Position.AGREE, text="Agreed.")
    actions.do_close_consultation(c, acting_user=p.alice, conclusion="Warn citizens.", appraisal=appraisal(),
                                  plan_actions=[warning_action(p)])
    case.refresh_from_db()
    assert case.current_appraisal().origin == f"consultation:{c.pk}"
    assert carry_out_and_close(p, case).state == CaseState.CLOSED
