"""Issue #17, precision: a post on a claim's topic that says a different thing is not matched to it (another
figure, a sibling claim on the same topic), and a rewording still is. Pure matching, no database."""

from haidang.claims.conf import DEFAULTS
from haidang.claims.matching import ClaimIndex, prepare

THRESHOLD = float(DEFAULTS["THRESHOLD"])
# The threshold bench/claims.py chose on its dev split with these rules (docs/claims.md); the floor in
# conf.py is lower until the lead raises it.
DEV_THRESHOLD = 0.63
ELDERLY = "Người trên 70 tuổi được nhận trợ cấp 3 triệu đồng mỗi tháng, nộp hồ sơ qua Zalo"
STORM_SCHOOL = "Toàn tỉnh cho học sinh nghỉ học một tuần vì bão số 5"
STORM = "Bão số 5 sẽ đổ bộ trực tiếp vào Quảng Trị với sức gió cấp 17"
DAM_DEATHS = "Thủy điện Rào Quán xả lũ không báo trước làm ba người chết đuối ở hạ du"
DAM_BREAK = "Đập thủy điện Rào Quán sắp vỡ, người dân hạ du phải sơ tán ngay"
FEES = "Học sinh trung học cơ sở phải đóng học phí 500 nghìn mỗi tháng từ năm học tới"
CLAIMS = [ELDERLY, STORM_SCHOOL, STORM, DAM_DEATHS, DAM_BREAK, FEES,
          "Uống nước lá đu đủ chữa khỏi sốt xuất huyết", "Tiêm vắc xin phòng Covid-19 gây vô sinh ở phụ nữ"]


def _index(**kwargs) -> ClaimIndex:
    return ClaimIndex(list(enumerate(CLAIMS)), **kwargs)


def test_figures_written_out_are_read_as_numbers():
    assert prepare("hơn năm chục người") == "hon 50 nguoi"
    assert prepare("mức hai") == "muc 2"
    # "mười năm" is ten years, not fifteen; "làm cá chết" has no five in it; "10 năm tuổi" no extra 5.
    assert prepare("mười năm").startswith("10 nam")
    assert prepare("lam ca chet").startswith("lam ca")
    assert prepare("trên 10 năm tuổi") == "tren 10 nam tuoi"


def test_another_figure_lowers_the_score():
    index = _index()
    i = CLAIMS.index(ELDERLY)
    same = index.specificity(i, frozenset({"70", "3"}))
    other = index.specificity(i, frozenset({"80"}))
    assert same == 1.0 and other < 1.0


def test_a_rewording_with_the_claims_figures_is_still_matched():
    index = _index()
    found = index.match("Ai trên bảy mươi tuổi thì được nhận trợ cấp ba triệu mỗi tháng, cứ nộp hồ sơ qua Zalo")
    assert found.key == CLAIMS.index(ELDERLY) and found.score >= THRESHOLD
    reworded = index.match("Vì bão số 5 cả tỉnh cho học sinh ở nhà nghỉ học nguyên một tuần")
    assert reworded.key == CLAIMS.index(STORM_SCHOOL) and reworded.score >= THRESHOLD
    deaths = index.match("Rào Quán xả lũ ban đêm không thông báo gì, dưới hạ du có ba người bị nước cuốn chết đuối")
    assert deaths.key == CLAIMS.index(DAM_DEATHS) and deaths.score >= THRESHOLD


def test_same_topic_with_another_figure_is_not_matched():
    index = _index(number_conflict=0.9)
    post = "Người từ 80 tuổi trở lên được nhận trợ cấp xã hội hằng tháng, hồ sơ nộp tại UBND xã"
    assert index.match(post).score < DEV_THRESHOLD
    # The rule itself lowers it: without it the same post scores higher.
    assert index.match(post).score < _index(number_conflict=1.0).match(post).score


def test_a_post_between_two_sibling_claims_loses_its_lead():
    # A post that fits two claims about equally says neither distinctly: the margin takes the difference off.
    plain, with_margin = _index(margin=0.0), _index(margin=0.04)
    post = "Thủy điện Rào Quán hạ du người dân"
    a, b = plain.match(post), with_margin.match(post)
    assert a.key == b.key and b.score <= a.score
    # A clear rewording of one sibling keeps its score (its lead over the other is larger than the margin).
    clear = "Rào Quán xả lũ ban đêm không thông báo gì, dưới hạ du có ba người bị nước cuốn chết đuối"
    assert with_margin.match(clear).score == plain.match(clear).score


def test_close_topic_different_claim_is_not_matched():
    index = _index()
    # Same dam, different claim: the lawful notice of a scheduled release is neither sibling.
    notice = "Công ty thủy điện thông báo hồ Rào Quán vận hành điều tiết từ 14 giờ chiều nay, hạ du chú ý"
    assert index.match(notice).score < THRESHOLD
    # Not solved (docs/claims.md): "Tỉnh tiếp tục miễn học phí cho học sinh … trung học cơ sở trong năm học
    # tới" still scores above the threshold against FEES: it misses the claim's figure but states none.
    # The dam-break rewording goes to the dam-break claim, not to its sibling about the release.
    found = index.match("Nghe nói đập Rào Quán sắp vỡ rồi, bà con hạ du sơ tán gấp đi")
    assert found.key == CLAIMS.index(DAM_BREAK) and found.score >= THRESHOLD
