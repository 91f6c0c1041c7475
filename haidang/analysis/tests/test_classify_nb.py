"""The NB-LR half of the task models: it folds into the LR's coefficients, so a model stays one linear
scorer with the same file format (tiny synthetic data, no Django database)."""

from pathlib import Path

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from haidang.analysis import classify
from haidang.analysis.classify import ALL4, _tfidf_block, featurizer, fit_idf, fit_nb_lr, train_task

SCAM = ["chuyển khoản gấp để nhận thưởng", "vay tiền nhanh giải ngân trong ngày", "trúng thưởng xe máy nộp phí",
        "tài khoản bị khóa bấm link xác thực", "nạp thẻ cào nhận quà khủng", "nhận thưởng ngay nộp phí"]
HAM = ["hôm nay trời đẹp quá", "chiều nay đi đá bóng không", "mẹ nấu canh chua ngon lắm",
       "lớp mình họp lúc bảy giờ", "bài hát này hay thật", "tối nay ăn cơm nhà nhé"]
NEUTRAL = ["thứ hai họp giao ban", "lịch học tuần sau", "đề cương môn toán", "phòng học tầng ba"]


def _x(texts):
    counts = featurizer().counts(texts, blocks=ALL4)
    idf = {b: fit_idf(counts[b]) for b in ALL4}
    import scipy.sparse as sp

    return counts, sp.hstack([_tfidf_block(counts[b], idf[b], w) for b, w in ALL4.items()], format="csr")


def _decision(model, texts):
    return model.decision(featurizer().counts(texts, blocks=model.blocks))


def test_nb_half_is_the_average_of_the_two_linear_models():
    texts, labels = SCAM + HAM, ["SCAM"] * len(SCAM) + ["HAM"] * len(HAM)
    counts, x = _x(texts)
    plain = train_task("scam", None, labels, counts=counts, blocks=ALL4, C=2.0, nb=0.0)
    mixed = train_task("scam", None, labels, counts=counts, blocks=ALL4, C=2.0, nb=0.5)
    y = np.asarray(labels)
    lr = LogisticRegression(C=2.0, class_weight="balanced", solver="liblinear", max_iter=300).fit(x, y)
    nb_coef, nb_b = fit_nb_lr(x, y, lr.classes_, C=2.0)
    expected = 0.5 * (x @ lr.coef_.ravel() + lr.intercept_[0]) + 0.5 * (x @ nb_coef[:, 0] + nb_b[0])
    got = _decision(mixed, texts)
    # binary decisions are stored as [-s/2, s/2]
    assert np.allclose(got[:, 1] - got[:, 0], expected, atol=1e-3)
    assert not np.allclose(_decision(plain, texts), got, atol=1e-3)
    assert mixed.meta["nb"] == 0.5 and "nb" not in plain.meta
    assert mixed.predict(featurizer().counts(texts, blocks=mixed.blocks)) == labels


def test_nb_lr_multiclass_has_one_column_per_class_and_ranks_its_own_class_first():
    texts = SCAM + HAM + NEUTRAL
    labels = ["a"] * len(SCAM) + ["b"] * len(HAM) + ["c"] * len(NEUTRAL)
    _, x = _x(texts)
    coef, intercept = fit_nb_lr(x, np.asarray(labels), ["a", "b", "c"], C=4.0)
    assert coef.shape == (x.shape[1], 3) and intercept.shape == (3,)
    scores = x @ coef + intercept
    assert [["a", "b", "c"][i] for i in scores.argmax(axis=1)] == labels


def test_sample_weights_reach_the_nb_half():
    texts, labels = SCAM + HAM, ["SCAM"] * len(SCAM) + ["HAM"] * len(HAM)
    counts, _ = _x(texts)
    a = train_task("scam", None, labels, counts=counts, blocks=ALL4, nb=1.0)
    b = train_task("scam", None, labels, counts=counts, blocks=ALL4, nb=1.0, sample_weight=[3.0] + [1.0] * (len(texts) - 1))
    assert not np.allclose(_decision(a, texts), _decision(b, texts))


@pytest.mark.parametrize("task", sorted(classify.TASK_CONFIGS))
def test_task_configs_name_known_blocks_and_sane_weights(task):
    cfg = classify.task_config(task)
    assert set(cfg["blocks"]) <= set(classify.BLOCK_NAMES)
    assert 0.0 <= cfg.get("nb", 0.0) <= 1.0 and cfg["C"] > 0


def test_cli_training_records_the_nb_half_and_keeps_it_in_the_file(tmp_path):
    """`haidang train`'s path (training.train): the task default's NB-LR weight is in the registry entry
    and in the artefact's meta, and the saved model scores exactly as trained."""
    import csv

    from haidang.analysis import registry, training

    path = tmp_path / "train.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["text", "label"])
        w.writerows([(t, "SCAM") for t in SCAM] + [(t, "HAM") for t in HAM])
    meta = training.train("scam", [str(path)], dev=str(path), register_db=False, activate=False,
                          progress=lambda _m: None)
    assert meta["config"]["nb"] == classify.task_config("scam")["nb"] > 0
    assert meta["dev_metrics"]["macro_f1"] == 1.0
    model = registry.load_model(Path(meta["path"]), sha256=meta["sha256"])
    assert model.meta["nb"] == meta["config"]["nb"]
    assert model.predict(featurizer().counts(SCAM + HAM, blocks=model.blocks)) == ["SCAM"] * 6 + ["HAM"] * 6
