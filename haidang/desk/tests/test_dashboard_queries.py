"""The dashboard's queries: a bounded number, which does not grow with the meetings, consultations and
grievances there are (each card reads its lists in one or two queries; the counts may be a minute old)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haidang.coordination.tests.helpers import consultation, meeting, new_case
from haidang.grievances.tests.helpers import by_hand

pytestmark = pytest.mark.usefixtures("english_and_fresh_cache")

# Session, user, memberships, the notifications count; then the cards: triage (2), press agencies,
# alerts (2-3), my tasks (once for the home card and the cases card), coordination (2), grievances (the
# queue, the lead agency). Before: 20 for the lead agency's coordinator, 27 for its leader, 18 for others.
MOST_QUERIES = {"alice": 14, "lena": 17, "bob": 13, "walter": 13}


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as seen:
        assert client.get("/").status_code == 200
    return len(seen.captured_queries)


def test_the_dashboard_reads_a_bounded_number_of_queries(personas):
    p = personas
    for user in (p.alice, p.lena, p.bob, p.walter):
        client = p.client_for(user)
        client.get("/")  # the minute-old counts and the site-wide figures are kept from here
        empty = _queries(client)
        assert empty <= MOST_QUERIES[user.username], (user.username, empty)
    client = p.client_for(p.alice)
    before = _queries(client)
    case = new_case(p)
    for days in (2, 3, 4):
        consultation(p, case, deadline=None)
        meeting(p, case, starts_in=dt.timedelta(days=days))
        by_hand(p)
    assert _queries(client) == before
