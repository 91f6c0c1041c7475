"""A linked item joins the claim's story: the claim takes the first linked item's story, and a later item's
own story (its near-duplicates) is merged into it by the alerts domain's action, alerts included."""

import pytest

from haidang.alerts.models import Alert, Story, StoryItem, StoryMerge
from haidang.audit.models import AuditEntry
from haidang.claims import actions
from haidang.claims.actions import KNOWN_CLAIM

from .helpers import PAPAYA_REWORDED, claim, match_of, post, source

pytestmark = pytest.mark.django_db

# Another rewording of the papaya claim, not a near-duplicate of PAPAYA_REWORDED: a story of its own.
PAPAYA_OTHER = ("Nghe các cụ bảo bị sốt xuất huyết thì cứ giã lá đu đủ lấy nước uống là khỏi, "
                "bệnh viện cũng chịu. Ai biết thì chia sẻ cho mọi người cùng biết.")


def test_a_second_items_story_joins_the_claims_story(personas, django_capture_on_commit_callbacks, settings):
    settings.HAIDANG_CLAIMS = {"AUTO_LINK": 1.01}
    p = personas
    papaya = claim(p)
    src = source(p)
    first = post(django_capture_on_commit_callbacks, src, PAPAYA_REWORDED, priority="low")
    second = post(django_capture_on_commit_callbacks, src, PAPAYA_OTHER, priority="high")
    s1, s2 = StoryItem.objects.get(item=first).story, StoryItem.objects.get(item=second).story
    assert s1 != s2
    own_alert = Alert.objects.get(story=s2)  # the second story's own alert (high priority)
    m1, m2 = match_of(first), match_of(second)
    assert m1.claim == papaya and m2 is not None and m2.claim == papaya
    actions.do_confirm_match(m1, acting_user=p.bob)
    papaya.refresh_from_db()
    assert papaya.story == s1
    claim_alert = Alert.objects.get(story=s1)
    actions.do_confirm_match(m2, acting_user=p.bob)
    papaya.refresh_from_db()
    s2.refresh_from_db()
    # The second item now lives in the claim's story; its story is merged into it.
    assert papaya.story == s1 and StoryItem.objects.get(item=second).story == s1
    assert s2.merged_into == s1
    assert StoryMerge.objects.filter(into=s1, merged=s2, linking_item=second, items_moved=1).exists()
    survivor = Story.objects.get(pk=s1.pk)
    assert survivor.item_count == 2
    # One alert for the claim's story: the second story's alert was merged into it, and it gained the reason.
    own_alert.refresh_from_db()
    claim_alert.refresh_from_db()
    assert own_alert.status == "merged" and own_alert.merged_into == claim_alert
    assert KNOWN_CLAIM in claim_alert.reasons and claim_alert.details["claim_items"] == 2
    assert AuditEntry.objects.filter(action="stories.join", changes__merged=s2.pk).exists()


def test_joining_is_idempotent_when_the_item_is_already_in_the_story(personas, django_capture_on_commit_callbacks,
                                                                    settings):
    settings.HAIDANG_CLAIMS = {"AUTO_LINK": 1.01}
    p = personas
    papaya = claim(p)
    src = source(p)
    first = post(django_capture_on_commit_callbacks, src, PAPAYA_REWORDED)
    copy = post(django_capture_on_commit_callbacks, source(p, "other"), PAPAYA_REWORDED + " 😡")
    assert StoryItem.objects.get(item=copy).story == StoryItem.objects.get(item=first).story
    actions.do_confirm_match(match_of(first), acting_user=p.bob)
    actions.do_confirm_match(match_of(copy), acting_user=p.bob)
    papaya.refresh_from_db()
    assert not StoryMerge.objects.exists() and papaya.story.item_count == 2
