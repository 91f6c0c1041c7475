"""Backward matching: a claim recorded (or approved) is matched against the recent items seen before it
existed, in bounded chunks (a Huey task per chunk); old items and unrelated ones are left alone."""

import datetime as dt

import pytest
from django.utils import timezone

from haidang.audit.models import AuditEntry
from haidang.claims import actions
from haidang.claims.models import ClaimMatch
from haidang.content.models import Item

from .helpers import PAPAYA, PAPAYA_REWORDED, UNRELATED, claim, post, source

pytestmark = pytest.mark.django_db


def test_a_new_claim_finds_recent_repeats(personas, django_capture_on_commit_callbacks, settings):
    settings.HAIDANG_CLAIMS = {"BACKWARD_CHUNK": 1, "AUTO_LINK": 1.01}  # one item a task: the chain is exercised
    p = personas
    src = source(p)
    reworded = post(django_capture_on_commit_callbacks, src, PAPAYA_REWORDED)
    teencode = post(django_capture_on_commit_callbacks, src, "nghe bảo uống nc lá đu đủ là khỏi sốt xuất huyết đó mn")
    unrelated = post(django_capture_on_commit_callbacks, src, UNRELATED)
    old = post(django_capture_on_commit_callbacks, src, "Chia sẻ: " + PAPAYA + " 😡")
    Item.objects.filter(pk=old.pk).update(fetched_at=timezone.now() - dt.timedelta(days=60))
    assert not ClaimMatch.objects.exists()  # no claim yet
    with django_capture_on_commit_callbacks(execute=True):
        papaya = claim(p)
    matched = set(ClaimMatch.objects.filter(claim=papaya).values_list("item_id", flat=True))
    assert matched == {reworded.pk, teencode.pk}  # not the unrelated post, not the item older than 30 days
    audited = AuditEntry.objects.filter(action="claim.match_backward").count()
    assert audited == 2  # one entry per chunk that matched (a chunk is one item here)
    # Re-running (approval queues it again) proposes nothing twice.
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_approve_claim(papaya, acting_user=p.lena)
    assert actions.do_match_claims_backward([papaya.pk], [reworded.pk, teencode.pk, unrelated.pk])["matched"] == 0
    assert ClaimMatch.objects.filter(claim=papaya).count() == 2
    assert AuditEntry.objects.filter(action="claim.match_backward").count() == audited


def test_an_import_is_matched_backward_in_one_scan(personas, django_capture_on_commit_callbacks, monkeypatch):
    from haidang.claims import tasks

    from .helpers import DAM

    p = personas
    src = source(p)
    reworded = post(django_capture_on_commit_callbacks, src, PAPAYA_REWORDED)
    dam_post = post(django_capture_on_commit_callbacks, src, "Nghe nói đập thủy điện Rào Quán sắp vỡ, dân hạ du sơ tán gấp")
    calls = []
    real = actions.do_match_claims_backward
    monkeypatch.setattr(actions, "do_match_claims_backward", lambda pks, ids: calls.append(sorted(pks)) or real(pks, ids))
    rows = [{"claim_id": "papaya", "statement": PAPAYA, "verdict": "false", "correction": "Sai.", "sources": ""},
            {"claim_id": "dam", "statement": DAM, "verdict": "false", "correction": "Sai.", "sources": ""}]
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_import_claims(rows, agency=p.health)
    assert len(calls) == 1 and len(calls[0]) == 2  # one task for the file
    assert tasks.match_claims_backward_task is not None
    assert ClaimMatch.objects.get(item=reworded).claim.claim_id == "papaya"
    assert ClaimMatch.objects.get(item=dam_post).claim.claim_id == "dam"


def test_backward_matching_takes_only_items_whose_best_claim_it_is(personas, django_capture_on_commit_callbacks):
    from .helpers import DAM, DAM_CORRECTION

    p = personas
    src = source(p)
    dam_post = post(django_capture_on_commit_callbacks, src, "Nghe nói đập thủy điện Rào Quán sắp vỡ, dân hạ du sơ tán gấp")
    reworded = post(django_capture_on_commit_callbacks, src, PAPAYA_REWORDED)
    dam = claim(p, statement=DAM, correction=DAM_CORRECTION)
    assert ClaimMatch.objects.filter(claim=dam).count() == 0  # outside the capture: nothing ran yet
    papaya = claim(p)
    counts = actions.do_match_claims_backward([papaya.pk], actions.backward_item_ids())
    assert counts["matched"] == 1
    assert list(ClaimMatch.objects.filter(claim=papaya).values_list("item_id", flat=True)) == [reworded.pk]
    assert not ClaimMatch.objects.filter(item=dam_post, claim=papaya).exists()
