"""The hate-context model: a second opinion that can only turn an insult-based hate finding into a look.

Every post here was written for this file (none is from the civic set the model is trained on)."""

import csv
import shutil

import pytest

from haidang.analysis import calibration, hate_context
from haidang.analysis.analyzer import analyze
from haidang.analysis.choices import HarmCategory


@pytest.fixture(autouse=True)
def _fresh_caches():
    hate_context.shipped.cache_clear()
    hate_context.shipped_or_none.cache_clear()
    yield
    hate_context.shipped.cache_clear()
    hate_context.shipped_or_none.cache_clear()


def test_shipped_model_loads_with_its_recorded_checksum():
    model = hate_context.shipped()
    assert model.version.startswith("hate_context-")
    assert model.meta["sha256"] and 0 < model.threshold < 1
    assert hate_context.SHIPPED_PATH.stat().st_size < 2_000_000  # a small shipped model


def test_a_changed_model_file_is_refused(tmp_path):
    copy = tmp_path / "hate_context.joblib"
    shutil.copy(hate_context.SHIPPED_PATH, copy)
    expected = hate_context.shipped().meta["sha256"]
    data = bytearray(copy.read_bytes())
    data[-1] ^= 0xFF
    copy.write_bytes(bytes(data))
    with pytest.raises(ValueError, match="SHA-256 mismatch"):
        hate_context.load(copy, expected)


def test_a_missing_model_leaves_findings_as_the_rules_made_them(monkeypatch, tmp_path):
    monkeypatch.setattr(hate_context, "SHIPPED_PATH", tmp_path / "absent.joblib")
    assert hate_context.shipped_or_none() is None
    # With the model, this rant is lowered to a look (test_when_lowered_the_reason_says_why); without it,
    # the finding stands as the rules and the span tagger made it.
    result = analyze("dm cai wifi nha tui, ngu vl, xem phim cu dung hinh")
    assert "hate_context" not in result["model_scores"]
    assert result["top_category"] == HarmCategory.HATE_HARASSMENT


def test_structural_evidence_is_never_lowered():
    assert not hate_context.lowers(["hate.threat", "hate.insult"], 0.01, 0.3)
    assert not hate_context.lowers(["hate.group"], 0.01, 0.3)
    assert not hate_context.lowers(["hate.shun", "hate.offending_words"], 0.01, 0.3)
    assert hate_context.lowers(["hate.insult", "hate.offending_words"], 0.29, 0.3)
    assert not hate_context.lowers(["hate.insult", "hate.offending_words"], 0.31, 0.3)
    assert not hate_context.lowers(["hate.insult"], None, 0.3)
    assert not hate_context.lowers([], 0.01, 0.3)


def test_a_doubted_category_asks_for_a_look_instead_of_being_decided():
    limits = calibration.thresholds()
    cats = {HarmCategory.HATE_HARASSMENT: 0.95}
    assert calibration.decide(cats, {}, limits)[0] == HarmCategory.HATE_HARASSMENT
    top, reason = calibration.decide(cats, {}, limits, doubted=frozenset((HarmCategory.HATE_HARASSMENT,)))
    assert top == HarmCategory.NEEDS_REVIEW and reason
    # a grievance beside it is still answered
    cats[HarmCategory.GRIEVANCE] = 0.8
    top, _ = calibration.decide(cats, {}, limits, doubted=frozenset((HarmCategory.HATE_HARASSMENT,)))
    assert top == HarmCategory.GRIEVANCE


@pytest.mark.parametrize("text", [
    "ngu vl, cắm sạc cả đêm mà quên bật công tắc, sáng ra điện thoại còn 3%",
    "dm cai may giat nha tui, giat xong vat khong kho, ngu vl",
])
def test_venting_at_oneself_or_a_thing_asks_for_a_look_at_most(text):
    result = analyze(text)
    assert result["top_category"] != HarmCategory.HATE_HARASSMENT


def test_when_lowered_the_reason_says_why():
    lowered = []
    for text in ("game gì mà lag ngu vl, dm thằng làm game", "trời mưa hoài, ngu ghê, phơi đồ 3 ngày chưa khô",
                 "dm cai wifi nha tui, ngu vl, xem phim cu dung hinh",
                 "Đúng là đồ ngu, tự khóa xe rồi làm rớt chìa vô cống"):
        result = analyze(text)
        if result["model_scores"].get("hate_context") is not None and result["top_category"] == HarmCategory.NEEDS_REVIEW:
            lowered.append(result)
    assert len(lowered) >= 2, "the model lowers the rants it scores"
    for result in lowered:
        reasons = [w["reason"] for w in result["why"] if w["kind"] == "review"]
        assert any("chuyện thường ngày" in r for r in reasons)
        assert result["priority"] == "low"


@pytest.mark.parametrize("text", [
    "Mày mà còn nhắn tin quấy rối con gái tao nữa thì tao đập gãy chân, nhớ đó",   # a threat
    "Thằng Khánh tổ 4 là đồ súc vật mất dạy, cả xóm đừng ai thèm nói chuyện với nó",  # insult and shunning
])
def test_attacks_on_a_person_stay_hate(text):
    assert analyze(text)["top_category"] == HarmCategory.HATE_HARASSMENT


def test_train_save_load_round_trip(tmp_path):
    texts = ["mày là đồ ngu mất dạy", "thằng kia óc chó", "con mụ đó mặt dày", "đồ súc vật cút đi",
             "hôm nay trời đẹp quá", "chợ sáng nay đông vui", "lúa năm nay được mùa", "xe buýt tới trễ 10 phút"] * 2
    harmful = [True] * 4 + [False] * 4
    model = hate_context.train(texts, harmful * 2, C=1.0, threshold=0.4)
    path = tmp_path / "hate_context.joblib"
    digest = hate_context.save(model, path)
    loaded = hate_context.load(path, digest)
    norms = ["mày là đồ ngu", "trời đẹp quá"]
    assert loaded.probabilities(norms).tolist() == pytest.approx(model.probabilities(norms).tolist())
    assert loaded.probabilities(norms)[0] > loaded.probabilities(norms)[1]
    assert loaded.threshold == 0.4 and loaded.version == model.version


def test_train_command_reads_only_the_dev_split(tmp_path):
    from django.core.management import call_command

    rows = []
    for n in range(1, 41):
        harmful = n % 4 == 0
        rows.append({"id": f"c{n:04d}", "text": ("mày là đồ mất dạy số " if harmful else "hôm nay chợ đông số ") + str(n),
                     "kind": "harassment_person" if harmful else "daily_life", "category": "",
                     "lawful": "0" if harmful else "1", "split": "dev"})
    # a test row that would make the model fail if it were read
    rows += [{"id": f"c{n:04d}", "text": "TEST ROW", "kind": "daily_life", "category": "", "lawful": "1", "split": "test"}
             for n in (41, 42)]
    civic = tmp_path / "civic.csv"
    with civic.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    call_command("train_hate_context", civic=str(civic), out=str(tmp_path), C=1.0)
    meta = (tmp_path / "hate_context.json").read_text(encoding="utf-8")
    assert "40 rows" in meta
    model = hate_context.load(tmp_path / "hate_context.joblib", __import__("json").loads(meta)["sha256"])
    assert "test row" not in model.word_vocab


def test_an_insult_said_to_someone_is_not_lowered():
    # "mày": the words have a target, so the rules' reading stands whatever the model says.
    result = analyze("mày ngu vl, nói mãi không hiểu")
    assert result["top_category"] == HarmCategory.HATE_HARASSMENT
    assert "hate_context" not in result["model_scores"]


def test_lowered_alike_with_or_without_accents():
    from haidang.text.normalize import fold

    text = "dm cái wifi nhà tui, ngu vl, xem phim cứ đứng hình"
    assert analyze(text)["top_category"] != HarmCategory.HATE_HARASSMENT
    assert analyze(fold(text))["top_category"] != HarmCategory.HATE_HARASSMENT


def test_one_post_scores_as_scikit_learn_scores_the_batch():
    from haidang.text.normalize import clean, normalize

    model = hate_context.shipped()
    norms = [normalize(clean(t)) for t in (
        "dm cái wifi nhà tui, ngu vl", "Thằng Khánh tổ 4 là đồ súc vật", "", "🙂🙂", "xyzxyz qqq",
        "Trời mưa to quá, bà con thôn 3 nhớ kê đồ lên cao")]
    batch = model.probabilities(norms)
    assert [model.probability(n) for n in norms] == pytest.approx(batch.tolist(), abs=1e-6)
