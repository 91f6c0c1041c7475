"""A debunk is not a repeat: a post quoting a false claim to refute it is kept as a match that *refutes* the
claim, shown as such, and neither joins the claim's story nor raises or extends an alert."""

import pytest

from haidang.alerts.models import Alert, StoryItem
from haidang.audit.models import AuditEntry
from haidang.claims import actions
from haidang.claims.actions import KNOWN_CLAIM
from haidang.claims.stance import REFUTES, REPEATS, stance

from .helpers import PAPAYA, PAPAYA_REWORDED, claim, match_of, post, source

HOTLINE = "Tỉnh mở đường dây nóng tiếp nhận phản ánh về thông tin sai sự thật"
DEBUNKS = [
    "Tin đồn uống nước lá đu đủ chữa khỏi sốt xuất huyết là sai sự thật, bà con đừng tin.",
    "Sở Y tế khẳng định không có chuyện nước lá đu đủ chữa khỏi sốt xuất huyết.",
    "cong an tinh da bac bo thong tin uong nuoc la du du chua khoi sot xuat huyet",
    "ĐÍNH CHÍNH: uống nước lá đu đủ KHÔNG chữa khỏi sốt xuất huyết, đây là tin thất thiệt.",
]
REPEATS_ = [
    PAPAYA_REWORDED,
    "Uong nuoc la du du chua khoi sot xuat huyet, co ai kiem chung chua?",
    "Không biết có thật không nhưng uống nước lá đu đủ là khỏi sốt xuất huyết đó cả nhà",
    "Đừng tin bệnh viện, cứ uống nước lá đu đủ là khỏi sốt xuất huyết, đừng chia sẻ kẻo bị xóa",
]


@pytest.mark.parametrize("text", DEBUNKS)
def test_debunks_refute(text):
    assert stance(text, PAPAYA) == REFUTES


@pytest.mark.parametrize("text", REPEATS_)
def test_repeats_and_doubts_repeat(text):
    # A post that doubts the claim ("có ai kiểm chứng chưa?") still spreads it.
    assert stance(text, PAPAYA) == REPEATS


def test_a_claim_about_false_information_is_not_a_debunk_of_itself():
    assert stance("Tỉnh đã có đường dây nóng để dân báo tin giả, tin sai sự thật", HOTLINE) == REPEATS
    # An authority's denial still counts.
    assert stance("UBND tỉnh khẳng định không mở đường dây nóng nào về tin giả", HOTLINE) == REFUTES


@pytest.mark.django_db
def test_debunk_is_matched_as_refuting_and_raises_no_alert(personas, django_capture_on_commit_callbacks):
    p = personas
    papaya = claim(p)
    # It quotes the claim word for word: it scores above AUTO_LINK, and still does not link.
    text = f"Sở Y tế khẳng định thông tin \"{PAPAYA}\" là sai sự thật, đề nghị bà con không chia sẻ."
    obj = post(django_capture_on_commit_callbacks, source(p), text, priority="low")
    match = match_of(obj)
    assert match.claim == papaya and match.stance == "refutes" and not match.linked
    assert match.score >= actions.conf("AUTO_LINK")
    story = StoryItem.objects.get(item=obj).story
    assert not Alert.objects.filter(reasons__icontains=KNOWN_CLAIM).exists()
    page = p.client_for(p.alice).get(f"/content/items/{obj.pk}/").content.decode()
    assert 'data-stance="refutes"' in page and "Refutes a verified claim" in page
    assert 'data-testid="match-refutes"' in p.client_for(p.bob).get(f"/claims/{papaya.pk}/").content.decode()
    # Confirmed by an officer: still a refutation, still no alert, the claim keeps no story from it.
    actions.do_confirm_match(match, acting_user=p.bob)
    match.refresh_from_db()
    papaya.refresh_from_db()
    assert match.status == "confirmed" and not match.linked and papaya.story is None
    assert not Alert.objects.filter(story=story).exists()
    assert AuditEntry.objects.filter(action="claim.match", changes__stance="refutes").exists()


@pytest.mark.django_db
def test_officer_corrects_the_stance(personas, django_capture_on_commit_callbacks, settings):
    settings.HAIDANG_CLAIMS = {"AUTO_LINK": 1.01}
    p = personas
    claim(p)
    obj = post(django_capture_on_commit_callbacks, source(p), DEBUNKS[0], priority="low")
    match = match_of(obj)
    actions.do_confirm_match(match, acting_user=p.bob)
    assert not Alert.objects.exists()
    # The officer reads it again: it spreads the claim after all. Confirmed, so it links now.
    response = p.client_for(p.bob).post(f"/claims/matches/{match.pk}/stance/", {"stance": "repeats"})
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.stance == "repeats" and match.linked
    assert Alert.objects.filter(reasons__icontains=KNOWN_CLAIM).count() == 1
    assert AuditEntry.objects.filter(action="claim.match_stance").exists()
    # Linked: it can no longer be called a refutation.
    with pytest.raises(actions.ValidationError):
        actions.do_set_match_stance(match, stance="refutes", acting_user=p.bob)
