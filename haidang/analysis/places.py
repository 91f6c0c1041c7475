"""Places an item mentions: the 2025 provinces and wards (vietnam-provinces) plus legacy aliases.

`find_places(text, *, province_hint=None) -> list[dict]`, each
`{"name", "code", "level", "province_code", "province", "start", "end", "matched", "confidence", "legacy"}`,
places of the home province (settings.HAIDANG_PROVINCE_CODE) first, then by confidence.

What a mention may mean depends on the words right before it:
- a ward word ("phường", "xã", "P.", "thị trấn", "đặc khu") makes a ward/commune reading;
- "tỉnh", "thành phố" make a province reading; "huyện", "quận", "thị xã", "thành phố" a legacy one;
- street, facility and person words ("đường", "số 12", "bệnh viện", "chợ", "anh", "chị") block it.
Without such a word, only a province name, a configured alias (place_aliases.tsv) or a long name unique
in the gazetteer (3+ syllables, not a person's name) is read: bare two-syllable ward names are too often
ordinary words ("độc lập"), streets or people. Diacritics that differ from the name's ("còn có" for
"Cồn Cỏ") rule a reading out; missing ones ("phuong dong hoi") only lower it. Ambiguous names are
resolved by a province named in the same text, then `province_hint` (the source's), then the home province.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
from django.conf import settings

from haidang.text.normalize import clean, fold, fold_aligned, nfc, normalize_tones

DATA_DIR = Path(__file__).resolve().parent / "data"

_PROVINCE_PREFIXES = ("thành phố ", "tỉnh ")
_WARD_PREFIXES = ("phường ", "xã ", "đặc khu ", "thị trấn ")
# An administrative word leading a name or alias ("thành phố Đồng Hới"): the rest is the core.
_LEADING_ADMIN = re.compile(r"(?:phường|xã|đặc khu|thị trấn|tỉnh|thành phố|thị xã|huyện|quận)\s+")

# --- the words before a mention ------------------------------------------------------------------
WARD, PROVINCE, CITY, LEGACY, STREET, FACILITY, PERSON, NEUTRAL = (
    "ward", "province", "city", "legacy", "street", "facility", "person", "neutral")
# (word, class, ward type it names, may it be written without diacritics?)
_CONTEXT_WORDS = [
    ("phường", WARD, "phường", True), ("p.", WARD, "phường", True),
    ("xã", WARD, "xã", True), ("x.", WARD, "xã", True),
    ("thị trấn", WARD, "", True), ("tt.", WARD, "", True), ("đặc khu", WARD, "đặc khu", True),
    ("tỉnh", PROVINCE, "", True),
    ("thành phố", CITY, "", True), ("tp.", CITY, "", True), ("tp", CITY, "", True), ("t.p.", CITY, "", True),
    ("huyện", LEGACY, "", True), ("huyện đảo", LEGACY, "", True), ("quận", LEGACY, "", True), ("thị xã", LEGACY, "", True),
    ("tx.", LEGACY, "", True),
    # "hợp tác xã Thành Công" is a cooperative's name.
    ("hợp tác xã", STREET, "", True), ("htx", STREET, "", True),
    ("đường", STREET, "", True), ("phố", STREET, "", True), ("ngõ", STREET, "", True),
    ("ngách", STREET, "", True), ("hẻm", STREET, "", True), ("kiệt", STREET, "", True),
    ("số nhà", STREET, "", True), ("số", STREET, "", False), ("ql", STREET, "", True),
    ("ql.", STREET, "", True), ("quốc lộ", STREET, "", True), ("tỉnh lộ", STREET, "", True),
    ("đại lộ", STREET, "", True), ("khu phố", STREET, "", True), ("ngã ba", STREET, "", True),
    ("ngã tư", STREET, "", True), ("ngã năm", STREET, "", True),
    # A facility named after a place is not the place ("bệnh viện Đồng Hới").
    ("cầu", FACILITY, "", False), ("chợ", FACILITY, "", False), ("chợ đầu mối", FACILITY, "", True),
    ("trường", FACILITY, "", True), ("bệnh viện", FACILITY, "", True),
    ("bệnh viện đa khoa", FACILITY, "", True), ("bệnh viện đa khoa khu vực", FACILITY, "", True),
    ("trung tâm y tế", FACILITY, "", True), ("sân bay", FACILITY, "", True),
    ("cảng hàng không", FACILITY, "", True), ("bến xe", FACILITY, "", True),
    ("nhà ga", FACILITY, "", True), ("khách sạn", FACILITY, "", True),
    ("quảng trường", FACILITY, "", True),
    *[(f"trường {kind}", FACILITY, "", True) for kind in (
        "thpt", "thcs", "th", "tiểu học", "mầm non", "mẫu giáo", "đại học", "cao đẳng", "trung cấp",
        "trung học cơ sở", "trung học phổ thông", "chính trị", "quân sự")],
    # Compounds ending in a street/facility word that are ordinary words.
    *[(w, NEUTRAL, "", False) for w in ("thị trường", "môi trường", "hiện trường", "chiến trường",
                                        "yêu cầu", "nhu cầu", "toàn cầu", "thành phố và")],
    # Titles: what follows is a person's name ("chị Lệ Thủy").
    *[(w, PERSON, "", False) for w in ("anh", "chị", "em", "ông", "bà", "cô", "chú", "bác", "thầy",
                                       "cậu", "dì", "bạn", "bé", "cụ", "cháu", "mợ", "đồng chí", "đ/c",
                                       "chủ tịch", "ca sĩ", "diễn viên", "nhà thơ", "nhà văn", "tên")],
]


def _build_context():
    table: dict[str, tuple[str, str, bool]] = {}  # written form -> (class, ward type, accented?)
    for word, cls, ward_type, unaccented_ok in _CONTEXT_WORDS:
        table[word] = (cls, ward_type, True)
        folded = fold(word)
        if unaccented_ok and folded != word:
            table.setdefault(folded, (cls, ward_type, False))
    # Matched on the reversed text before a mention: one anchored attempt instead of a search, and,
    # longest first, "thành phố" wins over "phố", "thị xã" over "xã", "hợp tác xã" over both.
    def alternation(words):
        return "|".join(re.escape(w[::-1]) for w in sorted(words, key=len, reverse=True))
    plain = [w for w in table if not w.endswith(".")]
    dotted = [w for w in table if w.endswith(".")]
    pattern = re.compile(
        r"(?:\s+(?P<w>" + alternation(plain) + r")|\s*(?P<d>" + alternation(dotted) + r")"
        r"|\s+(?P<n>(?:[a-z]?\d{1,4}/)*[a-z]?\d{1,3}))(?![^\W_])")  # a house number: "12 Lý Thường Kiệt"
    return pattern, table


_CONTEXT_RE, _CONTEXT = _build_context()
_CONTEXT_WINDOW = 32  # longer than the longest context word
_OPENERS = "([{\"'“‘«-–,;:"

# A capitalised surname or middle name right before a bare name: a person ("Nguyễn Thị Lệ Thủy").
_SURNAMES = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đào đoàn đinh lương trương "
    "hà chu bế nùng khúc triệu tạ lục lưu trịnh mạc tô kiều lâm phùng quách thị văn".split())
# Long names that are mostly streets, people or events, not the ward ("chiến thắng Điện Biên Phủ").
_NOT_BARE = frozenset(("hai bà trưng", "điện biên phủ", "đốc binh kiều"))


@dataclass(frozen=True)
class Place:
    name: str
    code: int
    level: str  # province | ward
    province_code: int
    province: str
    legacy: bool = False

    @property
    def ward_type(self) -> str:
        first = self.name.split(" ", 1)[0].lower()
        return "đặc khu" if first == "đặc" else first


def _core(name: str, prefixes: tuple[str, ...]) -> str:
    lower = name.lower()
    for prefix in prefixes:
        if lower.startswith(prefix):
            return name[len(prefix):]
    return name


def _key(name: str) -> str:
    return normalize_tones(nfc(name).lower())


def _tidy(name: str) -> str:
    return " ".join(name.split())  # the package has a few double spaces ("Phường  Tân An")


def _variants(name: str) -> list[str]:
    """The name and, for "Văn Miếu - Quốc Tử Giám", the forms people write without the dash."""
    if "-" not in name and "–" not in name:
        return [name]
    parts = [p.strip() for p in re.split(r"\s*[-–]\s*", name)]
    return [name, " ".join(parts), "-".join(parts)]


class Gazetteer:
    def __init__(self, home_province: int):
        from vietnam_provinces import Province, Ward

        self.home = home_province
        provinces = {int(p.code): p for p in Province.iter_all()}
        # folded key -> list of (Place, kind, exact lower-case form, length of a leading admin word);
        # kind: full | core | alias
        self.entries: dict[str, list[tuple[Place, str, str, int]]] = {}
        self.by_province_core: dict[str, Place] = {}
        ward_by_name: dict[tuple[int, str], Place] = {}
        bare_candidates: list[str] = []
        for code, p in provinces.items():
            name = _tidy(p.name)
            place = Place(name, code, "province", code, name)
            core = _core(name, _PROVINCE_PREFIXES)
            self.by_province_core[_key(core)] = place
            self._add(name, place, "full")
            self._add(core, place, "core")
        for w in Ward.iter_all():
            pcode = int(w.province_code)
            name = _tidy(w.name)
            place = Place(name, int(w.code), "ward", pcode, _tidy(provinces[pcode].name))
            ward_by_name[(pcode, _key(name))] = place
            for variant in _variants(name):
                self._add(variant, place, "full")
            core = _core(name, _WARD_PREFIXES)
            # A bare one-word or numbered ward name ("Lìa", "Phường 1") is only read with its prefix.
            if len(core.split()) >= 2 and not any(ch.isdigit() for ch in core):
                bare_candidates.append(core)
                for variant in _variants(core):
                    self._add(variant, place, "core")
        for line in (DATA_DIR / "place_aliases.tsv").read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            alias, target = cols[0].strip(), cols[1].strip()
            level, _, name = target.partition(":")
            if level == "province":
                base = self.by_province_core.get(_key(_core(name, _PROVINCE_PREFIXES)))
            else:
                pcode = home_province
                if len(cols) > 3 and cols[3].strip():
                    prov = self.by_province_core.get(_key(_core(cols[3].strip(), _PROVINCE_PREFIXES)))
                    pcode = prov.code if prov else pcode
                base = ward_by_name.get((pcode, _key(name)))
            if base is None:
                continue  # an alias pointing at a unit of another province configuration
            self._add(alias, Place(base.name, base.code, base.level, base.province_code, base.province, True),
                      "alias")
        # Names read without an administrative word: long, unique (no other ward, province or alias
        # folds to it) and not shaped like a person's name.
        uses = Counter({key: len({(p.level, p.code) for p, *_ in vals}) for key, vals in self.entries.items()})
        self.bare: set[str] = set()
        for core in bare_candidates:
            exact = _key(core)
            syllables = exact.replace("-", " ").replace("–", " ").split()
            if (len(syllables) >= 3 and uses[fold_aligned(exact)] == 1 and exact not in _NOT_BARE
                    and syllables[0] not in _SURNAMES and syllables[1] not in ("văn", "thị")):
                self.bare.update(fold_aligned(_key(v)) for v in _variants(core))
        self.automaton = ahocorasick.Automaton()
        for key, values in self.entries.items():
            self.automaton.add_word(key, (key, values))
        self.automaton.make_automaton()

    def _add(self, name: str, place: Place, kind: str) -> None:
        exact = _key(name)
        lead = _LEADING_ADMIN.match(exact)
        self.entries.setdefault(fold_aligned(exact), []).append(
            (place, kind, exact, lead.end() if lead else 0))


def gazetteer(home_province: int | None = None) -> Gazetteer:
    # Cached by the resolved code, so a changed setting (tests, another deployment) is not served stale.
    return _gazetteer(int(home_province or settings.HAIDANG_PROVINCE_CODE))


@functools.lru_cache(maxsize=4)
def _gazetteer(home_province: int) -> Gazetteer:
    return Gazetteer(home_province)


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _province_code(hint) -> int | None:
    if hint is None or hint == "":
        return None
    if isinstance(hint, int) or (isinstance(hint, str) and hint.isdigit()):
        return int(hint)
    g = gazetteer()
    place = g.by_province_core.get(_key(_core(str(hint), _PROVINCE_PREFIXES)))
    if place:
        return place.code
    # A hint naming a ward or an alias ("Đồng Hới"): its province.
    found = find_places(str(hint), province_hint=None, _resolve_hint=False)
    return found[0]["province_code"] if found else None


def _context(lowered: str, text: str, at: int, unaccented: bool) -> tuple[str, str]:
    """(class, ward type) of the words right before `at`: ward/province/.../person, or "" for none."""
    m = _CONTEXT_RE.match(lowered[max(0, at - _CONTEXT_WINDOW):at][::-1])
    if m:
        if m.group("n"):
            return STREET, ""
        cls, ward_type, accented = _CONTEXT[(m.group("w") or m.group("d"))[::-1]]
        # "xa" (far) is "xã" only in a text written without diacritics.
        if accented or unaccented:
            return cls, ward_type
    if text[at - 1:at].isspace():
        prev = text[max(0, at - 12):at].split()
        word = prev[-1].lstrip(_OPENERS) if prev else ""
        if word[:1].isupper() and word.lower() in _SURNAMES:
            return PERSON, ""  # "Nguyễn Thị Lệ Thủy"
    return "", ""


def _diacritics(written: str, exact: str) -> float:
    """1 when `written` has the name's diacritics, 0.8 when it lacks some, 0 when it has others."""
    if written == exact:
        return 1.0
    for w, e in zip(written, exact, strict=True):
        if w != e and w != fold_aligned(e):
            return 0.0
    return 0.8


def _case(span: str) -> str:
    """"cap" when every syllable is capitalised, "lower" when none is, else "mixed"."""
    heads = [s[:1] for s in span.replace("-", " ").split()]
    upper = sum(h.isupper() for h in heads)
    return "cap" if upper == len(heads) else "lower" if upper == 0 else "mixed"


def _reading(g: Gazetteer, place: Place, kind: str, lead: int, ctx: str, ward_type: str,
             capitalised: bool, folded_key: str, span: str) -> float:
    """Confidence of one reading of a mention, 0 when the context rules it out."""
    if ctx in (STREET, PERSON):
        return 0.0
    if place.level == "province":
        if ctx in (PROVINCE, CITY):
            return 0.95
        if lead:  # an alias with its own word: "tỉnh Quảng Bình"
            return 0.95
        if ctx in (WARD, LEGACY):
            return 0.0  # "phường Quảng Trị" is the ward, "huyện X" never a province
        base = 0.8 if kind == "alias" else 0.75
        return base if capitalised else 0.45
    # ward level
    if ctx == FACILITY or ctx == PROVINCE:
        return 0.0
    if ctx == WARD:
        if kind == "full":
            return 0.95
        if ward_type and place.ward_type != ward_type:
            return 0.8  # "phường Phong Nha" for Xã Phong Nha: the old type or a slip
        return 0.9
    if ctx in (CITY, LEGACY):
        # A former district or city named like a current unit: mapped "where sensible".
        return 0.9 if kind == "alias" else 0.6
    if lead:
        return 0.95 if kind == "alias" else 0.0
    if kind == "alias":
        return 0.85 if capitalised else 0.5
    if kind == "core" and folded_key in g.bare:
        case = _case(span)
        return 0.8 if case == "cap" else 0.5 if case == "lower" else 0.0  # "phía nam Đông Hà"
    return 0.0


def find_places(text: str, *, province_hint=None, home_province: int | None = None,
                _resolve_hint: bool = True) -> list[dict]:
    """Places mentioned in `text`, home province first, one entry per place (its best mention)."""
    text = clean(text)
    if not text:
        return []
    g = gazetteer(home_province)
    home = g.home
    haystack = fold_aligned(text)
    lowered = None  # read only around a match (most posts name no place)
    n = len(haystack)
    scored: list[tuple[int, int, list[tuple[Place, float]]]] = []
    for end_index, (key, values) in g.automaton.iter(haystack):
        start, end = end_index - len(key) + 1, end_index + 1
        if (start > 0 and _word(haystack[start - 1])) or (end < n and _word(haystack[end])):
            continue
        if lowered is None:
            lower = text.lower()
            lowered = normalize_tones(lower) if len(lower) == len(text) else haystack
        written = lowered[start:end]
        unaccented = written.isascii()
        contexts: dict[int, tuple[str, str]] = {}
        options: list[tuple[Place, float]] = []
        for place, kind, exact, lead in values:
            at = start + lead
            if at not in contexts:
                contexts[at] = _context(lowered, text, at, unaccented)
            ctx, ward_type = contexts[at]
            if ctx == WARD and ward_type == "xã" and haystack[at:at + 4] == "hoi " and text[at:at + 1].islower():
                continue  # "xã hội an ninh": society, not Xã Hội An
            marks = _diacritics(written, exact)
            if not marks:
                # Other diacritics are another word ("của Việt"), unless a ward word vouches for a
                # long enough name ("xã Văn Lộc" for Xã Vạn Lộc).
                if ctx != WARD or len(exact[lead:].split()) < 2:
                    continue
                marks = 0.5
            conf = _reading(g, place, kind, lead, ctx, ward_type, text[at:at + 1].isupper(), key,
                            text[at:end]) * marks
            if conf >= 0.25:
                options.append((place, conf))
        if options:
            scored.append((start, end, options))
    if not scored:
        return []
    # Keep the longest mention where mentions overlap ("phường Đồng Hới" over "Đồng Hới").
    scored.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    kept: list[tuple[int, int, list[tuple[Place, float]]]] = []
    for start, end, options in scored:
        if kept and start < kept[-1][1]:
            if end - start > kept[-1][1] - kept[-1][0]:
                kept[-1] = (start, end, options)
            continue
        kept.append((start, end, options))
    mentioned_provinces = {p.province_code for _s, _e, opts in kept for p, _c in opts if p.level == "province"}
    hint = _province_code(province_hint) if _resolve_hint else None
    best: dict[tuple[str, int], dict] = {}  # (level, code): ward and province codes overlap (25)
    for start, end, options in kept:
        candidates: dict[tuple[str, int], tuple[Place, float]] = {}
        for place, conf in options:
            key = (place.level, place.code)
            if key not in candidates or candidates[key][1] < conf:
                candidates[key] = (place, conf)
        chosen = list(candidates.values())
        if len({p.level for p, _c in chosen}) > 1:
            # One mention, two levels ("TP Quảng Trị"): the context already scored them; keep the better.
            top = max(chosen, key=lambda o: o[1])[0].level
            chosen = [o for o in chosen if o[0].level == top]
        if len(chosen) > 1:
            # Resolve by context: a province named in the text, the hint, then the home province.
            for context in (mentioned_provinces, {hint} if hint else set(), {home}):
                narrowed = [o for o in chosen if o[0].province_code in context]
                if narrowed:
                    chosen = narrowed
                    break
        if len({o[0].code for o in chosen}) > 1:
            chosen = [(p, c / len(chosen)) for p, c in chosen]
        for place, conf in chosen:
            if conf < 0.25:
                continue
            entry = {"name": place.name, "code": place.code, "level": place.level,
                     "province_code": place.province_code, "province": place.province,
                     "start": start, "end": end, "matched": text[start:end], "confidence": round(conf, 3),
                     "legacy": place.legacy}
            key = (place.level, place.code)
            if key not in best or best[key]["confidence"] < entry["confidence"]:
                best[key] = entry
    return sorted(best.values(), key=lambda e: (e["province_code"] != home, -e["confidence"], e["start"]))


def province_relevance(places: list[dict], home_province: int | None = None) -> float:
    """0..1: how surely the item is about the home province (places elsewhere count nothing)."""
    home = home_province or settings.HAIDANG_PROVINCE_CODE
    scores = [p["confidence"] for p in places if p["province_code"] == home]
    return max(scores, default=0.0)
