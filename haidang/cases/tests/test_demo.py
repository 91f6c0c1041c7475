import io

import pytest

from haidang.cases.choices import CaseState
from haidang.cases.models import Case, PressOutlet


@pytest.mark.django_db
def test_demo_loads_three_cases_once(settings):
    from haidang.agencies import demo as agencies_demo
    from haidang.cases import demo

    agencies_demo.load()
    first = demo.load(io.StringIO())
    assert first["cases"] == 3
    assert demo.load(io.StringIO())["cases"] == 0
    states = dict(Case.objects.values_list("title", "state"))
    assert states[demo.GRIEVANCE] == CaseState.CLOSED
    assert states[demo.SCAM] == CaseState.HANDLING
    assert Case.objects.get(title=demo.SECRET).is_confidential
    scam = Case.objects.get(title=demo.SCAM)
    police = scam.actions.get(kind="refer_police")
    assert police.second_approved_by.username == demo.SECOND_LEADER
    assert police.plan.approved_by.username == "stttt.leader"
    assert PressOutlet.objects.filter(domain="baoquangtri.vn").exists()
