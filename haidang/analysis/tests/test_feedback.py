"""Officers' verdicts become labels: `haidang train --include-feedback` changes the model and reports
dev metrics before and after (small synthetic data, no shared data sets)."""

import csv
import io
from pathlib import Path

from django.core.management import call_command

from haidang.analysis import registry
from haidang.analysis.actions import do_record_verdict
from haidang.analysis.training import feedback_label, feedback_rows

SCAM = ["chuyển khoản gấp để nhận thưởng", "vay tiền nhanh giải ngân trong ngày", "trúng thưởng xe máy nộp phí",
        "tài khoản bị khóa bấm link xác thực", "nạp thẻ cào nhận quà khủng"]
HAM = ["hôm nay trời đẹp quá", "chiều nay đi đá bóng không", "mẹ nấu canh chua ngon lắm",
       "lớp mình họp lúc bảy giờ", "bài hát này hay thật"]
NEW = "góp vốn tiền ảo lãi suất mỗi ngày ba phần trăm"


def _csv(path: Path, rows) -> str:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["text", "label"])
        w.writerows(rows)
    return str(path)


def test_feedback_mapping_covers_every_task():
    assert feedback_label("scam", "confirmed", "scam") == "SCAM"
    assert feedback_label("scam", "not_harmful", "") == "HAM"
    assert feedback_label("hate_offensive", "confirmed", "hate_harassment") == "HATE_OR_OFFENSIVE"
    assert feedback_label("toxicity", "confirmed", "incitement") == "HATE"
    assert feedback_label("toxicity", "confirmed", "scam") is None
    assert feedback_label("spam", "confirmed", "scam") == "SPAM"
    assert feedback_label("sentiment", "confirmed", "grievance") == "negative"
    assert feedback_label("sentiment", "not_harmful", "") is None


def test_include_feedback_changes_the_model(personas, tmp_path, settings):
    from haidang.content.models import Item
    from haidang.sources.models import Source

    settings.MODELS_DIR = tmp_path / "models"
    rows = [(t, "SCAM") for t in SCAM] * 2 + [(t, "HAM") for t in HAM] * 2
    train = _csv(tmp_path / "train.csv", rows)
    dev = _csv(tmp_path / "dev.csv", rows + [(NEW, "SCAM")])
    source = Source.objects.create(name="feed", url="https://example.test/f", agency=personas.lead)
    for k in range(3):
        item = Item.objects.create(source=source, external_id=f"fb{k}", text=NEW, content_hash=f"fb{k}")
        do_record_verdict(item, outcome="confirmed", category="scam", acting_user=personas.bob)
    assert feedback_rows("scam")[1] == ["SCAM"] * 3

    plain, with_fb = tmp_path / "plain.joblib", tmp_path / "fb.joblib"
    call_command("train", "--task", "scam", "--data", train, "--dev", dev, "--out", str(plain), stdout=io.StringIO())
    out = io.StringIO()
    call_command("train", "--task", "scam", "--data", train, "--dev", dev, "--out", str(with_fb),
                 "--include-feedback", stdout=out)
    assert "dev macro-F1 before feedback" in out.getvalue()

    from haidang.analysis.classify import featurizer

    p = {}
    for name, path in (("plain", plain), ("fb", with_fb)):
        model = registry.load_model(path)
        feats = featurizer().counts([NEW], blocks=model.blocks)
        p[name] = model.predict_proba(feats, calibrated=False)[0, model.classes.index("SCAM")]
    assert p["fb"] > p["plain"] + 0.1
    assert registry.load_model(with_fb).meta["n_feedback"] == 3
    registry.clear_cache()
