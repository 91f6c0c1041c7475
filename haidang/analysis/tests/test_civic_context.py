"""The civic-context model: a second opinion that may lower a finding it reads as lawful, or decide a
rule's weak finding it reads as the same harm, and never flags a post no rule quoted.

Every post here was written for this file (none is from the civic set the model is trained on)."""

import csv
import json
import shutil

import pytest

from haidang.analysis import civic_context, context_model
from haidang.analysis.analyzer import analyze
from haidang.analysis.choices import HarmCategory

_CACHED = (civic_context.shipped, civic_context.shipped_or_none)  # before any test swaps them


@pytest.fixture(autouse=True)
def _fresh_caches():
    for f in _CACHED:
        f.cache_clear()
    yield
    for f in _CACHED:
        f.cache_clear()


class _Fixed(civic_context.CivicContext):
    """A stand-in whose opinion is given, to test what the analyser does with it."""

    def __init__(self, opinion: dict[str, float]):
        self.opinion = opinion
        self.version = "civic_context-test"
        self.meta = {"lower_at": 0.6, "confirm_at": 0.6}
        self.threshold = 0.6
        self.classes = tuple(opinion)

    def probabilities(self, normalized):
        return dict(self.opinion)


def _use(monkeypatch, opinion):
    model = _Fixed(opinion)
    monkeypatch.setattr(civic_context, "shipped_or_none", lambda: model)
    return model


def test_shipped_model_loads_with_its_recorded_checksum():
    model = civic_context.shipped()
    assert model.version.startswith("civic_context-")
    assert civic_context.LAWFUL in model.classes and HarmCategory.SCAM in model.classes
    assert model.meta["sha256"] and 0 < model.lower_at < 1 and 0 < model.confirm_at < 1
    assert civic_context.SHIPPED_PATH.stat().st_size < 2_000_000  # a small shipped model
    assert "split dev" in model.meta["data"]


def test_a_changed_file_is_refused(tmp_path):
    copy = tmp_path / "civic_context.joblib"
    shutil.copy(civic_context.SHIPPED_PATH, copy)
    expected = civic_context.shipped().meta["sha256"]
    with copy.open("r+b") as fh:
        fh.seek(200)
        fh.write(b"\x00\x01\x02")
    with pytest.raises(ValueError):
        civic_context.load(copy, expected)


def test_without_the_model_the_rules_decide(monkeypatch, caplog):
    monkeypatch.setattr(civic_context, "SHIPPED_PATH", civic_context.SHIPPED_PATH.with_name("missing.joblib"))
    assert civic_context.shipped_or_none() is None
    assert "civic-context model not loaded" in caplog.text
    result = analyze("Tối nay anh em tập trung cổng UBND xã mang theo gậy gộc, đứa nào cản thì đánh")
    assert result["top_category"] == HarmCategory.INCITEMENT
    assert not any(k.startswith("civic") for k in result["model_scores"])


def test_lowers_and_confirms_are_narrow():
    lawful = {"lawful": 0.7, "scam": 0.2, "incitement": 0.1}
    assert civic_context.lowers(HarmCategory.INCITEMENT, 0.6, lawful, 0.6)
    assert not civic_context.lowers(HarmCategory.INCITEMENT, 0.6, lawful, 0.75)
    assert not civic_context.lowers(HarmCategory.INCITEMENT, 0.72, lawful, 0.6)  # a planned call stands
    assert civic_context.lowers(HarmCategory.SCAM, 0.95, lawful, 0.6)
    assert not civic_context.lowers(HarmCategory.MISINFORMATION, 0.6, lawful, 0.6)  # a rumour needs more
    assert civic_context.lowers(HarmCategory.MISINFORMATION, 0.6, {"lawful": 0.85}, 0.6)
    assert not civic_context.lowers(HarmCategory.HATE_HARASSMENT, 0.6, lawful, 0.6)  # hate has its own model
    assert not civic_context.lowers(HarmCategory.GRIEVANCE, 0.6, lawful, 0.6)
    rumour = {"lawful": 0.2, "misinformation": 0.65}
    assert civic_context.confirms(HarmCategory.MISINFORMATION, rumour, 0.6)
    assert not civic_context.confirms(HarmCategory.MISINFORMATION, rumour, 0.7)
    assert not civic_context.confirms(HarmCategory.SCAM, rumour, 0.6)
    assert not civic_context.confirms(HarmCategory.OTHER, {"other": 1.0}, 0.6)


def test_a_flooded_road_that_blocks_an_ambulance_is_a_grievance_not_incitement():
    # "chặn" reads to the incitement rule as a call to block; the whole post reads as a complaint.
    result = analyze("Đường vào xóm 5 mưa xuống là ngập, xe cứu thương chặn ngoài đầu ngõ không vô được, "
                     "mong xã xem lại giúp bà con")
    assert result["top_category"] == HarmCategory.GRIEVANCE
    assert result["model_scores"]["civic_lawful"] >= civic_context.shipped().lower_at


def test_a_call_to_attack_is_not_lowered():
    result = analyze("Tối nay anh em tập trung cổng UBND xã mang theo gậy gộc, đứa nào cản thì đánh")
    assert result["top_category"] == HarmCategory.INCITEMENT
    assert result["model_scores"]["civic_lawful"] < civic_context.shipped().lower_at


def test_when_lowered_the_post_asks_for_a_look_and_says_why(monkeypatch):
    _use(monkeypatch, {"lawful": 0.9, "incitement": 0.1})
    result = analyze("Anh em ơi đánh cho nó một trận, chặn đường luôn")
    assert result["categories"][HarmCategory.INCITEMENT] < civic_context.STANDS[HarmCategory.INCITEMENT]
    assert result["top_category"] == HarmCategory.NEEDS_REVIEW
    assert result["priority"] == "low"
    reasons = [w["reason"] for w in result["why"] if w["kind"] == "review"]
    assert any("kích động bạo lực" in r and "cần xem xét" in r for r in reasons)
    # the rule's words are still quoted for the officer
    assert any(w["kind"] == "rule" and w["category"] == HarmCategory.INCITEMENT for w in result["why"])


def test_a_weak_finding_the_model_agrees_with_is_decided_with_its_reason(monkeypatch):
    text = "Nước sông Thạch Hãn nhiễm độc nặng, cá chết trắng, bà con đừng dùng nước giếng gần sông"
    _use(monkeypatch, {"lawful": 0.05, "misinformation": 0.01})
    before = analyze(text)
    assert before["top_category"] == HarmCategory.NEEDS_REVIEW, "the rule alone asks for a look"
    _use(monkeypatch, {"lawful": 0.05, "misinformation": 0.9})
    after = analyze(text)
    assert after["top_category"] == HarmCategory.MISINFORMATION
    assert after["priority"] in ("medium", "high")
    model = [w for w in after["why"] if w["kind"] == "model" and w["task"] == "civic_context"]
    assert model and model[0]["category"] == HarmCategory.MISINFORMATION and model[0]["version"]
    assert "thông tin sai sự thật" in model[0]["reason"] and "90 %" in model[0]["reason"]
    assert any(w["kind"] == "rule" and w["category"] == HarmCategory.MISINFORMATION for w in after["why"])


def test_it_never_flags_what_no_rule_quoted(monkeypatch):
    _use(monkeypatch, {"lawful": 0.0, "scam": 1.0, "misinformation": 1.0, "incitement": 1.0})
    for text in ("Chợ Đông Hà sáng nay đông vui, rau rẻ", "Trời mưa to quá, bà con thôn 3 nhớ kê đồ lên cao"):
        assert analyze(text)["top_category"] not in civic_context.LOWERABLE | {HarmCategory.HATE_HARASSMENT}


def test_press_and_agency_sources_keep_their_stricter_thresholds(monkeypatch):
    text = "Nước sông Thạch Hãn nhiễm độc nặng, cá chết trắng, bà con đừng dùng nước giếng gần sông"
    _use(monkeypatch, {"lawful": 0.05, "misinformation": 0.99})
    assert analyze(text, strict=True)["top_category"] != HarmCategory.MISINFORMATION


def test_a_hate_finding_the_hate_model_lowered_is_not_raised_again(monkeypatch):
    _use(monkeypatch, {"lawful": 0.0, "hate_harassment": 1.0})
    result = analyze("dm cai wifi nha tui, ngu vl, xem phim cu dung hinh")
    assert result["top_category"] != HarmCategory.HATE_HARASSMENT


def test_one_post_scores_as_scikit_learn_scores_the_batch():
    from haidang.text.normalize import clean, normalize

    model = civic_context.shipped()
    norms = [normalize(clean(t)) for t in (
        "Tối nay tập trung chặn QL1", "", "🙂🙂", "xyzxyz qqq", "Chuyển khoản phí 500k để nhận quà")]
    batch = model.score_many(norms)
    one = [model.score_one(n) for n in norms]
    assert [list(r) for r in one] == [pytest.approx(list(r), abs=1e-6) for r in batch]
    assert all(abs(sum(r) - 1.0) < 1e-6 for r in one)


def test_train_save_load_round_trip(tmp_path):
    texts = ["chuyển khoản 500k phí nhận quà ngay", "bấm link xác minh tài khoản ngân hàng",
             "tối nay mang gậy chặn đường đánh hết", "tập trung đốt lốp chặn quốc lộ",
             "hôm nay trời đẹp quá", "chợ sáng nay đông vui", "lúa năm nay được mùa", "xe buýt tới trễ 10 phút"] * 2
    labels = ["scam", "scam", "incitement", "incitement", "lawful", "lawful", "lawful", "lawful"] * 2
    model = civic_context.train(texts, labels, C=1.0, lower_at=0.7, confirm_at=0.65)
    path = tmp_path / "civic_context.joblib"
    digest = civic_context.save(model, path)
    loaded = civic_context.load(path, digest)
    assert loaded.classes == ("incitement", "lawful", "scam")
    assert loaded.lower_at == 0.7 and loaded.confirm_at == 0.65 and loaded.version == model.version
    p = loaded.probabilities("chuyển khoản phí nhận quà")
    assert max(p, key=p.get) == "scam"
    assert p == pytest.approx(model.probabilities("chuyển khoản phí nhận quà"))


def test_a_binary_file_is_not_read_as_a_civic_model(tmp_path):
    from haidang.analysis import hate_context

    path = tmp_path / "hate_context.joblib"
    digest = hate_context.save(hate_context.train(["mày ngu", "trời đẹp"] * 3, [True, False] * 3, C=1.0), path)
    with pytest.raises(ValueError):
        civic_context.load(path, digest)


def test_train_command_reads_only_the_dev_split(tmp_path):
    from django.core.management import call_command

    rows = []
    for n in range(1, 61):
        kind, category, lawful, text = ("daily_life", "other", "1", "hôm nay chợ đông số ")
        if n % 3 == 0:
            kind, category, lawful, text = ("scam_sms", "scam", "0", "chuyển khoản phí nhận quà số ")
        rows.append({"id": f"c{n:04d}", "text": text + str(n), "kind": kind, "category": category,
                     "lawful": lawful, "split": "dev"})
    # test rows that would show in the vocabulary if they were read
    rows += [{"id": f"c{n:04d}", "text": "TEST ROW", "kind": "daily_life", "category": "other", "lawful": "1",
              "split": "test"} for n in (61, 62)]
    civic = tmp_path / "civic.csv"
    with civic.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    call_command("train_civic_context", civic=str(civic), out=str(tmp_path), C=1.0)
    meta = json.loads((tmp_path / "civic_context.json").read_text(encoding="utf-8"))
    assert "60 rows" in meta["data"] and meta["held_out_report"]["n"] == 60
    model = civic_context.load(tmp_path / "civic_context.joblib", meta["sha256"])
    assert "test row" not in model.word_vocab and set(model.classes) == {"lawful", "scam"}


def test_civic_batches_follow_the_dataset_readme():
    assert context_model.civic_batch("c0001") == 0
    assert context_model.civic_batch("c0568") == 0 and context_model.civic_batch("c0569") == 1
    assert context_model.civic_batch("c5032") == len(context_model.CIVIC_BATCH_ENDS) - 1


def test_a_warning_that_quotes_a_scam_is_not_made_a_scam(monkeypatch):
    # The scam rule caps itself on a warning; a model of n-grams reads the quoted scam and must not undo that.
    text = "Bà con cảnh giác: tin nhắn 'đơn hàng của bạn bị giữ, đóng phí 25.000đ tại ghtk-phi.info' là lừa đảo, đừng bấm."
    _use(monkeypatch, {"lawful": 0.0, "scam": 1.0})
    result = analyze(text)
    assert any(w.get("warned") for w in result["why"]), "the rule read the warning"
    assert result["top_category"] != HarmCategory.SCAM


@pytest.mark.parametrize("text", [
    # the writer calling themself a fool, a likeness included
    "sáng ni xe chết máy giữa cầu, đứng như thằng ngu mấy phút, tau tự chửi tau luôn",
    # a swear word aimed at nobody
    "dm mưa cả tuần, phơi đồ không khô nổi cái áo",
])
def test_an_insult_the_rule_lowered_for_a_reason_is_not_raised_again(monkeypatch, text):
    _use(monkeypatch, {"lawful": 0.0, "hate_harassment": 1.0})
    result = analyze(text)
    own = [w for w in result["why"] if w.get("kind") == "rule" and w.get("category") == HarmCategory.HATE_HARASSMENT]
    assert own and all(w.get("capped") for w in own), "the rule read who the words were for"
    assert result["top_category"] != HarmCategory.HATE_HARASSMENT


def test_a_planned_blockade_stands_whatever_the_model_reads(monkeypatch):
    _use(monkeypatch, {"lawful": 0.99, "incitement": 0.01})
    result = analyze("Anh em xe tải ơi, 7h tối thứ Sáu tập trung chặn cầu Đông Hà, dàn xe ngang đường cho kẹt cả tuyến")
    assert result["top_category"] == HarmCategory.INCITEMENT


def test_the_span_taggers_unconfirmed_words_are_not_confirmed(monkeypatch):
    # Rude words the tagger found, and no hate rule: a lead for a look, which the model may not decide.
    _use(monkeypatch, {"lawful": 0.0, "hate_harassment": 1.0})
    result = analyze("con mèo nhà bên kêu suốt đêm, mất ngủ vl, mai còn đi làm")
    assert result["top_category"] != HarmCategory.HATE_HARASSMENT
