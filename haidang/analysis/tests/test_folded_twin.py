"""Posts typed without accents are scored by a model's folded twin (tiny synthetic data, no database)."""

import numpy as np

from haidang.analysis import registry
from haidang.analysis.classify import ALL4, Scorer, featurizer, train_folded_twin, train_task
from haidang.text.normalize import typed_without_accents

HATE = ["mày ngu như chó", "đồ khốn nạn", "thằng mất dạy", "cút đi đồ ngốc", "bọn đần độn", "đồ súc vật"]
CLEAN = ["hôm nay trời đẹp", "cảm ơn bác sĩ", "chợ sáng đông vui", "đi học đúng giờ", "mẹ nấu canh", "đội bóng thắng"]
TEXTS, LABELS = HATE + CLEAN, ["HATE_OR_OFFENSIVE"] * len(HATE) + ["CLEAN"] * len(CLEAN)


def _model():
    model = train_task("hate_offensive", TEXTS, LABELS, blocks=ALL4, C=4.0, nb=0.0)
    return train_folded_twin(model, TEXTS, LABELS, blocks=ALL4, C=4.0, nb=0.0)


def test_typed_without_accents():
    assert typed_without_accents("may ngu nhu cho")
    assert typed_without_accents("Di hoc thoi")
    assert not typed_without_accents("mày ngu")
    assert not typed_without_accents("đi")  # đ is a Vietnamese letter
    assert not typed_without_accents("")
    assert not typed_without_accents("123 !!! 😍")
    assert not typed_without_accents("Ca si\u0303")  # NFD: the accent is a combining mark


def test_counts_mark_the_rows_typed_without_accents():
    counts = featurizer().counts(["mày ngu", "may ngu", "😍"], blocks=ALL4)
    assert counts.bare.tolist() == [False, True, False]
    assert featurizer().counts(None, ["may ngu"], blocks=ALL4).bare is None


def test_rows_typed_without_accents_get_the_twins_scores():
    model = _model()
    texts = ["mày ngu như chó", "may ngu nhu cho", "hôm nay trời đẹp", "hom nay troi dep"]
    counts = featurizer().counts(texts, blocks=ALL4)
    got = Scorer([model]).decisions(counts)["hate_offensive"]
    alone = Scorer([_copy_without_twin(model)]).decisions(counts)["hate_offensive"]
    twin = Scorer([model.folded_twin]).decisions(counts)["hate_offensive"]
    np.testing.assert_allclose(got[[0, 2]], alone[[0, 2]])
    np.testing.assert_allclose(got[[1, 3]], twin[[1, 3]])
    assert model.predict(featurizer().counts(["may ngu nhu cho", "hom nay troi dep"], blocks=ALL4)) == [
        "HATE_OR_OFFENSIVE", "CLEAN"]


def test_the_twin_is_saved_and_loaded_with_its_model(tmp_path):
    model = _model()
    path = tmp_path / "m.joblib"
    sha = registry.save_model(model, path, {"version": "t-1"}, half=True)
    again = registry.load_model(path, sha256=sha)
    assert again.folded_twin is not None
    counts = featurizer().counts(["may ngu nhu cho", "mày ngu như chó"], blocks=ALL4)
    np.testing.assert_allclose(again.decision(counts), model.decision(counts), atol=2e-2)


def _copy_without_twin(model):
    import dataclasses

    return dataclasses.replace(model, folded_twin=None, _scorer=None)
