"""Two first pushes of one token race to create its push source: both get the same source, no 500."""

import pytest

from haidang.agencies.actions import do_issue_api_token
from haidang.sources import actions
from haidang.sources.models import Source


@pytest.mark.django_db(transaction=True)
def test_the_loser_of_the_race_reads_the_winners_source(personas, monkeypatch):
    token, _ = do_issue_api_token(name="collector", agency=personas.lead, user=personas.alice)
    winner = actions.push_source_for(token)
    real_filter = Source.objects.filter
    calls = []

    def filter_that_misses_once(*args, **kwargs):
        # The other request's row is not visible yet at the first look, as in a real race.
        qs = real_filter(*args, **kwargs)
        if not calls:
            calls.append(1)
            return qs.none()
        return qs

    monkeypatch.setattr(Source.objects, "filter", filter_that_misses_once)
    assert actions.push_source_for(token) == winner
    assert real_filter(name=winner.name).count() == 1
