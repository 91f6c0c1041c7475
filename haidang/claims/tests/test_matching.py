"""A reworded false claim is matched; an unrelated post is not."""

import pytest

from haidang.claims.matching import ClaimIndex
from haidang.claims.models import ClaimMatch

from .helpers import DAM, DAM_CORRECTION, PAPAYA, PAPAYA_REWORDED, UNRELATED, claim, match_of, post, source

pytestmark = pytest.mark.django_db

OTHER_CLAIMS = [
    "Tiêm vắc xin phòng Covid-19 gây vô sinh ở phụ nữ",
    "Ăn tỏi sống mỗi ngày chữa khỏi ung thư gan",
    DAM,
    "Ngân hàng nhà nước sắp đổi tiền, tiền mệnh giá 500 nghìn hết giá trị từ tháng sau",
]


def test_index_matches_rewording_and_not_unrelated():
    index = ClaimIndex(list(enumerate([PAPAYA, *OTHER_CLAIMS])))
    found = index.match(PAPAYA_REWORDED)
    assert found.key == 0 and found.score >= 0.5
    # The same in teencode, and as a bare copy with emoji.
    assert index.match("nghe bảo uống nc lá đu đủ là khỏi sốt xuất huyết đó mn").key == 0
    copy = index.match("Chia sẻ: " + PAPAYA + " 😡😡")
    assert copy.key == 0 and copy.score > 0.8
    assert index.match(UNRELATED).score < 0.3
    # Same topic, different claim: a hospital's news on dengue is not the papaya claim.
    assert index.match("Bệnh viện tỉnh tiếp nhận 30 ca sốt xuất huyết trong tuần, đa số đã ổn định").score < 0.5


def test_reworded_post_is_matched_through_the_pipeline(personas, django_capture_on_commit_callbacks):
    p = personas
    papaya = claim(p)
    claim(p, statement=DAM, correction=DAM_CORRECTION)
    src = source(p)
    reworded = post(django_capture_on_commit_callbacks, src, PAPAYA_REWORDED)
    unrelated = post(django_capture_on_commit_callbacks, src, UNRELATED)
    match = match_of(reworded)
    assert match is not None and match.claim == papaya and match.status == "proposed"
    assert match_of(unrelated) is None


def test_item_page_shows_the_verdict_banner(personas, django_capture_on_commit_callbacks):
    p = personas
    claim(p)
    obj = post(django_capture_on_commit_callbacks, source(p), PAPAYA_REWORDED)
    page = p.client_for(p.alice).get(f"/content/items/{obj.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-testid="claim-banner"' in html and "Verified: false" in html
    assert "Sở Y tế khẳng định" in html
    assert "0983 123 789" not in html  # the correction's phone number is masked like every personal datum


def test_vietnamese_banner(personas, django_capture_on_commit_callbacks, settings):
    from django.utils import translation

    settings.LANGUAGE_CODE = "vi"
    p = personas
    claim(p)
    obj = post(django_capture_on_commit_callbacks, source(p), PAPAYA_REWORDED)
    with translation.override("vi"):
        html = p.client_for(p.alice).get(f"/content/items/{obj.pk}/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Đã được kiểm chứng: sai sự thật" in html


def test_matching_is_idempotent(personas, django_capture_on_commit_callbacks):
    from haidang.claims.actions import do_match_items

    p = personas
    claim(p)
    obj = post(django_capture_on_commit_callbacks, source(p), PAPAYA_REWORDED)
    do_match_items([obj.pk])
    assert ClaimMatch.objects.filter(item=obj).count() == 1


def test_coverage_keeps_accents_and_tolerates_posts_without_them():
    from haidang.claims.conf import DEFAULTS

    airport = "Sân bay Đồng Hới sẽ đóng cửa vĩnh viễn"
    index = ClaimIndex(list(enumerate([PAPAYA, airport, *OTHER_CLAIMS])))
    # Half the post without accents: its unaccented words still cover the claim's accented ones.
    assert index.coverage(PAPAYA_REWORDED)[0] >= 0.6
    # Written with accents, "sân vận động" is not "sân bay … đóng", although both fold to "san … dong".
    football = "Chiều thứ Bảy đội bóng thiếu niên Vĩnh Linh giao hữu ở sân vận động, mời bà con đến cổ vũ"
    assert index.coverage(football)[1] < 0.4
    assert index.match(football).score < float(DEFAULTS["THRESHOLD"])
    # The same rumour without accents is still found.
    assert index.match("nghe noi san bay dong hoi sap dong cua vinh vien luon roi").key == 1


def test_added_commentary_does_not_dilute_the_match():
    from haidang.claims.conf import DEFAULTS

    index = ClaimIndex(list(enumerate([PAPAYA, *OTHER_CLAIMS])))
    bare = index.match("Uống nước lá đu đủ là chữa khỏi sốt xuất huyết")
    padded = index.match("Trời ơi mọi người ơi, đọc mà run cả người, hàng xóm nhà mình kể chuyện này từ sáng. "
                         "Uống nước lá đu đủ là chữa khỏi sốt xuất huyết. Có ai kiểm chứng chưa, chia sẻ giúp với!")
    assert bare.key == padded.key == 0
    assert padded.score >= float(DEFAULTS["THRESHOLD"])
