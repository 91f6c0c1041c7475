"""The "why" an officer reads: each kind of evidence gets a readable label and its own sentence."""

from types import SimpleNamespace

from haidang.content.templatetags.monitoring_tags import why_reasons


def test_a_second_opinion_that_decided_is_labelled_by_its_category_and_keeps_its_sentence():
    signals = SimpleNamespace(why=[
        {"kind": "rule", "category": "misinformation", "reason": "Có từ “chia sẻ gấp”.", "matches": []},
        {"kind": "model", "task": "civic_context", "category": "misinformation", "probability": 0.9,
         "reason": "Mô hình đọc cả bài giống thông tin sai sự thật (90 %)."},
        {"kind": "model", "task": "scam", "probability": 0.7, "reason": ""},
    ])
    rule, second, scam = why_reasons(signals)
    assert second["label"] == rule["label"] and "civic_context" not in second["label"]
    assert second["sentence"].startswith("Mô hình đọc cả bài")
    assert scam["label"] and scam["sentence"] == ""
    assert "70 %" in scam["detail"]
