"""Counted for reporting, and shown first on the home screens."""

import datetime as dt

import pytest
from django.utils import timezone

from haidang.grievances import actions, queries

from .helpers import by_hand, local, ward_leader

URL = "https://donghoi.quangtri.gov.vn/tra-loi/1"


def _answered(p, leader, **kw):
    g = by_hand(p, **kw)
    actions.do_submit_answer(g, acting_user=p.walter, text="Đã trả lời.", published_url=URL)
    return actions.do_approve_answer(g, acting_user=leader)


@pytest.mark.django_db
def test_figures_count_answered_on_time_late_and_reassigned(personas):
    p = personas
    leader = ward_leader(p)
    today = timezone.localdate()
    _answered(p, leader)  # on time
    _answered(p, leader, received_at=local(2026, 1, 5, 9, 0))  # late
    moved = by_hand(p)
    actions.do_reassign_grievance(moved, p.health, acting_user=p.alice, reason="hospital")
    by_hand(p, received_at=local(2026, 1, 6, 9, 0))  # open and overdue
    case_bound = by_hand(p)
    actions.do_open_case(case_bound, acting_user=p.alice, reason="more")

    everyone = queries.figures(dt.date(2026, 1, 1), today)
    assert everyone == {"received": 5, "answered": 2, "answered_on_time": 1, "answered_late": 1, "reassigned": 1,
                        "escalated_to_case": 1, "open": 2, "overdue": 1}
    ward = queries.figures(dt.date(2026, 1, 1), today, agency=p.ward)
    assert ward["answered"] == 2 and ward["reassigned"] == 1 and ward["open"] == 1
    assert queries.figures(dt.date(2026, 1, 1), today, agency=p.health)["open"] == 1
    # A period before any of it counts nothing answered.
    assert queries.figures(dt.date(2025, 1, 1), dt.date(2025, 12, 31))["answered"] == 0
    rows = {row["agency"].short_name: row for row in queries.figures_by_agency(dt.date(2026, 1, 1), today)}
    assert rows["P-DONGHOI"]["answered_on_time"] == 1 and rows["P-DONGHOI"]["reassigned"] == 1
    assert rows["SYT"]["open"] == 1


@pytest.mark.django_db
def test_the_wards_home_shows_its_grievances_first_the_overdue_on_top(personas):
    p = personas
    fresh = by_hand(p, title="Mới nhận")
    late = by_hand(p, title="Quá hạn", received_at=local(2026, 1, 5, 9, 0))
    by_hand(p, title="Của Sở Y tế", agency=p.health)
    response = p.client_for(p.walter).get("/")
    panels = response.context["panels"]
    assert panels[0]["template"] == "grievances/panel.html"
    assert [g.pk for g in panels[0]["context"]["queue"]] == [late.pk, fresh.pk]
    html = response.content.decode()
    assert html.index(late.code) < html.index(fresh.code)


@pytest.mark.django_db
def test_the_lead_agency_sees_every_agencys_figures(personas):
    p = personas
    leader = ward_leader(p)
    _answered(p, leader)
    response = p.client_for(p.alice).get("/")
    panel = next(x for x in response.context["panels"] if x["template"] == "grievances/panel.html")
    row = next(r for r in panel["context"]["rows"] if r["agency"] == p.ward)
    assert row["answered_on_time"] == 1
    assert 'data-agency="P-DONGHOI"' in response.content.decode()
    # The figures page, and the command the reports can call.
    assert p.client_for(p.alice).get("/grievances/figures/").status_code == 200
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("grievances", "figures", "--start", "2026-01-01", "--end", timezone.localdate().isoformat(),
                 "--agency", "P-DONGHOI", "--json", stdout=out)
    assert '"answered_on_time": 1' in out.getvalue()
