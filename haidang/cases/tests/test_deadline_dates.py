"""Deadlines read day/month/year in the Vietnamese UI whatever the browser's language (#15 item 10)."""

import datetime as dt

import pytest

from haidang.cases.forms import PlanActionForm
from haidang.coordination.forms import ConclusionActionForm


@pytest.mark.parametrize("form_class", [PlanActionForm, ConclusionActionForm])
def test_the_deadline_box_says_and_reads_day_month_year(form_class):
    html = str(form_class().fields["deadline"].widget.render("deadline", dt.date(2026, 4, 3)))
    assert 'type="text"' in html and 'value="03/04/2026"' in html and "dd/mm/yyyy" in html
    field = form_class().fields["deadline"]
    assert field.clean("03/04/2026") == dt.date(2026, 4, 3) == field.clean("2026-04-03")
