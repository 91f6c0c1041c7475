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


@pytest.mark.django_db
def test_demo_pages_render(client):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from haidang.agencies import demo as agencies_demo
    from haidang.cases import demo

    agencies_demo.load()
    demo.load()
    User = get_user_model()
    for username in ("stttt.leader", "stttt.leader2", "cat.officer", "pdonghoi.officer"):
        client.force_login(User.objects.get(username=username))
        for case in Case.objects.restrict(User.objects.get(username=username)):
            page = client.get(reverse("cases:detail", args=[case.pk]))
            assert page.status_code == 200, (username, case.code)
        assert client.get(reverse("cases:list")).status_code == 200
        assert client.get(reverse("dashboard")).status_code == 200
    client.force_login(User.objects.get(username="stttt.leader"))
    assert client.get(reverse("cases:triage")).status_code == 200
    scam = Case.objects.get(title=demo.SCAM)
    for name in ("verify", "appraise", "plan_add_action", "appeal"):
        assert client.get(reverse(f"cases:{name}", args=[scam.pk])).status_code == 200
    client.force_login(User.objects.get(username="pdonghoi.officer"))
    assert not Case.objects.restrict(User.objects.get(username="pdonghoi.officer")).filter(title=demo.SECRET).exists()
