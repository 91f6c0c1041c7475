"""The analyser API and the CLI contracts, with the shipped models (no shared data needed)."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from haidang.analysis import registry
from haidang.analysis.analyzer import analyze, analyze_many, priority_for
from haidang.core.vocabulary import HarmCategory

KEYS = {"categories", "priority", "risk", "watchlists", "places", "entities", "why"}


def test_shipped_models_load_offline_and_are_small():
    shipped = registry.shipped_registry()
    assert {"hate_offensive", "scam"} <= set(shipped)
    for meta in shipped.values():
        path = registry.SHIPPED_DIR / meta["file"]
        assert path.stat().st_size < 5_000_000
        assert registry.sha256_file(path) == meta["sha256"]
        registry.load_model(path)


def test_analyze_shape_and_scam():
    r = analyze("Chúc mừng bạn trúng thưởng 50 triệu, chuyển khoản phí nhận thưởng gấp tại vcb-nhanthuong.xyz "
                "hôm nay ở Đồng Hới", engagement=5000)
    assert KEYS <= set(r)
    assert set(r["categories"]) == set(HarmCategory.values)
    assert r["top_category"] == "scam"
    assert r["priority"] in ("high", "urgent")
    assert r["places"][0]["name"] == "Phường Đồng Hới"
    assert r["entities"]["urls"]
    assert any(w["kind"] == "rule" for w in r["why"])
    json.dumps(r, ensure_ascii=False)


def test_hate_is_explained_by_the_offending_words_as_written():
    text = "đm bọn mày ngu như chó, cút hết đi"
    r = analyze(text)
    assert r["top_category"] == "hate_harassment"
    span = next(w for w in r["why"] if w["kind"] == "span")
    assert span["matches"] and all(text[m["start"]:m["end"]] == m["term"] for m in span["matches"])
    assert span["reason"].startswith("Có từ ngữ xúc phạm")
    # Folded model n-grams (`lo`, `gay`, `tap`) are not a reason a person can read: none are given.
    assert not any(w.get("ngrams") for w in r["why"])


def test_unconfirmed_spans_are_called_a_lead_not_offending_words():
    # The tagger marks "con", "nó" here; no hate rule or model confirms them, so the reason says it is a lead.
    r = analyze("Ai biết con nhỏ điều dưỡng khoa nội tiêm nhầm thuốc cho mẹ tui thì nhắn, tối thứ 7 chặn đầu nó "
                "ngoài bãi xe dạy cho một trận, đông người cho chắc.")
    assert r["top_category"] == "incitement"
    span = next(w for w in r["why"] if w["kind"] == "span")
    assert span["score"] <= 0.35
    assert span["reason"].startswith("Mô hình thấy dấu hiệu xúc phạm quanh các từ “")
    assert "Có từ ngữ xúc phạm" not in span["reason"]


@pytest.mark.parametrize("text", ["", "😂😂😂", "a\ud800b", "Привет 你好 xin chào", "lừa đảo " * 130_000, None])
def test_bad_input_gives_a_result(text):
    r = analyze(text)
    assert KEYS <= set(r)
    json.dumps(r, ensure_ascii=False)


def test_priority_thresholds(settings):
    assert priority_for(0.1) == "low"
    assert priority_for(0.1, urgent_hit=True) == "urgent"
    settings.HAIDANG_RISK_THRESHOLDS = {"medium": 0.05}
    assert priority_for(0.1) == "medium"


def test_analyze_many_matches_single():
    texts = ["bão số 3 ở Lệ Thủy", "ko biết nói gì luôn :)))"]
    many = analyze_many(texts)
    assert [m["categories"] for m in many] == [analyze(t)["categories"] for t in texts]


def test_cli_analyze_text_and_jsonl(monkeypatch):
    out = io.StringIO()
    call_command("analyze", "--text", "Vay tiền online giải ngân gấp", "--json", stdout=out)
    first = json.loads(out.getvalue().splitlines()[0])
    assert KEYS <= set(first)
    monkeypatch.setattr("sys.stdin", io.StringIO('{"text": "xin chào"}\nnot json\n\n{"text": ""}\n'))
    out = io.StringIO()
    call_command("analyze", stdout=out)
    assert len(out.getvalue().splitlines()) == 3


def test_cli_train_and_evaluate(tmp_path, settings):
    settings.MODELS_DIR = tmp_path / "models"
    src = Path(__file__).resolve().parents[1] / "data" / "scam_synthetic.csv"
    model = tmp_path / "scam.joblib"
    call_command("train", "--task", "scam", "--data", str(src), "--dev", str(src), "--out", str(model),
                 stdout=io.StringIO())
    assert model.exists()
    out = io.StringIO()
    call_command("evaluate", "--task", "scam", "--data", str(src), "--json", stdout=out)
    result = json.loads(out.getvalue())
    assert {"task", "model", "n", "macro_f1", "accuracy", "per_class", "docs_per_s"} <= set(result)
    assert result["n"] == 50 and result["macro_f1"] > 0.9
    assert set(result["per_class"]["SCAM"]) == {"precision", "recall", "f1", "support"}
    registry.clear_cache()


@pytest.mark.skipif(not Path("../shared/data/vihos/dev.csv").exists(), reason="shared data absent")
def test_smoke_shipped_model_on_vihos_dev():
    out = io.StringIO()
    call_command("evaluate", "--task", "hate_offensive", "--data", "../shared/data/vihos/dev.csv",
                 "--model", str(registry.SHIPPED_DIR / "hate_offensive.joblib"), "--json", stdout=out)
    assert json.loads(out.getvalue())["macro_f1"] > 0.85


def test_shape_placeholders_for_links_numbers_and_amounts():
    from haidang.analysis.classify import Featurizer, shape_tokens

    assert shape_tokens("https://bit.ly/abc") == ("URL", "URL_SHORT", "TLD_other")
    assert shape_tokens("coccit.xyz/r/1q") == ("URL", "TLD_sus")
    assert shape_tokens("0848836182,") == ("PHONE",)
    assert shape_tokens("19006036") == ("HOTLINE",)
    assert shape_tokens("910.046") == ("MONEY",)
    assert shape_tokens("50k") == ("NUMUNIT_k",)
    assert shape_tokens("27/03/2025") == ("DATE_TIME",)
    assert shape_tokens("632900") == ("NUM6",)
    assert shape_tokens("ngân") == () and shape_tokens("1O0tr") == ("MIXED",)
    counts = Featurizer().counts(["gọi 0901234567 hoặc 0912345678", "xin chào"], blocks=["shape"])["shape"]
    assert counts[0].sum() == 2 and counts[0].nnz == 1 and counts[1].nnz == 1  # two PHONE; `noshape`
