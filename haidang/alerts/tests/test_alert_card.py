"""`{% alert_card %}` writes the HTML the card template wrote (`reference/alert_card.html`: the queue's
`_alert.html` with its `_actions.html` in place, as they were), for every state a card can be in."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import timezone, translation

from haidang.alerts.models import Alert, Story
from haidang.alerts.views import _decorate

REFERENCE = (Path(__file__).parent / "reference" / "alert_card.html").read_text()
CARD = "{% load alert_cards %}{% alert_card alert on_story_page=on_story_page %}"
# Each render makes its own masked CSRF token: equal up to the token.
_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+')


def _alerts(personas):
    now = timezone.now()
    story = Story.objects.create(title="Tin <b>đồn</b>", first_seen=now - dt.timedelta(hours=3), last_seen=now,
                                 item_count=12, source_count=1, growth_1h=2.5, growth_24h=0.25,
                                 place_counts={"44": ["Đồng Hới & Lệ Thủy", 7], "45": ["Đông Hà", 2]})
    quiet = Story.objects.create(title="quiet", first_seen=now, last_seen=now, item_count=1, source_count=3)
    rows = [
        Alert(dedupe_key="a1", story=story, title='Gọi 0983 123 789 <script>x</script> "quoted"', priority="urgent",
              category="scam", reasons=["priority", "growth", "made_up"], agency=personas.lead,
              routed_by="scam → <CAT>", status="open", item_count=12, created_at=now - dt.timedelta(hours=2)),
        Alert(dedupe_key="a2", story=quiet, title="acknowledged", priority="high", category="", reasons=["urgent_topic"],
              agency=personas.lead, status="acknowledged", created_at=now, updated_at=now),
        Alert(dedupe_key="a3", kind="spike", title="spike", priority="medium", category="hate_harassment",
              reasons=["spike"], details={"expected": 1.25, "count": 9}, agency=personas.other, status="open",
              item_count=9),
        Alert(dedupe_key="a4", kind="spike", title="", priority="", reasons=[], agency=None, status="reported",
              handled_by=personas.peter, handled_at=now, report_id=1234567, item_count=1),
        Alert(dedupe_key="a5", title="dismissed", priority="low", reasons=["spike"], agency=personas.lead,
              status="dismissed", handled_by=personas.peter, handled_at=now, dismiss_reason="old <i>news</i> & done"),
        Alert(dedupe_key="a6", title="reported, nobody", priority="high", agency=personas.other, status="reported"),
        Alert(dedupe_key="a7", title="merged", priority="high", agency=personas.lead, status="merged"),
    ]
    Alert.objects.bulk_create(rows)
    return list(Alert.objects.select_related("agency", "story", "handled_by").order_by("dedupe_key"))


@pytest.mark.parametrize("language", ["en", "vi"])
def test_card_is_the_template_it_replaced(personas, language):
    engine = engines["django"]
    reference, card = engine.from_string(REFERENCE), engine.from_string(CARD)
    factory = RequestFactory()
    rows, handled, checked = _alerts(personas), set(), 0
    with translation.override(language):
        # The lead agency's coordinator may act on most of them, its viewer on none, another agency's officer on its own.
        for user in (personas.alice, personas.vera, personas.charlie):
            alerts = _decorate(rows, user)
            handled |= {a.can_handle for a in alerts}
            for path in ('/alerts/?status=all&q=<x>"', "/alerts/stories/1/"):
                request = factory.get(path)
                request.user = user
                for on_story_page in (False, True):
                    for next_url in ('/alerts/?status=all&x="y"', ""):  # "": the story page has none
                        for alert in alerts:
                            context = {"alert": alert, "on_story_page": on_story_page, "next_url": next_url}
                            old = _TOKEN.sub(r"\1", reference.render(context, request))
                            new = _TOKEN.sub(r"\1", card.render(context, request))
                            assert new == old, (alert.dedupe_key, on_story_page, next_url)
                            checked += 1
    assert handled == {True, False}
    assert checked == 3 * 2 * 2 * 2 * len(rows)
