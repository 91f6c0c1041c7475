"""Matching a post against the known claims: lexical near-duplicates plus paraphrase-tolerant retrieval.

- **Paraphrase:** TF-IDF cosine over accent-folded words and character 3-5-grams (within words),
  fitted on the claims themselves (scikit-learn; no downloaded weights). A post is scored as a whole and
  sentence by sentence, and the best part counts: a rewording is usually one sentence among added
  commentary ("Trời ơi, mọi người ơi…"), which would dilute a whole-post cosine.
- **Near-duplicates:** the stories' MinHash (`alerts.textsig` signatures, `alerts.bands.BandIndex`
  banding), candidates verified by exact Jaccard of word 2-shingles — a copy with emoji and a share
  prefix scores near 1 whatever the TF-IDF says.

Text is made comparable by `haidang.text.normalize.normalize` (teencode expanded, evasions undone,
one tone placement) and then `fold` (accents off), so "uong nuoc la du du" meets "Uống nước lá đu đủ";
numbers written out become digits ("năm mươi" → 50), and a small closed table of equivalent phrasings
(`EQUIVALENTS`: "cúp điện" / "cắt điện" / "mất điện", "tử vong" / "chết") adds one shared tag token.

- **Coverage:** the IDF-weighted share of the claim's words (accents kept when the post has them) found
  anywhere in the post; it is blended into the cosine and gates it (`COVER_WEIGHT`, `COVER_FLOOR`).

The score of a pair is the larger of the TF-IDF/coverage score and the near-duplicate Jaccard. Pure computation, no database: the Django side builds an
index from the claims (`index.py`), and the benchmark builds one from its paraphrase set.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize as l2_normalize

from haidang.alerts.bands import BandIndex, band_params
from haidang.alerts.textsig import jaccard, signatures
from haidang.text.normalize import fold, normalize

# Share of the word n-gram cosine in the cosine part (the rest is the character n-gram cosine).
WORD_WEIGHT = 0.5
# Coverage: the IDF-weighted share of the claim's words found anywhere in the post. It is asymmetric, so
# added commentary does not dilute it the way it dilutes a cosine; and it guards precision: a short
# sentence sharing two or three words with a short claim ("Trời ơi mọi người ơi" ~ "Ăn lá ổi mỗi ngày…",
# the same once accents are off) has a high cosine but covers little of the claim. The score is
#   ((1 - COVER_WEIGHT) * best part's cosine + COVER_WEIGHT * coverage) * min(1, coverage / COVER_FLOOR).
# Both chosen on the dev split of bench/claims.py (`--tune`, with the threshold's CUSHION: without the gate,
# COVER_FLOOR 0.01, the blend recalled more on dev but its precision fell off a cliff under the threshold).
COVER_WEIGHT = 0.3
COVER_FLOOR = 0.6
WORD_NGRAMS = (1, 1)  # words alone: at the precision aimed at, 1-2-grams recalled less (bench/claims.py)
CHAR_NGRAMS = (3, 5)
# Posts are cut into sentences; parts shorter than this many words are not scored alone.
MIN_PART_WORDS = 4
MAX_PARTS = 12
MAX_CHARS = 4000  # a long post's beginning decides (bounded time per post)
_SENTENCE = re.compile(r"(?<=[.!?…;:])\s+|\n+")
_WORDS = re.compile(r"[a-z0-9]+")
_ACCENTED_WORDS = re.compile(r"[^\W_]+")
LSH_THRESHOLD = 0.5
NUM_PERM = 128


# Spellings that differ without changing the word (after folding): loanwords, abbreviations, regional
# words and amounts. Small and closed on purpose: a synonym list would start deciding meaning.
VARIANTS = {
    "vaccine": "vac xin", "vacxin": "vac xin", "vacin": "vac xin", "corona": "covid", "heo": "lon",
    "ngan": "nghin", "cafe": "ca phe", "coffee": "ca phe", "gon": "golf", "csgt": "canh sat giao thong",
    "thpt": "trung hoc pho thong", "ubnd": "uy ban nhan dan", "ae": "anh em", "sdt": "so dien thoai",
    "tk": "tai khoan", "app": "ung dung", "link": "duong link", "virut": "virus", "zalo": "zalo",
}
_AMOUNT = re.compile(r"\b(\d+)(k|tr)\b")
_AMOUNT_WORDS = {"k": "nghin", "tr": "trieu"}


# Ways of saying the same thing that rumours use interchangeably: each phrase of a group is tagged with the
# group's token (`equivalence_tag`) in claims and posts alike. Closed and small on purpose (a general synonym
# list would start deciding meaning); written with the misses of the benchmark's DEV split in view, and from
# general usage: on unseen claims (the test split) it helps only a little (docs/claims.md).
EQUIVALENTS: dict[str, tuple[str, ...]] = {
    "chet": ("tử vong", "chết", "qua đời", "thiệt mạng", "mất mạng"),
    "vo sinh": ("vô sinh", "mất khả năng sinh con", "không thể có con", "không có con được", "hiếm muộn"),
    "lay qua ho hap": ("lây qua đường hô hấp", "lây qua hơi thở", "lây qua không khí", "lây qua đường thở"),
    "nha thuoc": ("nhà thuốc", "hiệu thuốc", "quầy thuốc", "tiệm thuốc"),
    "diet sach": ("tiêu diệt hoàn toàn", "diệt sạch", "chết hết", "tiêu diệt", "diệt hết"),
    "do bo": ("đổ bộ trực tiếp vào", "đổ bộ thẳng vào", "tiến thẳng vào", "đổ bộ vào", "đổ bộ"),
    "suc gio": ("sức gió", "gió giật", "gió mạnh"),
    "tuan toi": ("tuần tới", "tuần sau"), "thang toi": ("tháng tới", "tháng sau"), "nam toi": ("năm tới", "năm sau"),
    "nha nuoc": ("nhà nước", "chính phủ"),
    "cat dien": ("cắt điện", "cúp điện", "mất điện", "ngừng cấp điện", "ngắt điện"),
    "toan tinh": ("toàn tỉnh", "cả tỉnh", "khắp tỉnh"),
    "het han": ("hết hạn sử dụng", "hết hạn", "hết giá trị", "hết hiệu lực", "không còn giá trị"),
    "nop phi": ("nộp phí", "chuyển phí", "đóng phí"),
    "nop tien": ("nộp tiền", "chuyển tiền", "đóng tiền"),
    "dat nong nghiep": ("đất nông nghiệp", "đất ruộng", "ruộng đất", "đất canh tác"),
    "thu hoi": ("thu hồi", "lấy hết", "lấy lại"),
    "phi cau duong": ("phí cầu đường", "trạm thu phí", "phí bot", "phí đường bộ"),
    "mot nua": ("một nửa", "50 phần trăm", "năm mươi phần trăm", "phân nửa"),
    "giay to nha dat": ("giấy tờ nhà đất", "sổ đỏ", "giấy tờ đất đai", "sổ hồng"),
    "sap nhap xa": ("sáp nhập xã", "nhập xã"),
    "trung hoc pho thong": ("trung học phổ thông", "cấp ba", "cấp 3"),
    "6 thang": ("sáu tháng", "6 tháng", "nửa năm"),
    "no luong": ("nợ lương", "không được trả lương", "chưa được trả lương", "chậm lương"),
    "cam luu thong": ("cấm lưu thông", "không được chạy", "cấm chạy", "không được lưu thông"),
    # Groups from general usage (written after the ones above, some still with dev's misses in view):
    "tre em": ("trẻ em", "trẻ nhỏ", "con nít", "trẻ con", "em bé"),
    "nguoi dan": ("người dân", "bà con", "nhân dân"),
    "chua khoi": ("chữa khỏi", "chữa dứt điểm", "trị dứt điểm", "trị khỏi", "khỏi hẳn", "hết bệnh", "khỏi bệnh"),
    "so tan": ("sơ tán", "di dời", "di tản"),
    "ngap lut": ("ngập lụt", "lũ lụt", "ngập sâu", "ngập nặng"),
    "dong cua": ("đóng cửa", "ngừng hoạt động", "dừng hoạt động"),
    "bi phat": ("bị phạt", "xử phạt", "phạt tiền", "nộp phạt"),
    "khoa tai khoan": ("khóa tài khoản", "phong tỏa tài khoản", "đóng băng tài khoản"),
    "mien phi": ("miễn phí", "không mất phí", "không mất tiền", "không tốn tiền"),
    "lua dao": ("lừa đảo", "chiếm đoạt tài sản", "lừa tiền"),
    "dong dat": ("động đất", "địa chấn", "rung chấn"),
    "bat coc": ("bắt cóc", "bắt trẻ", "bắt con nít"),
    "giao vien": ("giáo viên", "thầy cô", "thầy cô giáo"),
    "bac si": ("bác sĩ", "y bác sĩ", "thầy thuốc"),
    # Northern / southern words and everyday synonyms.
    "ngo": ("ngô", "bắp"), "dua qua": ("dứa", "trái thơm"), "lac": ("lạc", "đậu phộng"), "om": ("ốm", "bị bệnh"),
    "vo dap": ("vỡ đập", "bể đập", "đập bị vỡ"), "xe may": ("xe máy", "xe gắn máy"),
    "toan bo": ("toàn bộ", "tất cả", "hết thảy"), "sap": ("sắp", "sắp tới", "chuẩn bị"),
    "thu tien": ("thu tiền", "bắt đóng tiền", "đòi tiền"), "bo thi": ("bỏ kỳ thi", "không còn thi", "hủy kỳ thi"),
    "tam dung": ("tạm dừng", "tạm ngừng"), "trung quoc": ("trung quốc", "tq", "bên tàu"),
    "nhiem phong xa": ("nhiễm phóng xạ", "nhiễm xạ"), "vuot nguc": ("trốn trại", "vượt ngục"),
    "vu khi": ("súng", "vũ khí"), "hang gia": ("hàng giả", "hàng nhái", "hàng dỏm", "hàng rởm"),
    "chat doc": ("chất độc", "hóa chất độc", "độc hại"), "phat hien": ("phát hiện", "xuất hiện"),
    "cong an": ("công an", "cảnh sát"), "benh vien": ("bệnh viện", "nhà thương"),
    "tin gia": ("thông tin sai sự thật", "tin sai sự thật", "tin thất thiệt", "tin giả", "tin đồn thất thiệt"),
}
# Numbers written out ("năm mươi", "mười", "năm trăm"; "số năm", "quốc lộ một"): to digits. A lone "năm" or
# "ba" stays a word (year, father).
_DIGITS = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7,
           "tám": 8, "chín": 9}


def _equivalence_rules(accents: bool) -> tuple[re.Pattern, dict[str, str]]:
    table: dict[str, str] = {}
    for canonical, variants in EQUIVALENTS.items():
        for variant in variants:
            table[variant if accents else fold(variant)] = canonical
    alternatives = sorted(table, key=len, reverse=True)  # the longest phrase wins
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives)) + r")(?!\w)"), table


def _number_rules(accents: bool) -> tuple[re.Pattern, dict[str, int]]:
    # Without accents "tu" (tư) and a lone "muoi" (mười, but also muối: salt) say too little to convert.
    digits = {(k if accents else fold(k)): v for k, v in _DIGITS.items() if accents or k != "tư"}
    d = "|".join(sorted(digits, key=len, reverse=True))
    tens, hundred = ("mươi", "trăm") if accents else ("muoi", "tram")
    ten = r"|mười(?: (?P<u2>" + d + "))?" if accents else ""
    pattern = (rf"(?<!\w)(?:(?P<t>{d}) {tens}(?: (?P<u>{d}))?{ten}|(?P<h>{d}) {hundred}"
               rf"|(?P<pre>số|so|quốc lộ|quoc lo|cấp|cap) (?P<n>{d}))(?!\w)")
    return re.compile(pattern), digits


_RULES = {accents: (_equivalence_rules(accents), _number_rules(accents)) for accents in (True, False)}


def _numbers(text: str, rules) -> str:
    pattern, digits = rules

    def digit(m: re.Match) -> str:
        if m["t"]:
            return str(digits[m["t"]] * 10 + (digits[m["u"]] if m["u"] else 0))
        if m["h"]:
            return str(digits[m["h"]] * 100)
        if m["n"]:
            return f"{m['pre']} {digits[m['n']]}"
        return str(10 + (digits[m["u2"]] if m["u2"] else 0))  # mười [x]

    return pattern.sub(digit, text)


def equivalence_tag(canonical: str) -> str:
    # One token no Vietnamese word contains ("qx…"), so it only ever meets its own group.
    return "qx" + canonical.replace(" ", "")


def _equivalents(text: str, *, accents: bool) -> str:
    # The phrase stays and its group's tag is added: a partial overlap with the claim's own words still
    # counts, and "cúp điện" now also meets "cắt điện".
    (pattern, table), numbers = _RULES[accents]
    return pattern.sub(lambda m: f"{m[0]} {equivalence_tag(table[m[0]])}", _numbers(text, numbers))


def _unified(text: str) -> str:
    # The rules written with accents first, then those written without, still on the accented text: they
    # only meet phrases the post itself wrote without accents ("cup dien"), never a folded accented word
    # ("chanh muối" is not "chanh mười").
    text = _equivalents(_equivalents(normalize(text or ""), accents=True), accents=False)
    return _AMOUNT.sub(lambda m: f"{m[1]} {_AMOUNT_WORDS[m[2]]}", text)


def prepare(text: str) -> str:
    """Lower case, teencode expanded, accents folded, only letters and digits, variant spellings and
    equivalent phrasings unified."""
    return " ".join(VARIANTS.get(w, w) for w in _WORDS.findall(fold(_unified(text))))


def prepare_accented(text: str) -> str:
    """Like `prepare`, accents kept (lower case, teencode expanded, one tone placement)."""
    return " ".join(VARIANTS.get(w, w) for w in _ACCENTED_WORDS.findall(_unified(text)))


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s and len(s.split()) >= MIN_PART_WORDS][:MAX_PARTS]


def parts(text: str) -> list[str]:
    """The post as a whole and its sentences (those long enough to stand alone)."""
    text = (text or "")[:MAX_CHARS]
    pieces = [text]
    sentences = _sentences(text)
    if len(sentences) > 1:
        pieces.extend(sentences)
        # Two neighbouring sentences: a claim written over a full stop.
        pieces.extend(f"{a} {b}" for a, b in zip(sentences, sentences[1:], strict=False))
    return pieces


def prepared_parts(text: str) -> tuple[list[str], str]:
    """`prepare` of each of `parts(text)` (each sentence prepared once, pairs joined from them), and the
    whole post as `prepare_accented` gives it (for the coverage)."""
    text = (text or "")[:MAX_CHARS]
    unified = _unified(text)
    whole = " ".join(VARIANTS.get(w, w) for w in _WORDS.findall(fold(unified)))
    accented = " ".join(VARIANTS.get(w, w) for w in _ACCENTED_WORDS.findall(unified))
    sentences = _sentences(text)
    if len(sentences) < 2:
        return [whole], accented
    each = [prepare(s) for s in sentences]
    return [whole, *each, *(f"{a} {b}" for a, b in zip(each, each[1:], strict=False))], accented


@dataclass
class Match:
    key: object
    score: float
    method: str  # "tfidf" | "minhash"


class ClaimIndex:
    """An index of claim texts. `match(text)` → the best claim and its score."""

    def __init__(self, claims: Sequence[tuple[object, str]], *, word_weight: float = WORD_WEIGHT,
                 cover_weight: float = COVER_WEIGHT, cover_floor: float = COVER_FLOOR):
        self.word_weight, self.cover_weight, self.cover_floor = word_weight, cover_weight, cover_floor
        self.keys = [k for k, _t in claims]
        texts = [prepare(t) for _k, t in claims]
        self.size = len(texts)
        if not texts:
            return
        # In a large library, character n-grams found in more than 5% of the claims say little and cost the
        # most (their posting lists are the longest): left out. Words all stay (they carry the meaning),
        # and a small library keeps everything.
        max_df = min(1.0, max(0.05, 50 / len(texts)))
        self.word = TfidfVectorizer(analyzer="word", ngram_range=WORD_NGRAMS, sublinear_tf=True,
                                    token_pattern=r"\b\w+\b", dtype=np.float32)
        self.char = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, sublinear_tf=True, max_df=max_df,
                                    dtype=np.float32)
        words, chars = self.word.fit_transform(texts), self.char.fit_transform(texts)
        matrix = self._stack(words, chars)
        self.matrix_t = matrix.T.tocsr()  # (features, claims): a query row times this is every cosine
        # Coverage: each claim row holds idf / (sum of its idf) per word it has, so summing the rows of the
        # words present in the post gives the IDF-weighted share of the claim the post covers. The claim's
        # words keep their accents: a post word written with accents must match them exactly (folding
        # merges "sân vận động" with "sân bay đóng", "mọi" with "mỗi"), one written without matches every
        # accented form that folds to it, so posts with, without and half without accents all work.
        self.accented = CountVectorizer(analyzer="word", token_pattern=r"\b\w+\b", binary=True, dtype=np.float32)
        accented = self.accented.fit_transform([prepare_accented(t) for _k, t in claims])
        df = np.asarray(accented.sum(axis=0)).ravel()
        self.cover_t = self._cover(accented, np.log((1 + self.size) / (1 + df)) + 1)
        self.by_folded: dict[str, list[int]] = {}
        for word, j in self.accented.vocabulary_.items():
            self.by_folded.setdefault(fold(word), []).append(j)
        self._fast = [self._vectoriser(self.word, 0), self._vectoriser(self.char, len(self.word.vocabulary_))]
        self.features = self.matrix_t.shape[0]
        sigs = signatures([t for _k, t in claims])
        self.shingles = [s.shingles for s in sigs]
        b, r = band_params(LSH_THRESHOLD, NUM_PERM)
        self.bands = BandIndex(b, r)
        joinable = [i for i, s in enumerate(sigs) if s.joinable]
        if joinable:
            self.bands.insert_matrix(joinable, np.stack([sigs[i].values for i in joinable]))
            self.bands.flush()

    @staticmethod
    def _cover(matrix, idf):
        present = (matrix > 0).astype(np.float32).multiply(np.asarray(idf, dtype=np.float32)).tocsr()
        totals = np.asarray(present.sum(axis=1)).ravel()
        totals[totals == 0] = 1.0
        return (sparse.diags(1.0 / totals) @ present).T.tocsr()  # (words, claims)

    def coverage(self, text: str, *, prepared: str | None = None) -> np.ndarray:
        """The IDF-weighted share of each claim's words present in the post (`prepared`: the text through
        `prepare_accented` already)."""
        vocabulary, rows = self.accented.vocabulary_, set()
        for word in (prepared if prepared is not None else prepare_accented(text)).split():
            if word == fold(word):  # written without accents (or a unified plain spelling): every form
                rows.update(self.by_folded.get(word, ()))
            elif word in vocabulary:
                rows.add(vocabulary[word])
        if not rows:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self.cover_t[sorted(rows)].sum(axis=0)).ravel()

    def _stack(self, words, chars):
        # Each half has unit length, so the dot product of two stacked rows is
        # word_weight * word cosine + (1 - word_weight) * char cosine.
        return sparse.hstack([l2_normalize(words) * np.sqrt(self.word_weight),
                              l2_normalize(chars) * np.sqrt(1 - self.word_weight)], format="csr")

    @staticmethod
    def _vectoriser(vectorizer: TfidfVectorizer, offset: int):
        # scikit-learn's transform validates its input on every call (a few ms per post); the same
        # arithmetic (sublinear tf × idf, unit length) on the fitted vocabulary is done here directly.
        return vectorizer.build_analyzer(), vectorizer.vocabulary_, vectorizer.idf_.astype(np.float32), offset

    def _query(self, texts: list[str]):
        indptr, indices, data = [0], [], []
        weights = (np.sqrt(self.word_weight), np.sqrt(1 - self.word_weight))
        for text in texts:
            for (analyse, vocabulary, idf, offset), weight in zip(self._fast, weights, strict=True):
                counts: dict[int, int] = {}
                for gram in analyse(text):
                    j = vocabulary.get(gram)
                    if j is not None:
                        counts[j] = counts.get(j, 0) + 1
                if not counts:
                    continue
                cols = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
                values = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))) * idf[cols]
                values *= weight / np.linalg.norm(values)
                indices.append(cols + offset)
                data.append(values)
            indptr.append(sum(len(c) for c in indices))
        if not indices:
            return None
        return sparse.csr_matrix((np.concatenate(data), np.concatenate(indices), np.asarray(indptr)),
                                 shape=(len(texts), self.features))

    def scores(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(TF-IDF score, MinHash Jaccard) of the text against every claim: best over the text's parts."""
        cosine = np.zeros(self.size, dtype=np.float32)
        lexical = np.zeros(self.size, dtype=np.float32)
        if not self.size:
            return cosine, lexical
        prepared, accented = prepared_parts(text)
        query = self._query(prepared)
        if query is not None:
            product = (query @ self.matrix_t).toarray()
            cosine = product.max(axis=0)
            coverage = self.coverage(text, prepared=accented)
            cosine = (((1 - self.cover_weight) * cosine + self.cover_weight * coverage)
                      * np.minimum(1.0, coverage / self.cover_floor))
        sigs = [s for s in signatures([(text or "")[:MAX_CHARS]]) if s.joinable]  # copies are copies throughout
        if sigs:
            for sig, candidates in zip(sigs, self.bands.query_matrix(np.stack([s.values for s in sigs])),
                                       strict=True):
                for i in candidates.tolist():
                    lexical[i] = max(lexical[i], jaccard(sig.shingles, self.shingles[i]))
        return cosine, lexical

    def match(self, text: str, *, exclude: set | None = None) -> Match | None:
        """The best-scoring claim (None for an empty index). `exclude`: claim keys not to return
        (an officer rejected them for this item)."""
        if not self.size:
            return None
        cosine, lexical = self.scores(text)
        best = np.maximum(cosine, lexical)
        if exclude:
            for i, key in enumerate(self.keys):
                if key in exclude:
                    best[i] = -1.0
        i = int(best.argmax())
        if best[i] < 0:
            return None
        return Match(self.keys[i], float(best[i]), "minhash" if lexical[i] >= cosine[i] else "tfidf")
