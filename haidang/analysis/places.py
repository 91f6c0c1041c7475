"""Places an item mentions: the 2025 provinces and wards (vietnam-provinces) plus legacy aliases.

`find_places(text, *, province_hint=None) -> list[dict]`, each
`{"name", "code", "level", "province_code", "province", "start", "end", "matched", "confidence", "legacy"}`.

Confidence rises with a division prefix ("xã Lìa", "phường Đồng Hới"), capitals and matching diacritics,
and falls when a name is shared by several provinces. Ambiguous ward names are resolved by the
province context: a province named in the same text, then `province_hint` (the source's), then the
home province (settings.HAIDANG_PROVINCE_CODE).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
from django.conf import settings

from haidang.text.normalize import clean, fold_aligned, nfc, normalize_tones

DATA_DIR = Path(__file__).resolve().parent / "data"

_PROVINCE_PREFIXES = ("thành phố ", "tỉnh ")
_WARD_PREFIXES = ("phường ", "xã ", "đặc khu ", "thị trấn ")
_PREFIX_WORDS = re.compile(r"(?:phường|xã|đặc khu|thị trấn|tỉnh|thành phố|tp\.?|p\.|x\.)\s*$")


@dataclass(frozen=True)
class Place:
    name: str
    code: int
    level: str  # province | ward
    province_code: int
    province: str
    legacy: bool = False


def _core(name: str, prefixes: tuple[str, ...]) -> str:
    lower = name.lower()
    for prefix in prefixes:
        if lower.startswith(prefix):
            return name[len(prefix):]
    return name


def _key(name: str) -> str:
    return normalize_tones(nfc(name).lower())


class Gazetteer:
    def __init__(self, home_province: int):
        from vietnam_provinces import Province, Ward

        self.home = home_province
        provinces = {int(p.code): p for p in Province.iter_all()}
        # folded key -> list of (Place, kind, exact lower-case form); kind: full | core | alias
        self.entries: dict[str, list[tuple[Place, str, str]]] = {}
        self.by_province_core: dict[str, Place] = {}
        ward_by_name: dict[tuple[int, str], Place] = {}
        for code, p in provinces.items():
            place = Place(p.name, code, "province", code, p.name)
            core = _core(p.name, _PROVINCE_PREFIXES)
            self.by_province_core[_key(core)] = place
            self._add(p.name, place, "full")
            self._add(core, place, "core")
        for w in Ward.iter_all():
            pcode = int(w.province_code)
            place = Place(w.name, int(w.code), "ward", pcode, provinces[pcode].name)
            ward_by_name[(pcode, _key(w.name))] = place
            self._add(w.name, place, "full")
            core = _core(w.name, _WARD_PREFIXES)
            # A bare one-word or numbered ward name ("Lìa", "Phường 1") is too ambiguous without its prefix.
            if len(core.split()) >= 2 and not any(ch.isdigit() for ch in core):
                self._add(core, place, "core")
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
        self.automaton = ahocorasick.Automaton()
        for key, values in self.entries.items():
            self.automaton.add_word(key, (key, values))
        self.automaton.make_automaton()

    def _add(self, name: str, place: Place, kind: str) -> None:
        exact = _key(name)
        self.entries.setdefault(fold_aligned(exact), []).append((place, kind, exact))


@functools.lru_cache(maxsize=4)
def gazetteer(home_province: int | None = None) -> Gazetteer:
    return Gazetteer(home_province or settings.HAIDANG_PROVINCE_CODE)


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


_KIND_BASE = {"full": 0.95, "alias": 0.85, "core": 0.7}


def find_places(text: str, *, province_hint=None, home_province: int | None = None,
                _resolve_hint: bool = True) -> list[dict]:
    """Places mentioned in `text`, best first, one entry per place (its best mention)."""
    text = clean(text)
    if not text:
        return []
    g = gazetteer(home_province)
    home = g.home
    haystack = fold_aligned(text)
    lowered = normalize_tones(text.lower()) if len(text.lower()) == len(text) else haystack
    n = len(haystack)
    raw: list[tuple[int, int, list]] = []
    for end_index, (key, values) in g.automaton.iter(haystack):
        start, end = end_index - len(key) + 1, end_index + 1
        if (start > 0 and _word(haystack[start - 1])) or (end < n and _word(haystack[end])):
            continue
        raw.append((start, end, values))
    if not raw:
        return []
    # Keep the longest mention where mentions overlap ("phường Đồng Hới" over "Đồng Hới").
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    kept: list[tuple[int, int, list]] = []
    for start, end, values in raw:
        if kept and start < kept[-1][1]:
            if end - start > kept[-1][1] - kept[-1][0]:
                kept[-1] = (start, end, values)
            continue
        kept.append((start, end, values))
    mentioned_provinces = {p.code for _s, _e, vals in kept for p, _k, _x in vals if p.level == "province"}
    hint = _province_code(province_hint) if _resolve_hint else None
    best: dict[int, dict] = {}
    for start, end, values in kept:
        span = text[start:end]
        exact_form = lowered[start:end]
        capitalised = span[:1].isupper()
        prefixed = bool(_PREFIX_WORDS.search(lowered[max(0, start - 12):start]))
        candidates = {}
        for place, kind, exact in values:
            conf = _KIND_BASE[kind]
            if kind == "core" and prefixed:
                conf = 0.9
            if kind != "full" and not capitalised and not prefixed:
                conf *= 0.6
            if exact != exact_form:
                conf *= 0.8 if exact_form == fold_aligned(exact_form) else 0.5  # no diacritics vs other ones
            key = (place.code, place.level)
            if key not in candidates or candidates[key][1] < conf:
                candidates[key] = (place, conf)
        options = list(candidates.values())
        if len(options) > 1:
            # Resolve by context: a province named in the text, the hint, then the home province.
            for context in (mentioned_provinces, {hint} if hint else set(), {home}):
                chosen = [o for o in options if o[0].province_code in context]
                if chosen:
                    options = chosen
                    break
        if len({o[0].code for o in options}) > 1:
            options = [(p, c / len(options)) for p, c in options]
        for place, conf in options:
            if conf < 0.25:
                continue
            entry = {"name": place.name, "code": place.code, "level": place.level,
                     "province_code": place.province_code, "province": place.province,
                     "start": start, "end": end, "matched": span, "confidence": round(conf, 3),
                     "legacy": place.legacy}
            if place.code not in best or best[place.code]["confidence"] < entry["confidence"]:
                best[place.code] = entry
    return sorted(best.values(), key=lambda e: (-e["confidence"], e["start"]))


def province_relevance(places: list[dict], home_province: int | None = None) -> float:
    """0..1: how surely the item is about the home province."""
    home = home_province or settings.HAIDANG_PROVINCE_CODE
    scores = [p["confidence"] for p in places if p["province_code"] == home]
    return max(scores, default=0.0)
