"""Issue #17, recall: the second stage (`claims/scorer.py`) over the best candidates of a dense library. A
reworded claim is matched, an unrelated or same-topic post is not, the scorer is deterministic and its
threshold is the one in force. Pure matching, no database."""

import itertools
import json

import pytest

from haidang.claims import scorer as scorer_module
from haidang.claims.conf import DEFAULTS
from haidang.claims.matching import HAND_SET_THRESHOLD, ClaimIndex
from haidang.claims.scorer import CEILING, DENSE_LIBRARY, FEATURES, LEAD_CAP, NEAR_COPY, Scorer

THRESHOLD = float(DEFAULTS["THRESHOLD"])
PAPAYA = "Uống nước lá đu đủ chữa khỏi sốt xuất huyết"
DAM = "Đập thủy điện Rào Quán sắp vỡ, người dân hạ du phải sơ tán ngay trong đêm"
VACCINE = "Tiêm vắc xin phòng Covid-19 gây vô sinh ở phụ nữ"
CLAIMS = [PAPAYA, DAM, VACCINE]
# Neighbours on the same topics, so that the library is dense as a real one grows: remedies for diseases,
# events in places (the benchmark pads its library the same way, bench/claims.py).
REMEDIES = ["lá ổi", "lá tía tô", "nghệ vàng", "mật ong", "lá lốt", "rau má", "gừng tươi", "lá sen", "đỗ đen",
            "hạt é", "lá bàng", "nấm linh chi"]
DISEASES = ["bệnh gout", "viêm gan B", "cao huyết áp", "đau dạ dày", "viêm xoang", "mất ngủ", "tiểu đường",
            "sỏi mật", "viêm phổi", "bệnh lao", "cúm B", "suy thận"]
PLACES = ["Đông Hà", "Đồng Hới", "Vĩnh Linh", "Gio Linh", "Hải Lăng", "Triệu Phong", "Cam Lộ", "Hướng Hóa",
          "Lệ Thủy", "Bố Trạch", "Ba Đồn", "Tuyên Hóa"]
EVENTS = ["có ca tử vong do dịch bệnh lạ", "bị ngập sâu hai mét sau trận mưa đêm qua", "bị cắt nước sạch một tuần",
          "có cây cầu bị nứt sắp sập", "có chợ bán thịt lợn bệnh tràn lan", "sắp bị thu hồi đất làm khu công nghiệp"]


def _neighbours() -> list[str]:
    out = [f"Uống nước {r} chữa khỏi {d}" for r, d in itertools.product(REMEDIES, DISEASES)]
    out += [f"Ăn {r} mỗi ngày phòng được {d}" for r, d in itertools.product(REMEDIES, DISEASES)]
    out += [f"{p} {e}" for p, e in itertools.product(PLACES, EVENTS)]
    out += [f"Đắp {r} lên người chữa dứt điểm {d} ở {p}" for r, d, p in itertools.product(REMEDIES, DISEASES, PLACES)]
    return out[:DENSE_LIBRARY + 200 - len(CLAIMS)]


@pytest.fixture(scope="module")
def dense() -> ClaimIndex:
    return ClaimIndex(list(enumerate(CLAIMS + _neighbours())))


def test_the_threshold_in_force_is_the_scorers():
    shipped = json.loads(scorer_module.COEFFICIENTS_PATH.read_text(encoding="utf-8"))
    assert shipped["threshold"] == THRESHOLD == scorer_module.shipped().threshold
    assert tuple(shipped["features"]) == FEATURES and set(shipped["weights"]) == set(FEATURES)


def _pair(score: float, lead: float, rank: int) -> tuple:
    # The features in `FEATURES` order, as `ClaimIndex._candidates` computes them.
    return (score, lead, float(rank), score * lead)


def test_the_scorer_is_deterministic_and_monotone():
    scorer = scorer_module.shipped()
    assert scorer.probability(_pair(0.6, 0.1, 0)) == Scorer.from_file().probability(_pair(0.6, 0.1, 0))
    # A higher hand-set score, a longer lead, a better rank: each makes the pair more probable.
    assert scorer.probability(_pair(0.7, 0.1, 0)) > scorer.probability(_pair(0.6, 0.1, 0))
    assert scorer.probability(_pair(0.6, LEAD_CAP, 0)) > scorer.probability(_pair(0.6, 0.0, 0))
    assert scorer.probability(_pair(0.6, 0.0, 0)) > scorer.probability(_pair(0.6, -0.2, 0))
    assert scorer.probability(_pair(0.6, 0.1, 0)) > scorer.probability(_pair(0.6, 0.1, 3))
    # Finite at the extremes, and a repeat in other words never reaches the near-copies' range.
    assert 0.0 <= scorer.probability(_pair(0.0, -1.0, 9)) < scorer.probability(_pair(1.0, LEAD_CAP, 0)) <= 1.0
    for extreme in (1e6, -1e6):
        assert 0.0 <= scorer.probability((extreme,) * len(FEATURES)) <= 1.0
    assert scorer.score((1e6,) * len(FEATURES)) <= CEILING < NEAR_COPY


def test_a_rewording_is_matched_and_an_unrelated_post_is_not(dense):
    assert dense.size >= DENSE_LIBRARY  # the scorer's path, not the small library's
    reworded = dense.match("Nghe nói bị sốt xuất huyết thì lấy lá đu đủ sắc nước uống mấy ngày là hết bệnh, "
                           "khỏi phải vào viện")
    assert reworded.key == CLAIMS.index(PAPAYA) and THRESHOLD <= reworded.score < NEAR_COPY
    no_accents = dense.match("nghe noi dap thuy dien Rao Quan sap vo, nguoi dan ha du phai so tan gap")
    assert no_accents.key == CLAIMS.index(DAM) and no_accents.score >= THRESHOLD
    assert dense.match("Giá hồ tiêu tại Gio Linh tăng mười phần trăm, nông dân phấn khởi").score < THRESHOLD
    # Same topic, another thing said: the dengue ward's news is not the papaya claim.
    assert dense.match("Bệnh viện tỉnh tiếp nhận 30 ca sốt xuất huyết trong tuần, đa số đã ổn định").score < THRESHOLD


def test_the_same_post_scores_the_same_in_a_rebuilt_index(dense):
    again = ClaimIndex(list(enumerate(CLAIMS + _neighbours())))
    post = "Phụ nữ đi tiêm vắc xin Covid về sau này sẽ không thể có con được nữa"
    assert dense.match(post) == again.match(post)
    assert dense.candidates(post) == again.candidates(post)


def test_candidates_describe_the_pairs_in_the_scorers_terms(dense):
    found = dense.candidates("Uống nước lá ổi chữa khỏi bệnh gout")
    assert 2 <= len(found) <= scorer_module.CANDIDATES
    scores = [s for _i, s, _f in found]
    assert scores == sorted(scores, reverse=True)
    for rank, (_i, score, features) in enumerate(found):
        assert len(features) == len(FEATURES) and features[0] == score and features[2] == rank
        assert features[1] <= LEAD_CAP and features[3] == pytest.approx(score * features[1])
    assert found[1][2][1] <= 0  # the runner-up does not lead


def test_a_near_copy_keeps_its_hand_set_score(dense):
    copy = dense.match("Chia sẻ: " + DAM + " 😡😡")
    assert copy.key == CLAIMS.index(DAM) and copy.score >= float(DEFAULTS["AUTO_LINK"])


def test_an_excluded_claim_is_not_returned(dense):
    post = "nghe noi dap thuy dien Rao Quan sap vo, nguoi dan ha du phai so tan gap"
    assert dense.match(post, exclude={CLAIMS.index(DAM)}).key != CLAIMS.index(DAM)


def test_a_small_library_keeps_the_hand_set_rule_on_the_scorers_scale():
    small = ClaimIndex(list(enumerate(CLAIMS)))
    plain = ClaimIndex(list(enumerate(CLAIMS)), scorer=None)
    post = "Phụ nữ đi tiêm vắc xin Covid về sau này sẽ không thể có con được nữa"
    a, b = small.match(post), plain.match(post)
    assert a.key == b.key == CLAIMS.index(VACCINE) and b.score < NEAR_COPY
    assert a.score == pytest.approx(b.score + THRESHOLD - HAND_SET_THRESHOLD)
