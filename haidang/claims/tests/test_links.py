"""A confirmed match links the item and extends the alert (or raises one for the claim's agency);
a rejected match is remembered: never proposed again, and it raises the threshold in force."""

import pytest

from haidang.alerts.models import Alert, StoryItem
from haidang.audit.models import AuditEntry
from haidang.claims import actions
from haidang.claims.actions import KNOWN_CLAIM, do_match_items
from haidang.claims.models import ClaimMatch
from haidang.claims.tuning import threshold_in_force, tuned_threshold

from .helpers import PAPAYA_REWORDED, claim, match_of, post, source

pytestmark = pytest.mark.django_db


def test_confirmed_match_links_the_item_and_extends_the_alert(personas, django_capture_on_commit_callbacks, settings):
    settings.HAIDANG_CLAIMS = {"AUTO_LINK": 1.01}  # only the officer's confirmation links here
    p = personas
    papaya = claim(p)
    obj = post(django_capture_on_commit_callbacks, source(p), PAPAYA_REWORDED, priority="high")
    story = StoryItem.objects.get(item=obj).story
    alert = Alert.objects.get(story=story)
    assert KNOWN_CLAIM not in alert.reasons
    match = match_of(obj)
    actions.do_confirm_match(match, acting_user=p.bob)
    match.refresh_from_db()
    papaya.refresh_from_db()
    alert.refresh_from_db()
    assert match.status == "confirmed" and match.linked and match.decided_by == p.bob
    assert papaya.story == story  # the item's story became the claim's story
    assert KNOWN_CLAIM in alert.reasons and alert.details["claim"] == papaya.claim_id
    assert Alert.objects.filter(story=story).count() == 1
    assert AuditEntry.objects.filter(action="claim.match_confirm").exists()
    assert AuditEntry.objects.filter(action="alert.extend").exists()


def test_confirmed_match_raises_an_alert_for_the_claims_agency(personas, django_capture_on_commit_callbacks, settings):
    settings.HAIDANG_CLAIMS = {"AUTO_LINK": 1.01}
    p = personas
    claim(p)  # verified by the health department
    obj = post(django_capture_on_commit_callbacks, source(p), PAPAYA_REWORDED, priority="low")
    story = StoryItem.objects.get(item=obj).story
    assert not Alert.objects.filter(story=story).exists()
    actions.do_confirm_match(match_of(obj), acting_user=p.alice)
    alert = Alert.objects.get(story=story)
    assert alert.agency == p.health and alert.reasons == [KNOWN_CLAIM]
    # The health department's designated officer hears of it.
    from haidang.core.models import Notification

    assert Notification.objects.filter(recipient=p.bob, verb="claims.repeated").exists()


def test_rejected_match_is_remembered(personas, django_capture_on_commit_callbacks):
    p = personas
    papaya = claim(p)
    obj = post(django_capture_on_commit_callbacks, source(p), PAPAYA_REWORDED)
    match = match_of(obj)
    actions.do_reject_match(match, acting_user=p.bob)
    do_match_items([obj.pk])  # a re-run (or a later revision of the item) does not propose it again
    matches = ClaimMatch.objects.filter(item=obj)
    assert [m.status for m in matches] == ["rejected"]
    assert not ClaimMatch.objects.filter(item=obj, claim=papaya, status="proposed").exists()
    page = p.client_for(p.alice).get(f"/content/items/{obj.pk}/").content.decode()
    assert 'data-testid="claim-banner"' not in page
    assert AuditEntry.objects.filter(action="claim.match_reject").exists()


def test_rejections_raise_the_threshold(personas, django_capture_on_commit_callbacks, settings):
    settings.HAIDANG_CLAIMS = {"MIN_DECISIONS": 1}
    p = personas
    claim(p)
    obj = post(django_capture_on_commit_callbacks, source(p), PAPAYA_REWORDED)
    match = match_of(obj)
    floor = threshold_in_force()
    actions.do_reject_match(match, acting_user=p.bob)
    assert threshold_in_force() > max(floor, match.score)


def test_tuned_threshold():
    # Too few decisions: the floor stands.
    assert tuned_threshold([(0.6, False)], floor=0.5, target=0.95, min_decisions=5) == 0.5
    decisions = [(0.55, False), (0.58, False), (0.62, True), (0.7, True), (0.8, True), (0.9, True)]
    assert tuned_threshold(decisions, floor=0.5, target=0.95, min_decisions=5) == 0.62
    # All good above the floor: nothing moves.
    assert tuned_threshold([(s, True) for s in (0.6, 0.7, 0.8, 0.9, 0.95)], floor=0.5, target=0.95,
                           min_decisions=5) == 0.5


def test_outsider_cannot_decide(personas, django_capture_on_commit_callbacks):
    p = personas
    claim(p)
    obj = post(django_capture_on_commit_callbacks, source(p), PAPAYA_REWORDED)
    match = match_of(obj)
    response = p.client_for(p.vera).post(f"/claims/matches/{match.pk}/confirm/")  # a viewer
    assert response.status_code == 403
    match.refresh_from_db()
    assert match.status == "proposed"


def test_a_copy_links_at_once(personas, django_capture_on_commit_callbacks):
    from .helpers import PAPAYA

    p = personas
    claim(p)
    obj = post(django_capture_on_commit_callbacks, source(p), "Chia sẻ: " + PAPAYA + " nhé cả nhà 😡😡")
    match = match_of(obj)
    assert match.score >= 0.9 and match.linked and match.status == "proposed"
    assert Alert.objects.filter(story=StoryItem.objects.get(item=obj).story, reasons__icontains=KNOWN_CLAIM).exists()


def test_rejections_keep_the_next_repeat_from_being_proposed(personas, django_capture_on_commit_callbacks, settings):
    settings.HAIDANG_CLAIMS = {"MIN_DECISIONS": 1}
    p = personas
    papaya = claim(p)
    first = post(django_capture_on_commit_callbacks, source(p), PAPAYA_REWORDED)
    actions.do_reject_match(match_of(first), acting_user=p.bob)
    # The same wording again from another source scores the same: below the threshold the rejection set.
    again = post(django_capture_on_commit_callbacks, source(p, "other"), PAPAYA_REWORDED + " !!")
    assert not ClaimMatch.objects.filter(item=again).exists()
    assert ClaimMatch.objects.filter(claim=papaya, status="rejected").count() == 1
    # The CLI matches at the threshold in force too.
    assert actions.match_text(PAPAYA_REWORDED)[0] is None
