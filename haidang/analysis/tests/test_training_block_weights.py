"""Per-task block weights as a training default (`toxicity`: word blocks x1.5), applied the same way
when scoring as when training, kept through save/load and used by `haidang train` (tiny synthetic data)."""

import csv

import numpy as np
import pytest
import scipy.sparse as sp

from haidang.analysis import registry, training
from haidang.analysis.classify import (
    FEATURES_VERSION,
    TASK_CONFIGS,
    _tfidf_block,
    featurizer,
    task_config,
    train_task,
)

HATE = ["bọn mọi rợ cút về nước đi", "lũ ngu như chó cút hết đi", "đồ súc vật không đáng làm người",
        "bọn bắc kỳ ăn hại cút đi", "lũ đó nên bị đuổi hết ra khỏi đây"]
OFFENSIVE = ["thằng này ngu vãi", "mày điên à đồ dở hơi", "nói nhảm vãi cả l", "câm mồm đi thằng ngu",
             "đm hài vãi chưởng"]
CLEAN = ["hôm nay trời đẹp quá", "chiều nay đi đá bóng không", "mẹ nấu canh chua ngon lắm",
         "lớp mình họp lúc bảy giờ", "bài hát này hay thật", "video dễ thương quá", "cảm ơn bạn nhiều nhé"]
TEXTS = HATE + OFFENSIVE + CLEAN
LABELS = ["HATE"] * len(HATE) + ["OFFENSIVE"] * len(OFFENSIVE) + ["CLEAN"] * len(CLEAN)


@pytest.fixture(autouse=True)
def _fresh_cache():
    registry.clear_cache()
    yield
    registry.clear_cache()


def test_toxicity_default_weighs_the_word_blocks_above_the_char_blocks():
    blocks = task_config("toxicity")["blocks"]
    assert blocks == {"word": 1.5, "char": 1.0, "word_folded": 1.5, "char_folded": 1.0}
    assert TASK_CONFIGS["toxicity"]["C"] == 1.0
    model = train_task("toxicity", TEXTS, LABELS)
    assert model.blocks == blocks and model.meta["blocks"] == blocks
    assert model.meta["features"] == FEATURES_VERSION


def test_block_weights_score_as_they_were_trained():
    """The scorer must apply a block's weight exactly as the training matrix did: its decisions equal
    x @ coef + intercept on the weighted TF-IDF matrix."""
    model = train_task("toxicity", TEXTS, LABELS)
    counts = featurizer().counts(TEXTS, blocks=model.blocks)
    x = sp.hstack([_tfidf_block(counts[b], model.idf[b], w) for b, w in model.blocks.items()], format="csr")
    coef = np.vstack([model.coef[b] for b in model.blocks])
    expected = x @ coef + model.intercept
    assert np.allclose(model.decision(counts), expected, atol=1e-3)
    plain = train_task("toxicity", TEXTS, LABELS, blocks={b: 1.0 for b in model.blocks})
    assert not np.allclose(plain.decision(featurizer().counts(TEXTS, blocks=plain.blocks)), expected, atol=1e-3)
    assert model.predict(counts) == LABELS


def test_haidang_train_uses_the_weighted_default_and_saved_model_scores_the_same(tmp_path):
    data = tmp_path / "train.csv"
    with open(data, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["text", "label"])
        w.writerows(zip(TEXTS, LABELS, strict=True))
    lines = []
    meta = training.train("toxicity", [str(data)], dev=str(data), register_db=False, progress=lines.append)
    assert meta["config"]["blocks"] == task_config("toxicity")["blocks"]
    assert any("wordx1.5" in line for line in lines)
    loaded = registry.load_model(meta["path"], meta["sha256"])
    assert loaded.blocks == task_config("toxicity")["blocks"]
    direct = train_task("toxicity", TEXTS, LABELS)
    counts = featurizer().counts(TEXTS, blocks=loaded.blocks)
    assert np.allclose(loaded.decision(counts), direct.decision(counts), atol=1e-3)
    assert meta["dev_metrics"]["macro_f1"] == 1.0
