"""The span tagger: tiny hand-written data (never ../shared), plus checks of the shipped artefact."""

import csv
import json
import re
import shutil

import pytest

from haidang.analysis import spans

# Offending words in [brackets]; the brackets are removed and their characters become the gold span.
TRAIN = [
    "Mày đúng là [đồ ngốc] mà", "Thằng đó [khốn nạn] thật", "Cái lũ [đần độn] này", "Im đi [đồ ngốc]",
    "Nó [mất dạy] lắm", "Bọn [khốn nạn] đó lại đến", "Sao mà [đần độn] thế", "[Đồ ngốc] ạ",
    "Ông ta [mất dạy] quá", "Đúng là [khốn nạn]", "Thôi đi [đồ ngốc] kia", "Loại [mất dạy] như nó",
    "Con người [khốn nạn]", "Nói chuyện [đần độn] ghê", "Hắn [mất dạy] với mẹ", "[Khốn nạn] thật sự",
    "Đồ [đần độn] không biết gì", "Nghe giọng [đồ ngốc] kìa", "Mấy đứa [mất dạy] ngoài ngõ",
    "Làm ăn [khốn nạn] vậy",
    "Hôm nay trời đẹp quá", "Chợ sáng nay đông người", "Mình đi học lúc bảy giờ", "Giá rau hôm nay tăng",
    "Cảm ơn bạn đã giúp đỡ", "Tối nay có mưa to", "Nhà mình có con mèo", "Ông ấy là giáo viên giỏi",
    "Đường này mới làm xong", "Bạn ăn cơm chưa", "Xe buýt đến muộn", "Cuối tuần đi biển nhé",
    "Quán cà phê này ngon", "Em bé đang ngủ", "Trường học gần nhà", "Chúc mừng sinh nhật bạn",
    "Hôm qua mất điện cả tối", "Mẹ nấu canh chua", "Cây xoài ra quả rồi", "Đội bóng thắng trận",
]
DEV = [
    "Thằng [đần độn] đó", "Nó [khốn nạn] lắm", "[Đồ ngốc] này", "Cái loại [mất dạy]",
    "Trời hôm nay nắng", "Mình thích đọc sách", "Chợ chiều vắng người", "Bạn đi đâu đấy",
]


def _rows(items):
    out = []
    for item in items:
        text, gold = "", []
        for m in re.finditer(r"\[([^\]]+)\]|[^\[]+", item):
            if m.group(1):
                gold.extend(range(len(text), len(text) + len(m.group(1))))
                text += m.group(1)
            else:
                text += m.group(0)
        out.append({"text": text, "label": spans.POSITIVE if gold else spans.NEGATIVE,
                    "spans": json.dumps(gold), "split": "x"})
    return out


def _write(path, items):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["text", "label", "spans", "split"])
        w.writeheader()
        w.writerows(_rows(items))
    return path


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    d = tmp_path_factory.mktemp("spans")
    tagger, metrics = spans.train(_write(d / "train.csv", TRAIN), _write(d / "dev.csv", DEV))
    return tagger, metrics


def test_tiny_tagger_finds_the_word_with_exact_offsets(tiny):
    tagger, metrics = tiny
    assert metrics["macro_f1"] == 1.0
    text = "Hôm nay gặp lại thằng khốn nạn đó ở chợ"
    found = tagger.find([text])[0]
    assert found, "the insult was not found"
    start = text.index("khốn nạn")
    assert any(s["start"] <= start and s["end"] >= start + len("khốn nạn") for s in found)
    for s in found:
        assert text[s["start"]:s["end"]] == s["text"]
        assert 0.0 <= s["score"] <= 1.0
    assert tagger.find(["Hôm nay chợ đông người, giá rau tăng"]) == [[]]


def test_tiny_tagger_predict_and_post_scores(tiny):
    tagger, _ = tiny
    texts = ["Đồ ngốc", "Mẹ nấu canh chua", ""]
    assert tagger.predict(texts) == [spans.POSITIVE, spans.NEGATIVE, spans.NEGATIVE]
    scores = tagger.post_scores(texts)
    assert scores[0] > tagger.threshold > scores[1] and scores[2] == 0.0


def test_adjacent_tokens_merge_and_sentence_breaks_split():
    text = "ừ thì đồ ngốc. Khốn nạn"
    toks = spans.tokenize(text)
    words = [w for w, _, _ in toks]
    assert words == ["ừ", "thì", "đồ", "ngốc", "Khốn", "nạn"]
    merged = spans.merge_spans(text, toks, [0.1, 0.2, 0.9, 0.8, 0.7, 0.95], 0.5)
    assert [s["text"] for s in merged] == ["đồ ngốc", "Khốn nạn"]
    assert merged[0] == {"start": 6, "end": 13, "text": "đồ ngốc", "score": 0.9}
    assert merged[1]["score"] == 0.95


def test_offsets_follow_the_deobfuscation_map(monkeypatch):
    def drop_soft_hyphens(text):
        kept = [(ch, i) for i, ch in enumerate(text) if ch != "\u00ad"]
        return "".join(ch for ch, _ in kept), [i for _, i in kept]

    monkeypatch.setattr(spans, "deobfuscate_aligned", drop_soft_hyphens)
    text = "thằng ng\u00adu"
    assert spans.tokenize(text) == [("thằng", 0, 5), ("ngu", 6, 10)]
    assert text[6:10] == "ng\u00adu"


def test_broken_deobfuscation_falls_back_to_the_raw_text(monkeypatch):
    monkeypatch.setattr(spans, "deobfuscate_aligned", lambda text: (text, [0]))  # map of the wrong length
    assert spans.tokenize("đồ ngốc") == [("đồ", 0, 2), ("ngốc", 3, 7)]


def test_nfd_words_stay_whole():
    import unicodedata

    text = unicodedata.normalize("NFD", "đồ ngốc")
    assert [w for w, _, _ in spans.tokenize(text)] == [unicodedata.normalize("NFD", "đồ"),
                                                      unicodedata.normalize("NFD", "ngốc")]


def test_lawful_phrases_are_masked():
    words = ["ông", "chủ", "tịch", "tham", "nhũng", "quá"]
    assert spans.lawful_mask(words).tolist() == [False, False, False, True, True, False]
    assert spans.lawful_mask(["mua", "lu"]).tolist() == [True, True]  # also written without accents
    assert spans.lawful_mask(["lũ", "chó"]).tolist() == [False, False]  # "lũ" alone is not a flood


def test_save_load_round_trip_and_tampering(tiny, tmp_path):
    tagger, _ = tiny
    path = tmp_path / "hate_spans.joblib"
    digest = spans.save(tagger, path)
    meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["sha256"] == digest and meta["version"].startswith("hate_spans-")
    assert meta["size_bytes"] == path.stat().st_size and "dev_metrics" in meta
    again = spans.load(path, expected_sha256=digest)
    text = "Thằng đó khốn nạn thật"
    # Weights are stored as float16: the same spans, scores within rounding.
    assert [s["text"] for s in again.find([text])[0]] == [s["text"] for s in tagger.find([text])[0]] != []
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ValueError, match="sha256"):
        spans.load(path, expected_sha256=digest)


# --- the shipped artefact ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def shipped():
    return spans.shipped_tagger()


def test_shipped_meta_matches_the_file(shipped):
    meta = json.loads(spans.SHIPPED_PATH.with_suffix(".json").read_text(encoding="utf-8"))
    assert spans.sha256_file(spans.SHIPPED_PATH) == meta["sha256"]
    assert spans.SHIPPED_PATH.stat().st_size <= 3 * 1024 * 1024
    assert shipped.version == meta["version"] and 0.5 <= shipped.threshold <= shipped.threshold_precise < 1


def test_shipped_tagger_leaves_civil_criticism_alone(shipped):
    texts = [
        "Đề nghị chủ tịch UBND xã xem xét trách nhiệm, làm việc quá tắc trách",
        "Đường xá xuống cấp, cán bộ vô trách nhiệm, đề nghị Sở Giao thông sửa gấp",
    ]
    assert shipped.find(texts) == [[], []]


def test_shipped_tagger_quotes_a_clear_insult(shipped):
    text = "thằng này ngu như chó"
    found = shipped.find([text])[0]
    assert any("ngu" in s["text"] or "chó" in s["text"] for s in found)
    for s in found:
        assert text[s["start"]:s["end"]] == s["text"]


def test_shipped_refuses_a_tampered_copy(tmp_path):
    meta = json.loads(spans.SHIPPED_PATH.with_suffix(".json").read_text(encoding="utf-8"))
    copy = tmp_path / "hate_spans.joblib"
    shutil.copy(spans.SHIPPED_PATH, copy)
    with open(copy, "ab") as fh:
        fh.write(b"\0")
    with pytest.raises(ValueError, match="does not match"):
        spans.load(copy, expected_sha256=meta["sha256"])


def test_soft_hyphen_inside_a_word_is_still_found(shipped):
    normalize = pytest.importorskip("haidang.text.normalize")
    if not hasattr(normalize, "deobfuscate_aligned") or spans.deobfuscate_aligned is None:
        pytest.skip("haidang.text.normalize.deobfuscate_aligned is not there yet")
    text = "thằng này ng\u00adu như chó"
    found = shipped.find([text])[0]
    assert any("ng\u00adu" in s["text"] for s in found)
    for s in found:
        assert text[s["start"]:s["end"]] == s["text"]


# --- speed refactor: the same features and outputs, one pass ---------------------------------------
SAMPLE = ["Mày đúng là đồ ngốc mà!!", "Thằng đó khốn nạn thật, đi chết đi", "Hôm nay trời đẹp quá 😍",
          "may ngu vl", "ĐM bọn mày", "", "a", "Cán bộ phường tham nhũng, bà con bức xúc lắm",
          "đồ n.g.u", "vãiiiii l0n", "Ông ta mất dạy quá. Nó cũng vậy"]


@pytest.mark.parametrize("config", [{}, {"window": 1}, {"accented_ctx": False, "bigrams": False},
                                    {"char": "auto"}, {"char": "none", "window": 3}])
def test_cached_fingerprints_equal_the_reference_features(config):
    cfg = {**spans.DEFAULT_CONFIG, **config}
    toks, fps, offsets = spans._featurize(SAMPLE, cfg)
    reference = spans._fps([r for tk in toks for r in spans._token_features([w for w, _, _ in tk], cfg)])
    assert offsets[-1] == len(reference) == len(fps)
    assert [sorted(set(a.tolist())) for a in fps] == [sorted(set(b.tolist())) for b in reference]
    _, flat, rows, offsets2 = spans._featurize_flat(SAMPLE, cfg)
    assert offsets2 == offsets
    by_row = [sorted(set(flat[rows == i].tolist())) for i in range(offsets[-1])]
    assert by_row == [sorted(set(b.tolist())) for b in reference]


def test_find_with_scores_is_find_and_post_scores_in_one_pass(tiny):
    tagger, _ = tiny
    found, scores = tagger.find_with_scores(SAMPLE)
    assert found == tagger.find(SAMPLE)
    assert scores == tagger.post_scores(SAMPLE)


def test_shipped_find_with_scores_matches(shipped):
    found, scores = shipped.find_with_scores(SAMPLE)
    assert found == shipped.find(SAMPLE)
    assert scores == pytest.approx(shipped.post_scores(SAMPLE))


# --- the folded twin: posts typed without accents ---------------------------------------------------
def test_tiny_tagger_has_a_folded_twin_that_reads_unaccented_posts(tiny, tmp_path):
    tagger, metrics = tiny
    assert tagger.folded_twin is not None
    assert tagger.folded_twin.threshold == tagger.threshold
    assert tagger.folded_twin.threshold_precise == tagger.threshold_precise
    assert "folded_dev" in metrics
    bare = "thang do khon nan that"
    assert spans.typed_without_accents(bare)
    # Routed: the unaccented post gets exactly what the twin says, the accented one what the main tagger says.
    mixed = ["Thằng đó khốn nạn thật", bare]
    found, scores = tagger.find_with_scores(mixed)
    assert found[1] == tagger.folded_twin.find([bare])[0]
    assert scores[1] == tagger.folded_twin.post_scores([bare])[0]
    alone = spans.SpanTagger(tagger.vocab, tagger.coef, tagger.intercept, tagger.config, tagger.threshold,
                             tagger.threshold_precise, post=tagger.post, stack=tagger.stack)
    assert found[0] == alone.find([mixed[0]])[0]
    assert tagger.predict(mixed) == [spans.POSITIVE if f else spans.NEGATIVE for f in found]
    assert found[1] and "khon nan" in found[1][0]["text"]
    # Saved and loaded together.
    path = tmp_path / "hate_spans.joblib"
    spans.save(tagger, path)
    again = spans.load(path, expected_sha256=json.loads(path.with_suffix(".json").read_text())["sha256"])
    assert again.folded_twin is not None
    assert again.find_with_scores(mixed)[0] == found


def test_shipped_tagger_finds_an_insult_typed_without_accents(shipped):
    found = shipped.find(["thang nay ngu nhu cho"])[0]
    assert found and "ngu" in " ".join(s["text"] for s in found)
    assert not any(shipped.find(["cam on bac si benh vien tinh da tan tinh cham soc me toi"]))
