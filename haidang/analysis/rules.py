"""Rule families: the evidence that decides a harm category. Learned scores may rank; rules decide.

Each family is data (lexicons in `data/`) plus a small function returning signals
`{"rule", "category", "score", "matches": [{"term", "start", "end"}], "detail", "reason", "quotes", "in"}`:
`reason` is one Vietnamese sentence for the officer, quoting the words as they appear in the post.

- scam: bait (transfer, prize, loan, deposit, job, credentials) with urgency, account numbers,
  shortened, suspicious or look-alike links (`data/official_domains.txt`, `data/link_lists.tsv`).
- impersonation: the name of an authority (police, courts, departments, people's committees, banks,
  the post) with a summons, a fine or an account check, sent to a private channel (Zalo, Telegram, a
  phone number, a link); and author names close to an agency's.
- incitement: a call to gather, block or attack, with a time, a place or weapons.
- misinformation (rumours): urging to share, false attribution ("Sở Y tế xác nhận"), cure claims,
  disaster claims. Raises a verification, never a removal on its own.
- personal data: citizen ID numbers, phones, bank accounts and home addresses, each with its context
  (Decree 13/2023/NĐ-CP).
- grievance: a complaint about a public service; it is answered.

Warnings and debunks quote scams and rumours to warn people: they are lawful and stay clean.
Deliberately absent: any rule about political opinion or criticism of officials or policies. Criticism
is answered, never flagged; tests pin this down.
"""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import ahocorasick
from rapidfuzz import fuzz, process

from haidang.text.normalize import clean, code_point_ranges, fold, fold_aligned, normalize, normalize_tones

from .choices import HarmCategory

DATA_DIR = Path(__file__).resolve().parent / "data"

# --- gates: cheap checks that spare a pattern's scan of a text it cannot match ---------------------

# Each gate below is a necessary condition of what it guards, so that skipping changes no output; the tests
# turn them all off (`_GATED = False`) and compare (haidang/analysis/tests/test_speed_rules.py).
_GATED = True
# Patterns whose every match holds a digit (an amount, a time, a number) are not run on a text without one.
_HAS_DIGIT = re.compile(r"\d")


def _digits(text: str) -> bool:
    """False only when the text holds no digit."""
    return not _GATED or _HAS_DIGIT.search(text) is not None


def _holds(text: str, words: re.Pattern) -> bool:
    """False only when a case-sensitive pattern holding one of `words` (see `_words`) cannot match."""
    return not _GATED or words.search(text) is not None
# Characters whose case the regex engine reads otherwise than `str.lower` does: "İ" lowers to two characters,
# and an IGNORECASE "i" or "s" also matches the dotless "ı" and the long "ſ" (as "ṡ" matches "ẛ").
_CASE_ODD = re.compile("[\u0130\u0131\u017f\u1e9b]")


@functools.lru_cache(maxsize=1024)
def _lowered(text: str) -> str | None:
    return None if _CASE_ODD.search(text) else text.lower()


def _words(*words: str) -> re.Pattern:
    """The words (lower-case Latin letters, as an IGNORECASE pattern writes them) as a case-sensitive pattern:
    the engine skips ahead to their first letters, which it cannot do for a case-insensitive one."""
    return re.compile("|".join(map(re.escape, words)))


def _may_hold(text: str, words: re.Pattern) -> bool:
    """False only when no IGNORECASE match of a pattern holding one of `words` (see `_words`) can be in the
    text: one cheap search of the lower-cased text instead of a scan by the pattern."""
    if not _GATED:
        return True
    low = _lowered(text)
    return low is None or words.search(low) is not None


# --- lexicons -------------------------------------------------------------------------------------------


_REPEATS = re.compile(r"([^\W\d_])\1{2,}")


@functools.lru_cache(maxsize=1)
def _lexicons() -> tuple[ahocorasick.Automaton, ahocorasick.Automaton, ahocorasick.Automaton, dict[str, str],
                         dict[str, frozenset[str]]]:
    """(folded terms, accent-exact terms, the exact terms folded, display form of each key, and for each key
    written with accents at least once the accented forms it is written in).

    A term written `=đánh` matches with its accents only: folded, `đánh` is `danh` (a name), `gậy` is
    `gây` (to cause), `ngay` is `ngày`. In a post typed without any accents, the folded form is all
    there is, so the exact terms then match folded too."""
    folded: dict[str, list[tuple[str, bool]]] = {}
    exact: dict[str, list[tuple[str, bool]]] = {}
    exact_folded: dict[str, list[tuple[str, bool]]] = {}
    display: dict[str, str] = {}
    accented_forms: dict[str, set[str]] = {}
    for line in (DATA_DIR / "rule_terms.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        group, term = (s.strip() for s in line.split("\t", 1))
        is_exact = term.startswith("=")
        # "==con đĩ": accents required even in a post typed without any ("con di" is "con đi", a child walking).
        always_exact = term.startswith("==")
        term = term.lstrip("=")
        prefix = term.endswith("*")
        term = term.rstrip("*")
        # The text is normalised with runs of a repeated letter collapsed ("CCCD" becomes "cd"): the
        # lexicon's keys are too, or "gửi CCCD" could never match "gửi cccd".
        key = _REPEATS.sub(r"\1", fold(term))
        display.setdefault(key, term)
        accented_forms.setdefault(key, set()).add(_REPEATS.sub(r"\1", normalize_tones(term.lower())))
        if is_exact:
            accented = _REPEATS.sub(r"\1", normalize_tones(term.lower()))
            display.setdefault(accented, term)
            exact.setdefault(accented, []).append((group, prefix))
            if not always_exact:
                exact_folded.setdefault(key, []).append((group, prefix))
        else:
            folded.setdefault(key, []).append((group, prefix))
    automata = []
    for entries in (folded, exact, exact_folded):
        automaton = ahocorasick.Automaton()
        for key, groups in entries.items():
            # The folded display form each hit reports as its term, computed once per key.
            automaton.add_word(key, (key, groups, fold(display.get(key, key))))
        if entries:
            automaton.make_automaton()
        automata.append(automaton)
    accented = {k: frozenset(v) for k, v in accented_forms.items() if any(f != k for f in v)}
    return automata[0], automata[1], automata[2], display, accented


def _lexicon() -> ahocorasick.Automaton:
    return _lexicons()[0]


def folded_pattern(rx: re.Pattern) -> re.Pattern:
    """The same pattern for text typed without accents: its words folded ("mong cơ quan" -> "mong co quan")."""
    return re.compile(fold(rx.pattern), rx.flags)


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _unaccented(text: str, folded: str) -> bool:
    """Typed without diacritics: (almost) no letter changes when folded."""
    letters = changed = 0
    for a, b in zip(text, folded, strict=False):
        if a.isalpha():
            letters += 1
            changed += a != b and a.lower() != b
    return letters > 0 and changed <= letters * 0.01


class _LetterKinds(dict):
    """Code point -> "\x01" for a letter that folding changes beyond its case, "\x02" for another letter,
    None (dropped) for the rest; filled as characters are met. `fold_aligned` maps each character on its own,
    so `_unaccented(text, fold_aligned(text))` only counts characters of these two kinds."""

    def __missing__(self, code: int) -> str | None:
        ch = chr(code)
        folded = fold_aligned(ch)
        kind = ("\x01" if ch != folded and ch.lower() != folded else "\x02") if ch.isalpha() else None
        self[code] = kind
        return kind


_LETTER_KINDS = _LetterKinds()
_ASCII_LETTER = re.compile("[A-Za-z]")


def _unaccented_text(text: str) -> bool:
    """`_unaccented(text, fold_aligned(text))`, counted by one `str.translate` instead of a loop."""
    if text.isascii():
        return _ASCII_LETTER.search(text) is not None  # folding changes no ASCII letter beyond its case
    letters = text.translate(_LETTER_KINDS)
    return len(letters) > 0 and letters.count("\x01") <= len(letters) * 0.01


@functools.lru_cache(maxsize=512)
def typed_without_accents(text: str) -> bool:
    return _unaccented_text(text)


def _scan(automaton: ahocorasick.Automaton, hay: str, out: dict[str, list[dict]], display: dict) -> None:
    if len(automaton) == 0:
        return
    n = len(hay)
    for end_index, (key, groups, term) in automaton.iter(hay):
        start, end = end_index - len(key) + 1, end_index + 1
        if start > 0 and _word(hay[start - 1]):
            continue
        whole = end >= n or not _word(hay[end])
        for group, prefix in groups:
            if whole or prefix:
                out.setdefault(group, []).append({"term": term, "start": start, "end": end})


def lexicon_hits(normalized: str, unaccented: bool | None = None) -> dict[str, list[dict]]:
    """Group -> hits (term, start, end) in a normalised text, whole words; accent-insensitive except for
    the terms marked `=` in the lexicon (see `_lexicons`). `unaccented`: the post as written had no accents
    (teencode expansion puts some back: "m" -> "mày"); measured on the normalised text when not given."""
    folded_auto, exact_auto, exact_folded_auto, display, accented_forms = _lexicons()
    hay = fold_aligned(normalized)
    out: dict[str, list[dict]] = {}
    _scan(folded_auto, hay, out, display)
    plain = typed_without_accents(normalized) if unaccented is None else unaccented
    if not plain:
        _drop_other_words(normalized, out, accented_forms)
    if plain:
        _scan(exact_folded_auto, hay, out, display)
    else:
        _scan(exact_auto, normalized.lower() if len(normalized.lower()) == len(normalized) else normalized, out, display)
    if "reader_action" in out:
        out["reader_action"] = [h for h in out["reader_action"] if _addressed(normalized, hay, h["start"])]
        if not out["reader_action"]:
            del out["reader_action"]
    return out


@functools.lru_cache(maxsize=1)
def _terms_by_length() -> dict[int, list[tuple[str, list[tuple[str, bool]], str]]]:
    """Every lexicon key (folded, exact ones too) by its number of words: what a masked phrase may spell."""
    out: dict[int, list] = {}
    for automaton in (_lexicons()[0], _lexicons()[2]):
        if len(automaton):
            for key, value in automaton.items():
                out.setdefault(len(key.split()), []).append(value)
    return out


_MASKED_TOKEN = re.compile(r"[\w*]*\w\*[\w*]*|[\w*]*\*\w[\w*]*")


def masked_hits(text: str, normalized: str) -> dict[str, list[dict]]:
    """Words with letters starred out ("toàn l*a đ*o", "óc c*"): a star stands for one to three letters, and
    a phrase of one to three words holding one is read as the lexicon term it spells, if it spells one. At
    least three letters of the phrase must show, or "c*" alone could be anything.

    Normalising reads a star between letters as a separator ("c*ô*n*g a*n" is "công an"), so "l*a đ*o"
    becomes "la đo": the phrase is read from the cleaned text, and its hit placed where that joined form
    stands in the normalised text (the occurrence nearest the same place)."""
    out: dict[str, list[dict]] = {}
    if "*" not in text:
        return out
    _scan_masked(fold_aligned(text), out)
    hay = fold_aligned(normalized)
    placed: dict[str, list[dict]] = {}
    for group, hits in out.items():
        for h in hits:
            joined = fold_aligned(text[h["start"]:h["end"]]).replace("*", "")
            spots = [m.start() for m in re.finditer(re.escape(joined) + r"(?!\w)", hay)]
            if spots:
                at = min(spots, key=lambda p: abs(p - h["start"]))
                placed.setdefault(group, []).append({**h, "start": at, "end": at + len(joined)})
    return placed


def _scan_masked(hay: str, out: dict[str, list[dict]]) -> None:
    words = list(re.finditer(r"[\w*]+", hay))
    by_length = _terms_by_length()
    seen = set()
    for i, w in enumerate(words):
        if not _MASKED_TOKEN.fullmatch(w.group(0)):
            continue
        for lo in range(max(0, i - 2), i + 1):
            for hi in range(i + 1, min(len(words), lo + 3) + 1):
                window = words[lo:hi]
                if sum(ch.isalnum() for m in window for ch in m.group(0)) < 3:
                    continue
                pattern = re.compile(r"\s+".join(re.escape(m.group(0)).replace(r"\*", r"\w{1,3}") for m in window))
                start, end = window[0].start(), window[-1].end()
                for key, groups, term in by_length.get(hi - lo, ()):
                    if "*" not in key and pattern.fullmatch(key) and (key, start) not in seen:
                        seen.add((key, start))
                        for group, _prefix in groups:
                            out.setdefault(group, []).append({"term": term, "start": start, "end": end})


def _drop_other_words(normalized: str, out: dict[str, list[dict]], accented_forms: dict[str, frozenset[str]]) -> None:
    """In a post typed with accents, a folded match whose accents are those of another word is no match:
    "ảnh CCCD 2 mặt cho tư vấn viên" holds no "mất chó", "ngộ độc" no "ngõ". A stretch typed without
    accents inside an accented post still matches ("cảnh báo: tin nhắn 'tai khoan bi khoa'")."""
    lowered = normalized.lower()
    if len(lowered) != len(normalized):
        return
    for group in list(out):
        kept = []
        for hit in out[group]:
            forms = accented_forms.get(_collapsed(hit["term"]))
            if forms is None:
                kept.append(hit)
                continue
            written, bare = _written(lowered[hit["start"]:hit["end"]])
            if written in forms or bare:
                kept.append(hit)
        if kept:
            out[group] = kept
        else:
            del out[group]


@functools.lru_cache(maxsize=4096)
def _collapsed(term: str) -> str:
    return _REPEATS.sub(r"\1", term)


@functools.lru_cache(maxsize=4096)
def _written(words: str) -> tuple[str, bool]:
    """A stretch of the post as `_drop_other_words` compares it (tones unified, repeats collapsed), and
    whether it is written without accents."""
    written = _REPEATS.sub(r"\1", normalize_tones(words))
    return written, written == fold(written)


# "đừng bấm vào", "không nên truy cập": the warning's own advice, not the scam's call.
_NEGATED_BEFORE = re.compile(r"(?<!\w)(?:dung|khong|ko|k|cho|chua|dung co|khong nen|tuyet doi khong)(?!\w)[^.!?\n]{0,20}$")


def _addressed(normalized: str, hay: str, start: int) -> bool:
    """A call to act that the post itself makes: not inside a quotation and not negated just before."""
    before = normalized[:start]
    inside_quote = before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")
    return not inside_quote and not _NEGATED_BEFORE.search(hay[max(0, start - 40):start])


def display_term(key: str) -> str:
    """The lexicon's own spelling of a folded key (with accents), for quoting what the post only implied."""
    return _lexicons()[3].get(key, key)


def _combine(*weights: float) -> float:
    """Noisy-OR of independent pieces of evidence."""
    p = 1.0
    for w in weights:
        p *= 1.0 - max(0.0, min(1.0, w))
    return round(1.0 - p, 3)


def _signal(rule: str, category: str, score: float, matches: list[dict], detail: str = "",
            reason: str = "") -> dict:
    return {"rule": rule, "category": category, "score": round(score, 3), "matches": matches, "detail": detail,
            "in": "normalized", "reason": reason}


# --- links ---------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _link_lists() -> tuple[frozenset, frozenset, tuple[str, ...], frozenset]:
    shorteners, tlds, brands = set(), set(), set()
    for line in (DATA_DIR / "link_lists.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        kind, value = (s.strip().lower() for s in line.split("\t", 1))
        {"shortener": shorteners, "tld": tlds, "brand": brands}.get(kind, set()).add(value)
    official = tuple(
        line.strip().lower() for line in (DATA_DIR / "official_domains.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    return frozenset(shorteners), frozenset(tlds), official, frozenset(brands)


def _host(url: str) -> str:
    if "://" not in url:
        url = "http://" + url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def host_of(url: str) -> str:
    return _host(url) if url else ""


def is_official_host(host: str) -> bool:
    official = _link_lists()[2]
    return host.endswith(".gov.vn") or host == "gov.vn" or any(host == d or host.endswith("." + d) for d in official)


# "gov" as a label or a part of one ("thue-hoantien.vn-gov.info", "gov-vn.top"): only .gov.vn hosts are the state's.
_GOV_LABEL = re.compile(r"(?:^|[-_])gov(?:vn)?(?:[-_]|$)")


def link_signals(urls: list[dict]) -> list[dict]:
    """Shortened links, suspicious top-level domains and look-alikes of official domains."""
    shorteners, tlds, official, brands = _link_lists()
    out = []
    for u in urls:
        host = _host(u["value"])
        if not host or is_official_host(host):
            continue
        match = [{"term": u["value"], "start": u["start"], "end": u["end"]}]
        labels = host.split(".")
        if host in shorteners:
            out.append({**_signal("scam.short_link", HarmCategory.SCAM, 0.3, match, host), "in": "text"})
            continue
        # Look-alike: an official domain's name inside another host, or a near miss of one.
        core = labels[-3] if len(labels) >= 3 and labels[-2] in ("com", "gov", "net", "org") else labels[-2] \
            if len(labels) >= 2 else host
        official_cores = {d.split(".")[0] for d in official if d != "gov.vn"}
        near = process.extractOne(core, official_cores, scorer=fuzz.ratio, score_cutoff=75)
        # Brand or government words in a host that is not theirs ("vcb-xacthuc.com", "dichvucong-gov.top").
        has_gov_word = any(_GOV_LABEL.search(label) for label in labels[:-1]) or any(b in host for b in brands)
        if has_gov_word or near or any(oc in host for oc in official_cores if len(oc) >= 5):
            detail = host + (f" ~ {near[0]}" if near else "")
            out.append({**_signal("scam.lookalike_domain", HarmCategory.SCAM, 0.85, match, detail), "in": "text"})
        elif labels[-1] in tlds:
            out.append({**_signal("scam.suspicious_tld", HarmCategory.SCAM, 0.3, match, host), "in": "text"})
    return out


# --- quoting: the words as the post writes them -----------------------------------------------------

try:  # undoes soft hyphens, zero-width characters, look-alike letters and spaced letters, with offsets
    from haidang.text.normalize import deobfuscate_aligned
except ImportError:  # pragma: no cover - older text module
    def deobfuscate_aligned(text: str) -> tuple[str, list[int]]:
        return text, list(range(len(text)))


class Quoter:
    """Finds where a folded lexicon term sits in the post as written, so that a reason can quote it with
    its accents (and its evasions: a quote of `l­ừa` keeps the soft hyphen the writer hid in it)."""

    def __init__(self, text: str):
        self.text = clean(text)
        self._hay = None  # built on the first quote: most posts give no family anything to quote

    def _prepare(self) -> None:
        plain, self._index = deobfuscate_aligned(self.text)
        self._hay = fold_aligned(plain)
        lowered = normalize_tones(plain.lower())
        self._lower = lowered if len(lowered) == len(plain) else self._hay

    def locate(self, term: str) -> tuple[int, int] | None:
        """Where the term is written with its own accents, else where its folded form is."""
        if self._hay is None:
            self._prepare()
        exact = normalize_tones(display_term(fold(term)).lower())
        span = self._find(self._lower, exact) if exact else None
        return span if span is not None else self._find(self._hay, fold(term))

    def _find(self, hay: str, key: str) -> tuple[int, int] | None:
        if not key:
            return None
        start = hay.find(key)
        while start >= 0:
            end = start + len(key)
            if (start == 0 or not _word(hay[start - 1])) and (end >= len(hay) or not _word(hay[end])):
                return self._index[start], self._index[end - 1] + 1
            start = hay.find(key, start + 1)
        return None

    def matches(self, hits: list[dict]) -> tuple[list[dict], list[str]]:
        """Hits found in the normalised text → (matches with offsets into the text, quotes)."""
        spans, unplaced = set(), []
        for hit in hits:
            span = self.locate(hit["term"])
            if span is None:
                unplaced.append(display_term(hit["term"]))
            else:
                spans.add(span)
        # "công an tỉnh" says all that "công an" would: quote the longest of overlapping words, in order.
        kept = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
        located = [{"term": self.text[a:b], "start": a, "end": b} for a, b in sorted(kept)]
        # A word the post only implies (teencode "đm" read as its expansion) is not quoted as if written.
        quotes = [m["term"] for m in located] or unplaced
        return located, list(dict.fromkeys(quotes))


def _quoted(quotes: list[str], limit: int = 8) -> str:
    return ", ".join(f"“{q}”" for q in quotes[:limit])


def mask_digits(value: str) -> str:
    """A personal number shown in a reason is masked: the first three and the last two digits stay."""
    digits = [c for c in value if c.isdigit()]
    if len(digits) <= 5:
        return "*" * len(value)
    keep = set(range(3)) | {len(digits) - 2, len(digits) - 1}
    out, seen = [], 0
    for c in value:
        if c.isdigit():
            out.append(c if seen in keep else "*")
            seen += 1
        else:
            out.append(c)
    return "".join(out)


def _rule(rule: str, category: str, score: float, hits: list[dict], lead: str, quoter: Quoter | None,
          detail: str = "", extra_quotes: list[str] | None = None) -> dict:
    if quoter is not None:
        matches, quotes = quoter.matches(hits)
        where = "text"
    else:
        matches, quotes, where = hits, [h["term"] for h in hits], "normalized"
    quotes = list(dict.fromkeys([*(extra_quotes or []), *quotes]))
    reason = f"{lead}: {_quoted(quotes)}." if quotes else f"{lead}."
    return {"rule": rule, "category": category, "score": round(min(1.0, score), 3), "matches": matches,
            "detail": detail, "in": where, "reason": reason, "quotes": quotes[:8]}


def _as_written(entity: dict, text: str | None) -> str:
    """A number quoted as the post writes it ("0355 410 627", not "0355410627"), when the offsets fit."""
    value = str(entity["value"])
    start, end = entity.get("start", -1), entity.get("end", -1)
    if text and 0 <= start < end <= len(text):
        written = text[start:end]
        if re.sub(r"\W", "", written).lower() == re.sub(r"\W", "", value).lower():
            return written
    return value


def _entity_matches(entities: list[dict], mask: bool = False, text: str | None = None) -> tuple[list[dict], list[str]]:
    matches = [{"term": mask_digits(_as_written(e, text)) if mask else _as_written(e, text), "start": e["start"],
                "end": e["end"]} for e in entities]
    return matches, [m["term"] for m in matches]


# Words that look like violence or obstruction but are not, in their common pairs ("đánh giá",
# "ngăn chặn", "chém gió", "đâm đơn" is filing a petition).
_HARMLESS_PAIRS_WRITTEN = (
    "đánh giá", "đánh bắt", "đánh cá", "đánh thuế", "đánh dấu", "đánh số", "đánh máy", "đánh răng", "đánh bạc",
    "đánh thức", "đánh bóng", "đánh vần", "ngăn chặn", "chặn đứng", "phá sản", "khám phá", "đột phá", "phá án",
    "phá kỷ lục", "đốt rác", "đốt đồng", "đốt rơm", "đốt rạ", "đốt cỏ", "đốt củi", "đốt than", "đốt lửa", "đốt vàng mã", "chém gió", "giết thời gian", "đâm đơn", "đâm ra",
    "ném bóng", "trả thù lao", "tấn công mạng", "đánh cầu", "đánh cầu lông", "đánh cờ", "đánh bài", "đánh đàn",
    "đánh trống", "đánh golf", "đánh tennis", "đánh bại", "đánh bóng bàn", "đánh giày", "đánh vật", "tấn công khung thành",
    "muỗi đốt", "ong đốt", "kiến đốt", "bị đốt", "đánh đổi", "đánh mất", "đánh động", "đánh tiếng", "đánh liều", "đánh lừa", "đánh rơi", "đánh giá cao",
    "phong tỏa tài khoản", "chặn số", "chặn tin nhắn", "chặn tài khoản", "đốt pháo", "đốt nến", "đốt calo", "đốt mỡ",
    # a dam ("đập") is not a blow
    "vỡ đập", "đập thủy điện", "đập tràn", "thân đập", "hồ đập", "quản lý đập", "đập nước", "nứt đập", "đập đã",
    "đập sắp", "chân đập", "mặt đập", "đập chính", "đập phụ",
    # typed without accents, "danh" is also "đánh" and "chan" also "chặn"
    "mạo danh", "giả danh", "danh sách", "danh dự", "danh hiệu", "điểm danh", "danh tính", "nặc danh", "danh nghĩa",
    "danh thiếp", "chăn thả", "chăn nuôi", "chăn trâu", "chăn bò", "bàn chân", "chân thành", "chân dung", "chân đê",
    "chân núi", "chân tay", "tay chân", "chân cầu", "chăn màn", "chăn gối", "chân vịt",
    # games: a boss, monsters, a ranked match
    "đánh boss", "đánh quái", "đánh rank", "đánh game", "đánh trùm", "đánh lẻ",
    # pests on the farm
    "giết chuột", "diệt chuột", "đánh bả", "đánh bẫy", "giết sâu", "diệt sâu", "giết cỏ",
)
_HARMLESS_PAIRS = frozenset(fold(p) for p in _HARMLESS_PAIRS_WRITTEN)
# Folded, "chặn cầu" is "chân cầu": where the post is typed with accents, a pair counts only as written.
_HARMLESS_PAIRS_ACCENTED = frozenset(p.lower() for p in _HARMLESS_PAIRS_WRITTEN)


# "chặn đường ven sông để tổ chức lễ hội, bà con đi đường khác": a road closed by notice, not a blockade.
_ROAD_CLOSURE = re.compile(r"(?<!\w)(?:de to chuc|de thi cong|de sua|phuc vu|phan luong|di vong|di duong khac|"
                           r"re huong|tam cam|cam duong|cam xe|tam dong|dieu tiet|di cham)(?!\w)")
# "đất đá chặn đường", "cây đổ chặn lối": nature blocks a road, nobody is called to.
_NATURE_BEFORE = re.compile(r"(?<!\w)(?:dat da|da lan|sat lo|cay do|cay|nuoc|lu|bun dat|dat)\s+$")


def _around(hay: str, h: dict) -> set[str]:
    # Words only: "gãy chân vịt." is the pair "chân vịt" with its full stop.
    before = re.findall(r"\w+", hay[max(0, h["start"] - 12):h["end"]])
    after = re.findall(r"\w+", hay[h["start"]:h["end"] + 16])
    return {" ".join(before[-2:]), " ".join(before[-3:]), " ".join(after[:2]), " ".join(after[:3])}


# Words said by someone else and told as a story ("cứ hét “chém nó đi!”" at a game): reported, not called for.
_REPORTED_SPEECH = re.compile(r"(?<!\w)(?:hét|hét lên|la|la lên|nói|chửi|bảo|kêu|gào|hô|quát|rủa|het|noi|chui|bao|keu|"
                              r"gao|quat)(?!\w)[^\"“\n]{0,30}?[\"“]([^\"”]{2,200})[\"”]", re.IGNORECASE)
# …or the quote first: "“chém nó đi mi” là thằng Hùng hét khi tao cầm tướng".
_REPORTED_AFTER = re.compile(r"[\"“]([^\"”]{2,200})[\"”][^\"“\n]{0,30}?(?<!\w)(?:hét|la|nói|chửi|bảo|kêu|gào|hô|quát|het|"
                             r"noi|chui|keu|gao|quat)(?!\w)", re.IGNORECASE)
# "chặn đứng" is to stop something ("chặn đứng dịch bệnh"), unless a road follows ("chặn đứng QL9").
_DUNG_THEN_ROAD = re.compile(r"\s+dung\s+(?:ql\d*\w?|quoc lo|duong|cau|tinh lo|cao toc|nga|loi)(?!\w)")


def reported_speech(normalized: str) -> list[tuple[int, int]]:
    if '"' not in normalized and "“" not in normalized:
        return []
    return sorted({m.span(1) for rx in (_REPORTED_SPEECH, _REPORTED_AFTER) for m in rx.finditer(normalized)})


# A claim or a slur named in quotes as a thing the post talks about: "cái tin “uống chanh muối khỏi tiêm cúm”",
# "mấy cái clip “lá đu đủ chữa ung thư”", "cái trò “dân Quảng Bình ranh mãnh”".
_MENTIONED = re.compile(r"(?<!\w)(?:tin|clip|video|bài|câu|kiểu|trò|chữ|luận điệu|tin đồn|thông tin|cai tin|cau|kieu|tro|"
                        r"chu|bai|luan dieu|tin don|thong tin)\s*:?\s*[\"“]([^\"”]{2,200})[\"”]", re.IGNORECASE)


def mentioned(normalized: str) -> list[tuple[int, int]]:
    """Quoted words the post reports or talks about, rather than says: reported speech and named claims."""
    if '"' not in normalized and "“" not in normalized:
        return []
    return sorted(set(reported_speech(normalized)) | {m.span(1) for m in _MENTIONED.finditer(normalized)})


def _unmentioned(lex: dict, spans: list[tuple[int, int]]) -> dict:
    if not spans:
        return lex
    return {g: kept for g, hits in lex.items()
            if (kept := [h for h in hits if not any(s <= h["start"] and h["end"] <= e for s, e in spans)])}


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    for s, e in spans:
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def _drop_harmless(hay: str, hits: list[dict], normalized: str = "") -> list[dict]:
    out = []
    for h in hits:
        if h["term"] == "chan" and _DUNG_THEN_ROAD.match(hay, h["end"]):
            out.append(h)
            continue
        if h["term"].startswith(("chan", "phong toa")) and (_ROAD_CLOSURE.search(hay, h["end"], h["end"] + 120)
                                                          or _NATURE_BEFORE.search(hay, max(0, h["start"] - 12), h["start"])):
            continue
        written = normalized[h["start"]:h["end"]].lower() if normalized else ""
        if written and written != fold(written):
            harmless = bool(_around(normalized.lower(), h) & _HARMLESS_PAIRS_ACCENTED)
        else:
            harmless = bool(_around(hay, h) & _HARMLESS_PAIRS)
        if not harmless:
            out.append(h)
    return out


# "cả khoa bị phong tỏa", "đã bị đánh": what happened to someone, not a call.
_PASSIVE = re.compile(r"(?<!\w)(?:bi|duoc|da bi)\s+$")
_HAY_QUESTION = re.compile(r"\s+(?:sao|khong|ko|k|kg|hem|chua|la|lam|qua|nhi|that|ghe|vay|z|do|nua|roi)(?!\w)")
_NOT_BEFORE = re.compile(r"(?<!\w)(?:khong|ko|k|chang|cha)\s+$")  # "không phải", "ko phải": not "phải" (must)
# "chứ ko phải chém thật": an act denied.
_DENIED = re.compile(r"(?<!\w)(?:khong phai|ko phai|k phai|kp|chu khong|chu ko|chu k)\s+(?:la\s+)?$")
_WEAK_CALLS = frozenset(fold(w) for w in ("phải", "hãy", "tất cả", "quyết", "mọi người"))
# "tao … mày": one person threatening another (harassment), not a call on others to act.
_PERSONAL_THREAT = re.compile(r"(?<!\w)(?:tao|tau|t|tui)(?!\w).*(?<!\w)(?:mày|mi|m|may)(?!\w)", re.IGNORECASE | re.DOTALL)
_COMMAND_DI = re.compile(r"[^.!?\n]*?\s(đi|di)(?=\s*(?:[,.!?\n]|$))")
# "mang theo gậy", "mỗi đứa mang một cây gậy", "cầm mấy thanh sắt": a count or a classifier may stand between.
_CARRY_BEFORE = re.compile(r"(?<!\w)(?:mang|cam|vac|xach|dem|thu|chuan bi|chuan bi san|giau)"
                           r"(?:\s+(?:theo|san|ca|them|mot|\d+|cay|cai|thanh|con|vai|may|it)){0,2}\s+$")
_HOSTILE = re.compile(r"(?<!\w)(?:bon|tui|chung no|xu ly bon|xu|danh|tra thu|biet tay|thanh toan|dap)(?!\w)")
_CLOCK = re.compile(r"(?<!\w)(\d{1,2})\s?(?:h|giờ|gio)(?:\s?\d{2})?(?!\w)", re.IGNORECASE)


# --- the families ----------------------------------------------------------------------------------

_BAIT = ("transfer", "prize", "loan", "deposit", "job", "credential")
WARNING_CAP = 0.2  # a warning or a debunk quotes the scam or the rumour: it stays below "needs a look"

_LINK_LEADS = {
    "scam.short_link": "Đường dẫn rút gọn che giấu địa chỉ thật",
    "scam.lookalike_domain": "Tên miền giả dạng trang chính thức",
    "scam.suspicious_tld": "Tên miền có đuôi hay gặp ở trang lừa đảo",
}


# A warning word inside a rumour's own push is not a warning: "đừng tin báo chí", "khuyến cáo:", "kẻo mất trắng".
_NOT_WARNING = ("rumour_coverup", "rumour_panic", "rumour_attr", "rumour_drastic", "rumour_share",
                "rumour_claim_health", "rumour_cure_strong", "rumour_cure")


# Warning words a scam also uses to frighten ("tài khoản có nguy cơ bị mất tiền", "cẩn thận kẻo lỡ"): they
# frame a warning only when the post itself makes no call to act (see `_addressed`).
_WEAK_WARNING = frozenset(fold(w) for w in (
    "cẩn thận", "mọi người cẩn thận", "bà con cẩn thận", "cả nhà cẩn thận", "bị mất tiền", "mất sạch tiền",
    "nhiều người bị lừa", "đã có người bị lừa", "lưu ý", "khuyến cáo", "coi chừng", "tỉnh táo", "bị lừa",
    "đã bị lừa", "mất trắng", "tránh bị lừa", "mắc bẫy", "dính bẫy", "đừng tin", "không bao giờ", "nhận được tin nhắn",
    "nhận tin nhắn", "đúng quy định", "có giấy phép", "tôi vừa nhận", "vừa nhận sms", "vừa nhận được tin",
    "đã xác minh"))
# "Đừng ai uống nước giếng nữa" warns, unless the post says the danger is hidden: then it spreads a rumour.
_WEAK_RUMOUR_WARNING = frozenset(fold(w) for w in ("đừng ai", "ai nhận được", "nhận tin nhắn", "ai nhận"))
# What a lawful seller says of itself ("có giấy phép", "đúng quy định") frames no rumour as a warning:
# "xe máy không có giấy phép lái xe sẽ bị tịch thu" is the rumour's own words.
_SCAM_ONLY_WARNING = frozenset(fold(w) for w in ("có giấy phép", "đúng quy định"))


def _attributed_warnings(lex: dict) -> list[dict]:
    """Warning words put in an authority's mouth ("…, Bộ Y tế đã khuyến cáo"): an attribution, no warning.
    A real advisory says what to avoid; a rumour cites the body to be believed."""
    bodies = lex.get("authority", []) + lex.get("rumour_expert", [])
    return [w for w in lex.get("warning", []) if fold(w["term"]) in _ADVICE
            and any(0 <= w["start"] - b["end"] <= 12 for b in bodies)]


# Only advice can be put in a body's mouth this way; "Ngân hàng Nhà nước đã bác bỏ" stays a debunk.
_ADVICE = frozenset(fold(w) for w in ("khuyến cáo", "cảnh báo", "lưu ý", "khuyên", "khuyến nghị", "đã khuyến cáo"))


def _warning(lex: dict, *, rumour: bool = False) -> list[dict]:
    """Warning cues that frame the post as a warning or a debunk. For a rumour (`rumour=True`), the weak
    ones ("đừng tin", "lưu ý") do not count when the post itself urges panic or says the news is hidden:
    "rút hết tiền mua vàng ngay, đừng tin mấy ông bảo không có" distrusts the debunk, it is not one."""
    pushes = [h for g in _NOT_WARNING for h in lex.get(g, [])]
    if rumour:
        pushes = pushes + _attributed_warnings(lex)
    # A "recovery" service ("bạn đã bị lừa? chúng tôi lấy lại tiền") says "bị lừa" to sell, not to warn.
    # "Đừng nói với ai", "không được cúp máy": a scam keeps its victim alone; no warning says that.
    pushes = pushes + lex.get("secrecy", [])
    acts = bool(lex.get("reader_action") or lex.get("recovery")) or (
        rumour and bool(lex.get("rumour_panic") or lex.get("rumour_coverup")))
    hidden = rumour and bool(lex.get("rumour_coverup"))
    # "đừng ai mua cá biển nữa, chia sẻ cho bà con biết": the rumour's own advice, pushed to be shared; "đừng ai
    # chia sẻ tin này" (the share word right after it) is a debunk's.
    shares = [h for h in lex.get("rumour_share", []) if fold(h["term"]) not in _WEAK_SHARE] if rumour else []
    return [w for w in lex.get("warning", [])
            if not any(p["start"] < w["end"] and w["start"] < p["end"] for p in pushes)
            and not (acts and w["term"] in _WEAK_WARNING) and not (hidden and w["term"] in _WEAK_RUMOUR_WARNING)
            and not (w["term"] in _WEAK_RUMOUR_WARNING and shares and not any(0 <= h["start"] - w["end"] <= 3
                                                                            for h in shares))
            and not (rumour and w["term"] in _SCAM_ONLY_WARNING)]


_LOAN_SHARK = re.compile(r"(?<!\w)(?:vay nang lai|cho vay lai nang|tin dung den|lai nang|siet no|doi no)(?!\w)")
def warns(normalized: str) -> bool:
    """Whether the post is framed as a warning or a debunk (its own cues, not a rumour's push)."""
    return bool(_warning(lexicon_hits(normalized)))


_YIELD = re.compile(r"(?:lãi|lai|lợi nhuận|loi nhuan|lời|loi)\s*\d+(?:[.,]\d+)?\s*%\s*(?:/|một|mot|mỗi|moi)?\s*"
                    r"(?:ngày|ngay|tuần|tuan|tháng|thang)|\bx\s?(?:2|3|5|10|100)\b"
                    # "lãi 30% sau 3 ngày": a yield said over a few days
                    r"|(?:lãi|lai|lời|loi)\s*\d+(?:[.,]\d+)?\s*%\s*(?:sau|trong|chỉ sau|chi sau)\s*\d+\s*(?:ngày|ngay|tuần|tuan)"
                    # a share of the money every day or week, said bare ("hưởng 2%/ngày"): no bank pays that
                    r"|\d+(?:[.,]\d+)?\s*%\s*/\s*(?:ngày|ngay|tuần|tuan)(?!\w)"
                    # the same said the other way round ("mỗi ngày lãi 3%")
                    r"|(?:mỗi|moi|một|mot|1)\s+(?:ngày|ngay|tuần|tuan)\s+(?:lãi|lai|lời|loi|lợi nhuận|loi nhuan)\s*"
                    r"\d+(?:[.,]\d+)?\s*%", re.IGNORECASE)


_AMOUNT = r"\d[\d.,]*\s*(?:k|tr\d?|triệu|trieu|nghìn|nghin|đ|d|usd|usdt|\$)(?!\w)"
# Money that multiplies: "nạp 500k nhận lại 650k", "mua gà 2 triệu, sau 30 ngày bán lại 3 triệu".
_RETURN = re.compile(r"(?:nạp|nap|góp|gop|gửi|gui|mua|đầu tư|dau tu|đóng|dong|đơn|don|vốn|von|suất|suat|chỉ với|chi voi|"
                     r"chỉ cần|chi can|bỏ ra|bo ra|chỉ bỏ|chi bo)\s+(?:[^\s\d]+\s+){0,3}?" + _AMOUNT +
                     r"[^.!?\n]{0,40}?(?:nhận lại|nhan lai|nhận về|nhan ve|bán lại|ban lai|rút về|rut ve|hoàn lại|"
                     r"hoan lai|nhận|nhan)\s+(?:[^\s\d]+\s+){0,2}?" + _AMOUNT, re.IGNORECASE)
# Pay by the day or the task: "thu nhập 500k/ngày", "300-500k/ngày", "50k/nhiệm vụ".
_TASK = (r"(?:ngày|ngay|giờ|gio|h|nhiệm vụ|nhiem vu|đơn|don|lượt|luot|video|clip|bài|bai|bình luận|binh luan|trang|"
         r"bộ|bo|sản phẩm|san pham|sp|like|tin|đánh giá|danh gia|cây|cay|cái|cai|chiếc|chiec)")
_PAY_RATE = re.compile(r"\d[\d.,]*\s*(?:k|tr|triệu|trieu|nghìn|nghin)\s*/\s*" + _TASK + r"(?!\w)"
                       r"|(?:mỗi|moi)\s+" + _TASK + r"\s+(?:\w+\s+)?\d[\d.,]*\s*(?:k|nghìn|nghin)(?!\w)"
                       r"|\d[\d.,]*\s*(?:k|nghìn|nghin)\s+(?:mỗi|moi|một|mot|1)\s+" + _TASK + r"(?!\w)", re.IGNORECASE)
_ACCOUNT_BANK_BEFORE = re.compile(r"(?:stk|số tài khoản|so tai khoan|tài khoản|tai khoan|tk)\s*:?\s*[\d\s.-]{6,}(?:\s*(?:tại|tai|ngân hàng|ngan hang|nh|-|,))?\s*$",
                                  re.IGNORECASE)
_GOODS_UNIT = re.compile(r"(?:cây|cay|cái|cai|chiếc|chiec|bộ|bo|sản phẩm|san pham|sp)$", re.IGNORECASE)
_EARN_BEFORE = re.compile(r"(?<!\w)(?:kiếm|kiem|thu nhập|thu nhap|lương|luong|hoa hồng|hoa hong|trả|tra|công|cong|"
                          r"nhận|nhan|hưởng|huong|được|duoc)(?!\w)", re.IGNORECASE)
# Money that grows by itself: "vốn 10 triệu sau 1 tháng thành 25 triệu", "góp 20 triệu … sau 3 năm thu về 200 triệu".
_GROWTH = re.compile(_AMOUNT + r"[^.!?\n]{0,50}?(?:sau|sau khi)\s+\d+\s*(?:ngày|ngay|tuần|tuan|tháng|thang|năm|nam)"
                     r"[^.!?\n]{0,20}?(?:thành|thanh|thu về|thu ve|nhận lại|nhan lai|nhận về|nhan ve|về|ve|lãi|lai)\s+" + _AMOUNT,
                     re.IGNORECASE)
# "gấp đôi", "gấp 3" are multiples, not haste.
_MULTIPLE = re.compile(r"\s*(?:đôi|doi|rưỡi|ruoi|ba|hai|mấy|may|nhiều|nhieu|lần|lan|\d)", re.IGNORECASE)
# A fee with an amount: "phí 25.000đ", "phí giao lại 15k", "nộp 10% giá trị", "đóng 5 triệu".
_FEE = re.compile(r"(?<!\w)(?:phí|phi|lệ phí|nộp|nop|nạp|nap|đóng|dong|chuyển|chuyen)\s+(?:[^\s\d]+\s+){0,4}?"
                  r"\d[\d.,]*\s*(?:%|k|đ|d|tr|triệu|trieu|nghìn|nghin|usd|usdt|\$)(?!\w)", re.IGNORECASE)


# Asked to call back or to reach someone on a number ("gọi lại ngay", "liên hệ số", "nhắn zalo"), folded.
_CALL_BACK = re.compile(r"(?<!\w)(?:goi lai|goi ngay|bam goi|lien he (?:ngay|so|sdt|qua so)|nhan (?:tin )?zalo|ket ban zalo|"
                        r"add zalo|ib zalo)(?!\w)")
_MARKETPLACES = frozenset(fold(w) for w in ("shopee", "lazada", "tiki", "sàn tmđt", "sàn thương mại điện tử"))
_DEADLINE = re.compile(r"(?<!\w)(?:trước|truoc)\s+\d{1,2}\s?(?:h|giờ|gio)(?:\s?\d{2})?(?!\w)"
                       # "sẽ bị cắt sau 2 giờ", "trong 30 phút nữa": a countdown
                       r"|(?<!\w)(?:sau|trong(?: vòng)?|sau khoảng)\s+\d{1,2}\s*(?:giờ|gio|tiếng|tieng|phút|phut|h)(?:\s+(?:nữa|tới|toi))?(?!\w)",
                       re.IGNORECASE)
_SMS_TO_MOBILE = re.compile(r"(?<!\w)(?:soạn|soan)\s+(?:tin\s+)?(?:\S+\s+){1,3}?(?:gửi|gui)\s+0[35789]\d", re.IGNORECASE)
_VERIFY_AT = re.compile(r"(?<!\w)(?:xác minh|xac minh|xác thực|xac thuc|khôi phục|khoi phuc|mở khóa|mo khoa|kháng nghị|"
                        r"khang nghi)\s+(?:\w+\s+){0,3}?(?:tại|tai|qua|ở|o)(?!\w)", re.IGNORECASE)
_RECRUIT_WORDS = _words("tuy")  # every match of _RECRUIT holds it
_RECRUIT = re.compile(r"(?<!\w)(?:tuyển|tuyen)\s+(?:gấp|gap|dụng|dung|lao động|lao dong|nhân viên|nhan vien|người|nguoi|"
                      r"ctv|cộng tác viên|thợ|tho|\d+)(?!\w)", re.IGNORECASE)
# "mua bộ tài liệu khởi đầu 290k", "đóng phí đồng phục 450k": the worker buys in before working.
_BUY_IN = re.compile(r"(?<!\w)(?:mua|đóng|dong|nộp|nop)\s+(?:[^\s\d]+\s+){0,5}?" + _AMOUNT, re.IGNORECASE)
_UPFRONT = frozenset(fold(w) for w in ("đặt cọc", "tiền cọc", "ký quỹ", "tiền thế chân", "thế chân"))
_HANDLE = re.compile(r"(?<![\w.])@[a-z0-9_]{4,32}\b", re.IGNORECASE)


def fee_hits(normalized: str) -> list[dict]:
    if not _digits(normalized):
        return []
    return [{"term": m.group(0), "start": m.start(), "end": m.end()} for m in _FEE.finditer(normalized)]


_BARE_SECRETS = frozenset(fold(w) for w in ("otp", "mã otp", "mật khẩu", "đăng nhập", "số thẻ", "thẻ atm", "số thẻ atm",
                                             "mã xác thực", "mã xác nhận", "mã xác minh"))
_ASK_FOR_SECRET = re.compile(r"(?<!\w)(?:cung cap|doc|gui|nhap|bao|nhan|dua|xac nhan|cho|soan|dien|chup|ke khai|khai|"
                             r"de lai|send|ib|inbox|ck|chuyen)(?:[\s,]+\w+){0,6}[\s,]*$")
_APP_WORDS = frozenset(fold(w) for w in ("tải app", "cài app", "tải ứng dụng", "cài đặt ứng dụng", "cài ứng dụng",
                                         "đăng nhập"))
_ACCOUNT_WORDS = frozenset(fold(w) for w in ("số tài khoản", "stk"))


def _real_asks(hits: list[dict]) -> list[dict]:
    """"Số tài khoản" names an account; it asks for money only next to a transfer word ("chuyển vào số tài
    khoản"). A post that exposes someone's account ("đây là STK của thằng …") asks nobody for anything."""
    named = [h for h in hits if fold(h["term"]) in _ACCOUNT_WORDS]
    return hits if len(named) < len(hits) else []


def _mobiles(entities: dict) -> list[dict]:
    """Mobile numbers: a private channel. Landlines (02x) are how agencies publish their hotlines."""
    return [p for p in entities.get("phones", []) if not str(p.get("value", "")).startswith("02")]


_SELLER_PAYS = re.compile(r"(?<!\w)(?:shop|cửa hàng|cua hang|quán|quan)(?!\w).{0,40}?(?<!\w)(?:nhan|co nhan)\s+"
                          r"(?:chuyen khoan|ck|thanh toan)(?!\w)|(?<!\w)(?:ship|giao hang|giao)\s+cod(?!\w)")
_PAYMENT_TERMS = frozenset(fold(w) for w in ("chuyển khoản", "số tài khoản", "stk", "ck", "thanh toán"))


def asks_money_strong(ask_money: list[dict]) -> bool:
    """An ask to send money (not a deposit or a payment term)."""
    return any(fold(h["term"]) not in _PAYMENT_TERMS and fold(h["term"]) not in _DEPOSITS for h in ask_money)


_DEPOSITS = frozenset(fold(w) for w in ("đặt cọc", "cọc", "tiền cọc", "cọc trước", "chuyển cọc"))
# Rooms, homestays and tours take a deposit to hold a booking.
# (_BOOKING and _SELLER_PAYS are case-sensitive and read the folded text: every match of _BOOKING holds one
# of these, every match of _SELLER_PAYS "nhan" or "cod".)
_BOOKING_WORDS = _words("cho thue", "homestay", "khach san", "nha nghi", "dat phong", "phong tro", "resort", "villa", "tour",
                        "/")
_SELLER_WORDS = _words("nhan", "cod")
_AT_SIGN = _words("@")  # every handle starts with it
_BOOKING = re.compile(r"(?<!\w)(?:cho thue|homestay|khach san|nha nghi|dat phong|phong tro|resort|villa|tour)(?!\w)"
                      r"|/\s*(?:dem|thang|dem)(?!\w)")


# The lexicon groups one of which every scam finding without a link, an account or a digit starts from.
_SCAM_TRIGGERS = ("ask_money", "transfer", "ask_secret", "credential", "lure", "prize", "loan", "deposit", "job",
                  "urgency", "forgery", "parcel", "brand")


def scam_signals(normalized: str, entities: dict, lex: dict | None = None, quoter: Quoter | None = None) -> list[dict]:
    """An ask (money or a secret), a lure, urgency and a channel (a link, a mobile, Zalo/Telegram)."""
    lex = lex if lex is not None else lexicon_hits(normalized)
    if _GATED and not (not lex.keys().isdisjoint(_SCAM_TRIGGERS) or entities.get("urls")
                       or entities.get("bank_accounts") or _digits(normalized)):
        return []  # every finding below needs one of these (the amounts, times and numbers need a digit)
    out = []
    urls = [u for u in entities.get("urls", []) if not is_official_host(_host(u["value"]))]
    # "nhận chuyển khoản hoặc tiền mặt": a seller saying how it takes payment, not an ask.
    hay = fold_aligned(normalized)
    ask_money = [h for h in _real_asks(lex.get("ask_money", []) + lex.get("transfer", []))
                 if not re.search(r"(?<!\w)(?:nhan|co nhan|chap nhan)\s+$", hay[max(0, h["start"] - 12):h["start"]])]
    booking = _holds(hay, _BOOKING_WORDS) and bool(_BOOKING.search(hay))
    if booking:
        ask_money = [h for h in ask_money if fold(h["term"]) not in _DEPOSITS]
    if _holds(hay, _SELLER_WORDS) and _SELLER_PAYS.search(hay):
        # "Shop mình nhận chuyển khoản qua STK …, ship COD": a shop's payment terms name its account to be
        # paid for goods; no one is asked to send money for nothing.
        ask_money = [h for h in ask_money if fold(h["term"]) not in _PAYMENT_TERMS]
    # "soạn tin DK50 gửi 0834…": a service code texted to a private mobile, not to the carrier's short number.
    digits = _digits(normalized)
    ask_secret = lex.get("ask_secret", []) + lex.get("credential", []) + ([
        {"term": m.group(0), "start": m.start(), "end": m.end()} for m in _SMS_TO_MOBILE.finditer(normalized)]
        if digits else [])
    # "Xác minh danh tính tại meta-verify-support.com": a login or a check asked for at a link that is not official.
    if entities.get("urls") or not _GATED:
        ask_secret = ask_secret + [{"term": m.group(0), "start": m.start(), "end": m.end()}
                                   for m in _VERIFY_AT.finditer(normalized)
                                   if any(not is_official_host(_host(u["value"])) and str(u["value"]).lower() in
                                          normalized[m.end():m.end() + 60] for u in entities.get("urls", []))]
    lure = lex.get("lure", []) + [h for g in ("prize", "loan", "deposit", "job") for h in lex.get(g, [])
                                  if not (booking and g == "deposit")]
    urgency = [u for u in lex.get("urgency", []) if not _MULTIPLE.match(normalized, u["end"])] + ([
        {"term": m.group(0), "start": m.start(), "end": m.end()} for m in _DEADLINE.finditer(normalized)]
        if digits else [])
    channel = lex.get("private", [])
    contact = _mobiles(entities) + urls
    accounts_given = [a for a in entities.get("bank_accounts", []) if a.get("confidence", 0) >= 0.5]
    fees = fee_hits(normalized)
    ask_money = ask_money + fees
    if _holds(normalized, _AT_SIGN):
        channel = channel + [{"term": m.group(0), "start": m.start(), "end": m.end()} for m in _HANDLE.finditer(normalized)]
    brand, parcel, prize = lex.get("brand", []), lex.get("parcel", []), lex.get("prize", [])
    # "Đặt cọc qua STK 1561… Vietcombank, chủ TK …": the bank that holds a seller's account is named, not
    # spoken for.
    brand = [b for b in brand if not _ACCOUNT_BANK_BEFORE.search(normalized[max(0, b["start"] - 30):b["start"]])]
    high_yield = [{"term": m.group(0), "start": m.start(), "end": m.end()}
                  for rx in (_YIELD, _RETURN, _GROWTH) for m in rx.finditer(normalized)] if digits else []
    if high_yield and _LOAN_SHARK.search(fold(normalized)):
        high_yield = []  # "nhóm cho vay nặng lãi, lãi 30%/tháng": the rate a loan shark charges, promised to no one
    # "60k/cái", "300k/bộ" is a price unless it is what the worker earns ("kiếm 60k/cái", "hoa hồng 50k/sp").
    pay_rates = [{"term": m.group(0), "start": m.start(), "end": m.end()} for m in _PAY_RATE.finditer(normalized)
                 if not _GOODS_UNIT.search(m.group(0)) or _EARN_BEFORE.search(normalized[max(0, m.start() - 30):m.start()])
                 ] if digits else []
    lure = lure + pay_rates
    # A job offer that takes money first ("đặt cọc 500k nhận nguyên liệu", "phí đăng ký 199k"): real
    # employers do not charge the people they hire. "Nhiệm vụ" alone is also what police and soldiers do.
    job_offer = [h for h in lex.get("job", []) if fold(h["term"]) != "nhiem vu"] + pay_rates + ([
        {"term": m.group(0), "start": m.start(), "end": m.end()} for m in _RECRUIT.finditer(normalized)]
        if _may_hold(normalized, _RECRUIT_WORDS) else [])
    upfront = ask_money + fees + [h for h in lex.get("deposit", []) if fold(h["term"]) in _UPFRONT] + ([
        {"term": m.group(0), "start": m.start(), "end": m.end()} for m in _BUY_IN.finditer(normalized)]
        if digits else [])
    for link in link_signals(entities.get("urls", [])):
        if link["rule"] == "scam.suspicious_tld" and (ask_money or ask_secret or lure):
            link["score"] = 0.75  # a throw-away domain that asks for money or a login
        link["reason"] = f"{_LINK_LEADS.get(link['rule'], 'Đường dẫn đáng ngờ')}: “{link['matches'][0]['term']}”."
        link["quotes"] = [link["matches"][0]["term"]]
        out.append(link)
    asks = ask_money + ask_secret
    # The same words are not both the ask and the lure: "đặt cọc 1 tháng" for a rented room asks, it lures nobody.
    lure = [h for h in lure if not any(a["start"] < h["end"] and h["start"] < a["end"] for a in asks)]
    # A caller who says who they are ("em là nhân viên ngân hàng …, đọc giúp em mã OTP") is on the line
    # already: the call is the private channel.
    caller = bool(lex.get("brand")) and bool(_SELF_INTRO.search(hay))
    reached = bool(channel or contact or (accounts_given and ask_money) or caller)
    _m, contact_quotes = _entity_matches(contact[:2], text=quoter.text if quoter else None)
    # Every pattern that holds is a candidate; the strongest speaks (one signal, not a noisy-OR of variants).
    cands: list[dict] = []
    if asks and (lure or urgency) and reached:
        cands.append(_rule("scam.ask_lure_channel", HarmCategory.SCAM, 0.8 if lure else 0.7,
                         asks + lure + urgency + channel,
                         "Dấu hiệu lừa đảo: đòi tiền hoặc thông tin bí mật, kèm lời mời chào hay thúc giục, "
                         "qua kênh liên lạc riêng", quoter, extra_quotes=contact_quotes))
    secrets = [h for h in ask_secret if fold(h["term"]) not in _APP_WORDS]
    if not reached:
        # "tin OTP ngân hàng về trễ", "chặn nhầm tin OTP": a code named is not a code asked for. With no
        # channel to send it to, a bare name counts only after a word that asks for it ("đọc mã OTP").
        secrets = [h for h in secrets if fold(h["term"]) not in _BARE_SECRETS
                   or _ASK_FOR_SECRET.search(hay[max(0, h["start"] - 48):h["start"]])]
    if lex.get("lost_found") and not asks_money_strong(ask_money):
        secrets = []  # "đánh rơi ví, trong có CCCD, thẻ ATM": the lost things, not an ask for them
    if secrets and (reached or lex.get("ask_secret")):
        cands.append(_rule("scam.asks_for_secrets", HarmCategory.SCAM, 0.65 if reached or lure or urgency else 0.4,
                         ask_secret + lure + urgency, "Đòi mã OTP, mật khẩu, số thẻ hoặc giấy tờ tùy thân", quoter,
                         extra_quotes=contact_quotes))
    if asks and lure and urgency:
        cands.append(_rule("scam.bait_with_urgency", HarmCategory.SCAM, 0.7, asks + lure + urgency,
                         "Dấu hiệu lừa đảo: mời chào tiền bạc kèm lời thúc giục", quoter))
    if asks and (lure or urgency):
        cands.append(_rule("scam.bait_with_urgency", HarmCategory.SCAM, 0.55, asks + lure + urgency,
                         "Dấu hiệu lừa đảo: mời chào tiền bạc kèm lời thúc giục", quoter))
    secrecy = lex.get("secrecy", [])
    if secrecy and ask_money and (lure or parcel or prize or lex.get("summons")):
        cands.append(_rule("scam.secret_fee", HarmCategory.SCAM, 0.75, secrecy + ask_money + lure + parcel + prize,
                           "Đòi nộp tiền kèm lời dặn giữ kín, không nói với ai", quoter))
    forgery = lex.get("forgery", [])
    if forgery and (asks or reached):
        # "Nhận làm lại bằng lái, bằng đại học… đặt cọc 2 triệu": forged papers are sold for a deposit, and
        # the buyer is then cheated too.
        cands.append(_rule("scam.forged_papers", HarmCategory.SCAM, 0.75, forgery + asks + lure + channel,
                           "Nhận làm giấy tờ, văn bằng giả và đòi tiền trước", quoter, extra_quotes=contact_quotes))
    if job_offer and upfront:
        cands.append(_rule("scam.job_fee", HarmCategory.SCAM, 0.8 if reached or urgency else 0.75,
                           job_offer + upfront + urgency + channel,
                           "Mời làm việc nhưng đòi nộp tiền, đặt cọc hoặc phí trước", quoter,
                           extra_quotes=contact_quotes))
    if lex.get("loan") and ask_money:
        # A fee before the money: "nạp 3 triệu để chứng minh năng lực tài chính", "phí mở khóa khoản vay".
        cands.append(_rule("scam.loan_fee", HarmCategory.SCAM, 0.8 if reached or urgency else 0.7,
                         lex.get("loan", []) + ask_money + urgency + channel,
                         "Đòi nộp phí trước khi giải ngân khoản vay", quoter, extra_quotes=contact_quotes))
    if parcel and (ask_money or urgency) and reached:
        cands.append(_rule("scam.parcel_fee", HarmCategory.SCAM, 0.8 if ask_money else 0.75, parcel + ask_money + urgency + channel,
                         "Đòi phí để nhận hoặc giao lại hàng, qua đường dẫn hoặc kênh liên lạc riêng", quoter,
                         extra_quotes=contact_quotes))
    if prize and reached:
        cands.append(_rule("scam.prize_contact", HarmCategory.SCAM, 0.7, prize + lure + channel,
                         "Báo trúng thưởng rồi dẫn sang số điện thoại, đường dẫn hoặc kênh riêng", quoter,
                         extra_quotes=contact_quotes))
    if brand and (urgency or ask_money) and reached:
        cands.append(_rule("scam.brand_contact", HarmCategory.SCAM, 0.7, brand + urgency + ask_money + channel,
                         "Nhân danh ngân hàng, nhà mạng hoặc đơn vị giao hàng, thúc giục liên hệ qua số di động "
                         "hoặc đường dẫn lạ", quoter, extra_quotes=contact_quotes))
    # (a marketplace named is where a seller sells: "shop mình trên Shopee, nhắn zalo 09…")
    speaks_for = [b for b in brand if fold(b["term"]) not in _MARKETPLACES]
    if speaks_for and not (urgency or ask_money) and _mobiles(entities) and _CALL_BACK.search(hay):
        # "Tin nhắn từ tổng đài: … Gọi lại ngay 0867 204 519": a bank, carrier or courier that asks to be
        # called back on a personal mobile number. Switchboards use short or 1800/1900 numbers, but a shop's
        # own staff may give a mobile: a look, which the civic-context model may decide.
        cands.append(_rule("scam.brand_call_back", HarmCategory.SCAM, 0.45, speaks_for + channel,
                         "Nhân danh ngân hàng, nhà mạng hoặc đơn vị giao hàng, đề nghị gọi lại hoặc liên hệ qua số "
                         "di động cá nhân", quoter, extra_quotes=contact_quotes))
    if len({h["term"] for h in lure}) >= 2 and (reached or urgency):
        cands.append(_rule("scam.bait", HarmCategory.SCAM, 0.6 if reached else 0.55, lure + urgency + channel,
                         "Nhiều lời mời chào tiền bạc" + (", qua kênh liên lạc riêng" if reached else ", kèm thúc giục"),
                         quoter, extra_quotes=contact_quotes))
    if len({h["term"] for h in lure}) >= 3:
        cands.append(_rule("scam.bait", HarmCategory.SCAM, 0.7 if urgency or lex.get("job") else 0.6, lure + urgency,
                         "Nhiều lời mời chào tiền bạc bất thường", quoter))
    if lure and urgency and reached:
        cands.append(_rule("scam.lure_channel", HarmCategory.SCAM, 0.55, lure + urgency + channel,
                         "Lời mời chào tiền bạc kèm thúc giục, qua kênh liên lạc riêng", quoter,
                         extra_quotes=contact_quotes))
    if len({h["term"] for h in lure}) >= 2:
        cands.append(_rule("scam.bait", HarmCategory.SCAM, 0.3, lure, "Nhiều lời mời chào tiền bạc", quoter))
    if cands:
        out.append(max(cands, key=lambda c: c["score"]))
    if high_yield and (lure or asks or reached):
        out.append(_rule("scam.high_yield", HarmCategory.SCAM, 0.75, high_yield + lure,
                         "Hứa lợi nhuận cao bất thường", quoter, extra_quotes=[h["term"] for h in high_yield]))
    accounts = entities.get("bank_accounts", [])
    if accounts and (asks or urgency):
        matches, quotes = _entity_matches(accounts, text=quoter.text if quoter else None)
        out.append({**_rule("scam.account_number", HarmCategory.SCAM, 0.5, [], "Số tài khoản đi kèm lời mời chuyển tiền",
                            None, extra_quotes=quotes), "matches": matches, "in": "text"})
    if lex.get("news") and not asks and not reached:
        # "Tòa tuyên phạt bị cáo lừa đảo qua hình thức tuyển cộng tác viên làm nhiệm vụ": the lures are
        # reported, nobody is asked for anything and no channel is given.
        out = [{**s, "score": min(s["score"], 0.35)} for s in out]
    # "Lưu ý chuyển trước phí bảo hiểm 10%": a weak warning word that introduces the scam's own call to pay.
    if [w for w in _warning(lex) if not (w["term"] in _WEAK_WARNING
                                        and _PAY_NEXT.match(fold(normalized[w["end"]:w["end"] + 40])))]:
        out = [_capped(s, lex, quoter) for s in out]
    return out


_PAY_NEXT = re.compile(r"\s*[:,]?\s*(?:phai |can |vui long )?(?:chuyen|nop|dong|nap|thanh toan|gui)\s+(?:\w+\s+){0,2}?"
                       r"(?:truoc|phi|tien|\d)")


def _capped(signal: dict, lex: dict, quoter: Quoter | None, *, rumour: bool = False) -> dict:
    """A warning quotes the harm it warns about: keep the finding, lower it, and say why."""
    cues_found = _warning(lex, rumour=rumour)
    _matches, cues = quoter.matches(cues_found) if quoter else ([], [h["term"] for h in cues_found])
    return {**signal, "score": min(signal["score"], WARNING_CAP), "warned": True,
            "reason": signal["reason"].rstrip(".") + f"; nhưng bài viết đang cảnh báo hoặc bác bỏ ({_quoted(cues, 3)})."}


@functools.lru_cache(maxsize=1)
def _file_names() -> tuple[str, ...]:
    return tuple(line.strip() for line in (DATA_DIR / "official_names.txt").read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#"))


_agency_cache: dict[str, object] = {"names": None}


def official_names() -> tuple[str, ...]:
    """Agency names from the database (when there is one) plus the data file."""
    if _agency_cache["names"] is None:
        names = list(_file_names())
        try:
            from haidang.agencies.models import Agency

            names += list(Agency.objects.filter(active=True).values_list("name", flat=True))
        except Exception:  # no database (CLI before migrate, pure unit tests): the file is enough
            pass
        _agency_cache["names"] = tuple(dict.fromkeys(names))
    return _agency_cache["names"]


def clear_names_cache() -> None:
    _agency_cache["names"] = None


def _in_address(text: str, hit: dict) -> bool:
    before = text[hit["start"] - 1] if hit["start"] > 0 else " "
    after = text[hit["end"]:hit["end"] + 2]
    return before in "-./@" or (len(after) == 2 and after[0] in "-./" and after[1].isalnum())


_CARRIERS = frozenset(fold(w) for w in ("bưu điện", "vnpost", "bưu cục", "viettel post"))
_SELF_INTRO = re.compile(r"(?<!\w)(?:(?:toi|minh|em|chung toi|ben em|ben minh)\s+la\s+(?:\w+\s+){0,2}?"
                         r"(?:nhan vien|nv|can bo|chuyen vien|cham soc khach hang|tong dai vien|thu ky|ke toan|dai dien)"
                         r"|(?:toi|em|chung toi)\s+(?:goi|lien he)\s+tu)(?!\w)")
# The body a message speaks as: named first ("Cấp nước Quảng Trị TB:", "Ban Chỉ huy Quân sự xã thông báo:").
_SENDER_AFTER = re.compile(r"\s*(?:\S+\s+){0,4}?(?:thong bao|tb|xin thong bao|kinh gui|:)", re.IGNORECASE)
# A web address that dresses up as a government one ("gov-vn.site", "dichvucong-gov.com"): the sender claims
# to be a state body, whatever words the message uses.
_GOV_DRESS = re.compile(r"(?:^|[.-])(?:gov|govvn|chinhphu|dichvucong|congan|bocongan|vneid)(?:[.-]|$)")


def impersonation_signals(normalized: str, *, author_name: str = "", lex: dict | None = None,
                          verified: bool = False, entities: dict | None = None,
                          quoter: Quoter | None = None) -> list[dict]:
    """An authority's name with a summons, a fine or an account check, sent to a private channel; and
    author names close to an agency's."""
    out = []
    if author_name and not verified:
        names = official_names()
        folded_names = [fold(n) for n in names]
        hit = process.extractOne(fold(author_name), folded_names, scorer=fuzz.token_sort_ratio, score_cutoff=82)
        if hit:
            exact = hit[1] >= 99.5
            lead = ("Trang đăng bài mang đúng tên cơ quan nhà nước nhưng chưa được xác minh" if exact
                    else "Tên người đăng gần giống tên cơ quan nhà nước")
            out.append({"rule": "impersonation.name", "category": HarmCategory.IMPERSONATION,
                        "score": 0.45 if exact else 0.8,
                        "matches": [{"term": author_name, "start": 0, "end": len(author_name)}],
                        "detail": f"{'same as' if exact else 'close to'} {names[hit[2]]} ({hit[1]:.0f})",
                        "in": "author", "reason": f"{lead}: “{author_name}” ~ “{names[hit[2]]}”.",
                        "quotes": [author_name]})
    lex = lex if lex is not None else lexicon_hits(normalized)
    entities = entities or {}
    # A name inside a web address ("vnpost-giaohang.info") is the link's evidence (scam), not a sender.
    authority = [a for a in lex.get("authority", []) if not _in_address(normalized, a)]
    # "Tôi là nhân viên chăm sóc khách hàng Vietcombank", "mình là nhân viên nhà mạng Viettel": a caller who
    # says they are a bank's or a carrier's staff speaks in its name.
    hay = fold_aligned(normalized)
    # Only state bodies: a caller posing as a bank's or a carrier's staff runs a scam (the scam family's).
    introduced = [a for a in authority if _SELF_INTRO.search(hay[max(0, a["start"] - 60):a["start"]])]
    if lex.get("parcel"):
        # "VNPost: bưu phẩm của bạn…" is a parcel scam borrowing a carrier's name; the post is an authority
        # when it carries a fine or a summons, not a parcel.
        authority = [a for a in authority if fold(a["term"]) not in _CARRIERS]
    gov_dress = [u for u in entities.get("urls", []) if not is_official_host(_host(u["value"]))
                 and _GOV_DRESS.search(_host(u["value"]))]
    if not authority and not gov_dress:
        return out
    demands = lex.get("summons", [])
    asks = (lex.get("transfer", []) + lex.get("credential", []) + lex.get("ask_money", [])
            + lex.get("ask_secret", []))
    channels = lex.get("private", [])
    fees = [] if asks else fee_hits(normalized)  # a bare fee ("nộp thuế 5%") is weaker than "chuyển tiền"
    asks = asks + fees
    strong = lex.get("private_strong", [])
    channels = channels + strong
    contact = (_mobiles(entities) + [u for u in entities.get("urls", []) if not is_official_host(_host(u["value"]))]
               + entities.get("bank_accounts", []))
    # "Bấm phím 9 gặp nhân viên": a recorded call's keypad is the private line itself.
    contact = contact + [{**s, "value": display_term(s["term"])} for s in strong if fold(s["term"]) in ("bam phim", "nhan phim")]
    news = lex.get("news", [])
    fake_links = [link for link in link_signals(entities.get("urls", []))
                  if link["rule"] in ("scam.lookalike_domain", "scam.suspicious_tld")]
    if not authority:
        if demands or asks:
            out.append(_rule("impersonation.authority_link", HarmCategory.IMPERSONATION, 0.85, demands + asks,
                             "Dẫn tới trang web giả dạng trang của cơ quan nhà nước để đòi giấy tờ, tiền hoặc thông tin",
                             quoter, extra_quotes=[str(u["value"]) for u in gov_dress[:2]]))
        if _warning(lex):
            out = [_capped(s, lex, quoter) for s in out]
        return out
    if fake_links and (demands or asks):
        out.append(_rule("impersonation.authority_link", HarmCategory.IMPERSONATION, 0.9, authority + demands + asks,
                         "Nhân danh cơ quan nhà nước, dẫn tới trang web giả", quoter,
                         extra_quotes=[link["matches"][0]["term"] for link in fake_links[:2]]))
    elif demands and (channels or contact or asks):
        _m, extra = _entity_matches(contact[:2], text=quoter.text if quoter else None)
        out.append(_rule("impersonation.authority_demand", HarmCategory.IMPERSONATION,
                         0.9 if (channels or contact) and (asks or len(demands) > 1) else 0.8,
                         authority + demands + channels + asks,
                         "Nhân danh cơ quan chức năng để triệu tập, phạt hoặc xác minh tài khoản, rồi dẫn sang "
                         "kênh liên lạc riêng", quoter, extra_quotes=extra))
    elif strong and contact:
        out.append(_rule("impersonation.private_channel", HarmCategory.IMPERSONATION, 0.75, authority + strong,
                         "Nhân danh cơ quan chức năng rồi dẫn sang số điện thoại hoặc tài khoản cá nhân", quoter,
                         extra_quotes=_entity_matches(contact[:2], text=quoter.text if quoter else None)[1]))
    elif asks and (channels or contact):
        # Above a scam's 0.8 when the body is the message's sender: its name is the lie the ask rests on.
        sender = any(a["start"] <= 40 and _SENDER_AFTER.match(hay, a["end"]) for a in authority)
        out.append(_rule("impersonation.authority_asks", HarmCategory.IMPERSONATION, 0.85 if sender else 0.75,
                         authority + asks + channels,
                         "Nhân danh cơ quan chức năng để đòi tiền hoặc thông tin tài khoản qua kênh liên lạc riêng",
                         quoter, extra_quotes=_entity_matches(contact[:2], text=quoter.text if quoter else None)[1]))
    elif introduced and (asks or demands):
        # "Tôi là cán bộ Sở Nội vụ … đọc giúp mã OTP": on the phone there is no link to show, the caller's
        # claimed post is the evidence.
        out.append(_rule("impersonation.staff_asks", HarmCategory.IMPERSONATION, 0.8, introduced + asks + demands,
                         "Tự xưng là cán bộ, nhân viên của cơ quan hoặc ngân hàng để đòi tiền, mã OTP hoặc thông tin",
                         quoter))
    elif asks:
        out.append(_rule("impersonation.authority_asks", HarmCategory.IMPERSONATION, 0.45 if fees else 0.5,
                         authority + asks,
                         "Nhân danh cơ quan chức năng để đòi chuyển tiền hoặc thông tin tài khoản", quoter))
    elif demands:
        out.append(_rule("impersonation.authority_summons", HarmCategory.IMPERSONATION, 0.15 if news else 0.35,
                         authority + demands, "Có tên cơ quan chức năng kèm lời triệu tập hoặc xử phạt, chưa có "
                         "dấu hiệu dẫn sang kênh riêng", quoter))
    if _warning(lex):
        out = [_capped(s, lex, quoter) if s["rule"] != "impersonation.name" else s for s in out]
    return out


# The first letter of a name is upper case; `str.isupper` knows Vietnamese (a range like [A-ZÀ-Ỹ] also
# covers lower-case accented letters, and read "đã ổn định" as a name).
_CAPITALISED = re.compile(r"\b\w+\b")
_NAME_LEAD = re.compile(r"(?:^|\s)(anh|chị|ông|bà|em|cô|chú|bạn|thằng|con|tên|tên là|họ tên:?)\s+$", re.IGNORECASE)
_HOUSE = re.compile(r"(?<!\w)(?:(?:số nhà|so nha|nhà số|nha so|ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet)\s*\d{1,4}[a-z]?"
                    r"(?:/\d{1,4})*(?![\w\d])(?!\s\d)|(?:số|so)\s*\d{1,4}[a-z]?(?:/\d{1,4})*,?\s+(?:đường|duong|phố|pho|"
                    r"ngõ|ngo|kiệt|kiet|hẻm|hem|thôn|thon|tổ|to)\b)"
                    # "tổ 3 phường Bắc Lý", "thôn 4 xã Quảng Xuân": where a person lives, down to the neighbourhood
                    r"|(?:tổ dân phố|to dan pho|tổ|to|khu phố|khu pho|thôn|thon|xóm|xom)\s*\d{1,3},?\s+"
                    r"(?:phường|phuong|xã|xa|thị trấn|thi tran)\s"
                    # "nhà ở thôn Phú Hội, xã Nam Trạch": where someone lives, named
                    r"|(?:nhà ở|nha o|nhà hắn ở|nhà nó ở)\s+(?:thôn|thon|xóm|xom|tổ|to|khu phố|khu pho|kiệt|kiet|ngõ|ngo|"
                    r"hẻm|hem|số|so)\s+\w+", re.IGNORECASE)
# _HOUSE's one alternative without a digit starts with these words: without a digit or them, a text holds
# no house number.
_HOUSE_WORDS = _words("nhà ở", "nha o", "nhà hắn ở", "nhà nó ở")
_ID_CUE = re.compile(r"(?:cccd|cmnd|căn cước|can cuoc|chứng minh|chung minh|số định danh|so dinh danh)",
                     re.IGNORECASE)
_NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")
# Sensitive personal data (Decree 13, art. 2): health status named with a person.
_SENSITIVE = re.compile(r"(?:nhiễm hiv|nhiem hiv|bị hiv|có hiv|danh sách bệnh nhân|bệnh tâm thần|bị bệnh lao|"
                        r"nghiện ma túy|nghien ma tuy)", re.IGNORECASE)
_SENSITIVE_WORDS = _words("hiv", "danh sách bệnh nhân", "bệnh tâm thần", "bị bệnh lao", "nghiện ma túy", "nghien ma tuy",
                          "phá thai", "pha thai", "giang mai", "bệnh xã hội", "benh xa hoi", "tâm thần", "tam than")
# The same kinds of health or private life, said of someone pointed at by where they live or how to reach them
# instead of by name ("Chị D. ở thôn Mỹ Lộc bị HIV …, nhà sát cây xăng đầu thôn"), read folded.
_SENSITIVE_STATUS = re.compile(r"(?<!\w)(?:bi hiv|nhiem hiv|co hiv|pha thai|bi giang mai|benh xa hoi|bi tam than|"
                               r"benh tam than|nghien ma tuy|bi lao phoi|bi benh lao)(?!\w)")
_ONE_PERSON = re.compile(r"(?<!\w)(?:chi|anh|con|thang|ba|ong|co|em|o|mu|nho|be|no|han|vo|chong|dua)\s+\S+")
_KEEP_AWAY = re.compile(r"(?<!\w)(?:can than|tranh xa|tranh tiep xuc|dung cho con|dung choi|de phong|coi chung)(?!\w)")
_POINTED_BY_PLACE = re.compile(r"(?<!\w)(?:nha (?:sat|canh|gan|doi dien|ngay) \w+|o (?:thon|xom|to|khu pho|ngo|kiet|hem) \w+|"
                               r"(?:dau|cuoi|giua) (?:thon|xom|ngo|kiet|hem|cho)|zalo (?:no|chi|anh|em|con)|"
                               r"(?:fb|facebook) (?:no|chi|anh|con))(?!\w)")
_ACCOUNT_CUE = re.compile(r"(?:tài khoản|tai khoan|stk|\btk\b|ngân hàng|ngan hang|chuyển khoản|chuyen khoan|ck)",
                          re.IGNORECASE)
# A full name often stands alone after a colon: "Bóc phốt: Nguyễn Thị Hoa, CCCD …". The common family
# names start it; a street, school or bridge named after a person ("đường Lê Lợi") is not a person.
_SURNAMES = frozenset("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Lưu "
                      "Mai Cao Lâm Tạ Đoàn Hà Tô Châu Thái Quách Văn Lương Trịnh Hứa Kiều Khúc Lã Mạc Nghiêm Phùng "
                      "Thân Tôn Triệu Vương Đàm Đào Chu Cù Diệp Giang Kim La Lục Ninh Phí Tăng Âu Ông Khổng".split())
# Typed without accents ("Nguyen Gia Bao"), the same names, folded.
_SURNAMES = _SURNAMES | frozenset(fold(n).capitalize() for n in _SURNAMES)
_PLACE_BEFORE = re.compile(r"(?:đường|phố|ngõ|kiệt|hẻm|trường|cầu|chợ|bệnh viện|quán|khu|phường|xã|thôn|tổ|bản|"
                           r"huyện|tỉnh|số|nhà văn hóa|trung tâm|công viên|sông|núi|đảo)\s*$", re.IGNORECASE)


@functools.cache
def _capitalised_pair() -> tuple[re.Pattern, re.Pattern]:
    """Two words side by side, one space apart, each starting with a letter `str.isupper` calls upper case
    (every such character, so that it is exactly the condition `_names` needs): built once, on first use.

    Two patterns: the letters of the Basic Multilingual Plane (a class the engine tests at once, and put
    first so that it skips ahead to them, with the lookbehind put after the letter), and every
    letter, for the rare text with a character beyond it."""
    ranges = code_point_ranges(c for c in range(sys.maxunicode + 1) if chr(c).isupper() and chr(c).isalnum())

    def cls(spans: list[tuple[int, int]]) -> str:
        return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in spans)

    bmp = cls([(a, min(b, 0xFFFF)) for a, b in ranges if a <= 0xFFFF])
    return re.compile(rf"[{bmp}](?<!\w.)\w* [{bmp}]"), re.compile(rf"(?<!\w)[{cls(ranges)}]\w* [{cls(ranges)}]")


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _has_capitalised_pair(text: str) -> bool:
    bmp, every = _capitalised_pair()
    return bmp.search(text) is not None or (_ASTRAL.search(text) is not None and every.search(text) is not None)


def _names(text: str) -> list[tuple[int, int]]:
    """Person names: two to four capitalised words after a form of address."""
    if _GATED and not _has_capitalised_pair(text):
        return []  # a name is two capitalised words one space apart, at least
    words = [m for m in _CAPITALISED.finditer(text)]
    out = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and words[j].group(0)[0].isupper() and not words[j].group(0).isdigit() \
                and (j == i or text[words[j - 1].end():words[j].start()] == " "):
            j += 1
        before = text[max(0, words[i].start() - 14):words[i].start()]
        surname = words[i].group(0) in _SURNAMES and j - i >= 3 and not _PLACE_BEFORE.search(before)
        if j - i >= 2 and (_NAME_LEAD.search(before) or surname):
            out.append((words[i].start(), words[min(j, i + 4) - 1].end()))
            i = j
        else:
            i += 1
    return out


_PEJORATIVE = re.compile(r"(?<!\w)(?:hắn|han ta|thằng|con mụ|mụ|lão|tên này|thằng này|con này|vợ hắn|chồng hắn|"
                         r"nhà hắn|chỉ điểm|chi diem|chửi khách|chui khach|cái đứa|kẻ trộm|tên trộm|kẻ gian|công khai thông tin|đây nè|"
                         r"nè bà con|nói xấu|thông tin của|day ne|ne ba con)(?!\w)", re.IGNORECASE)
_PEJORATIVE_STRONG = re.compile(r"(?<!\w)(?:hắn|thằng|con mụ|mụ|lão|vợ hắn|chồng hắn|nhà hắn|chỉ điểm|kẻ trộm|tên trộm)(?!\w)",
                                re.IGNORECASE)
_WEAK_EXPOSE = frozenset(fold(w) for w in ("đây là", "ai gặp", "ai biết", "báo mình", "ai muốn", "cứ gọi", "info"))
# Words that expose someone whatever else the post says ("bóc phốt", "con nợ", "quỵt"): not a search for a relative.
_SHAMING = frozenset(fold(w) for w in ("bóc phốt", "boc phot", "phốt", "con nợ", "nợ tiền", "lừa tiền", "quỵt", "bỏ trốn",
                                       "giật chồng", "hỏi tội", "vào chửi", "anh em vào chửi", "hết đường trốn"))


def expose_strong(expose: list[dict]) -> bool:
    return any(fold(e["term"]) in _SHAMING for e in expose)


def personal_data_signals(text: str, normalized: str, entities: dict, lex: dict | None = None,
                          quoter: Quoter | None = None) -> list[dict]:
    """Exposure of personal data in the sense of Decree 13/2023/NĐ-CP: identity numbers, phones, bank
    accounts and home addresses of a person, each with its context. Numbers are masked in reasons."""
    lex = lex if lex is not None else lexicon_hits(normalized)
    text = clean(text)
    if not (entities.get("phones") or entities.get("citizen_ids") or entities.get("bank_accounts")
            or _digits(text) or _may_hold(text, _HOUSE_WORDS) or _may_hold(text, _SENSITIVE_WORDS)):
        # No number of any kind: of the findings below only an address said in words ("nhà ở thôn …") or a
        # health condition named with a person is left, and the text holds neither.
        return []
    out = []
    ids = [e for e in entities.get("citizen_ids", [])
           if _ID_CUE.search(text[max(0, e["start"] - 40):e["start"]])
           or not _ACCOUNT_CUE.search(text[max(0, e["start"] - 40):e["start"]])]
    for m in _NINE_DIGITS.finditer(text) if _digits(text) else ():  # the old 9-digit card, when named
        if _ID_CUE.search(text[max(0, m.start() - 30):m.start()]):
            ids.append({"value": m.group(0), "start": m.start(), "end": m.end()})
    if ids:
        matches, quotes = _entity_matches(ids, mask=True, text=text)
        out.append({**_rule("personal_data.citizen_id", HarmCategory.PERSONAL_DATA, 0.85, [],
                            "Lộ số căn cước công dân hoặc chứng minh nhân dân", None, extra_quotes=quotes),
                    "matches": matches, "in": "text"})
    expose = lex.get("expose", [])
    names = _names(text)
    name_matches = [{"term": text[s:e], "start": s, "end": e} for s, e in names]
    phones = entities.get("phones", [])

    # Someone else's data is exposed when the post points at them: a word that exposes, or "hắn", "thằng",
    # "mụ", "cái đứa" (a person talked about, not the writer). Sellers and families give their own.
    def pointed() -> bool:  # asked only where it decides (a scan of the whole text)
        return bool(expose) or bool(_PEJORATIVE.search(text))

    if phones and (names or expose):
        # A number with no name, framed as a warning ("ai gặp số ni thì chặn"), exposes a scammer's line, not a person.
        exposing = expose if names else [e for e in expose if fold(e["term"]) not in _WEAK_EXPOSE] if not _warning(lex) else []
        matches, quotes = _entity_matches(phones, mask=True, text=text)
        out.append({**_rule("personal_data.phone_with_name", HarmCategory.PERSONAL_DATA,
                            0.7 if exposing or (names and pointed() and not expose) else 0.35, [],
                            "Lộ số điện thoại của một người" +
                            (", kèm lời bóc phốt hoặc truy tìm" if expose else ", kèm tên"), None,
                            extra_quotes=quotes), "matches": matches + name_matches, "in": "text"})
    houses = list(_HOUSE.finditer(text)) if _digits(text) or _may_hold(text, _HOUSE_WORDS) else []
    if houses and (names or expose or ids or phones):
        matches = [{"term": m.group(0), "start": m.start(), "end": m.end()} for m in houses]
        out.append({**_rule("personal_data.address", HarmCategory.PERSONAL_DATA,
                            0.65 if (ids or (expose and (names or phones))) else 0.4,
                            [], "Lộ địa chỉ nhà của một người", None,
                            extra_quotes=[m["term"] for m in matches]), "matches": matches, "in": "text"})
    accounts = [a for a in entities.get("bank_accounts", []) if a.get("confidence", 0) >= 0.9]
    if accounts and expose and not _real_asks(lex.get("transfer", [])):
        matches, quotes = _entity_matches(accounts, mask=True, text=text)
        out.append({**_rule("personal_data.bank_account", HarmCategory.PERSONAL_DATA, 0.6, [],
                            "Lộ số tài khoản ngân hàng của một người", None, extra_quotes=quotes),
                    "matches": matches, "in": "text"})
    # A named person with two or more of: phone, identity number, bank account, home address, is a profile.
    any_accounts = [a for a in entities.get("bank_accounts", []) if a.get("confidence", 0) >= 0.5]
    kinds = [k for k in (phones, ids, any_accounts, houses) if k]
    # "Bán xe … xem xe ở kiệt 5 …, gọi anh Tèo 09…": a seller's own name, number and address (see `pointed`).
    if not names and len(kinds) >= 2 and _PEJORATIVE_STRONG.search(text):
        # "Nhà của ông phó chủ tịch xã nè bà con: số 88 …, vợ hắn … số 09…": no name, but the person is pointed at.
        out.append({**_rule("personal_data.profile", HarmCategory.PERSONAL_DATA, 0.7, [],
                            "Công khai nơi ở và số điện thoại của một người bị chỉ trỏ", None), "in": "text"})
    if names and len(kinds) >= 2 and not _real_asks(lex.get("transfer", []) + lex.get("ask_money", [])):
        out.append({**_rule("personal_data.profile", HarmCategory.PERSONAL_DATA,
                            (0.8 if expose or len(kinds) >= 3 else 0.7) if pointed() else 0.3,
                            [], "Công khai nhiều thông tin cá nhân của một người (tên kèm số điện thoại, số giấy tờ, "
                            "tài khoản hoặc địa chỉ)", None, extra_quotes=[m["term"] for m in name_matches[:2]]),
                    "matches": name_matches, "in": "text"})
    if lex.get("lost_found") and not ids and not expose_strong(expose):
        # "Tìm người thân: bà … đi lạc, ai thấy xin báo 091…": the family gives its own number to be called.
        out = [{**x, "score": min(x["score"], 0.3)} for x in out if x["rule"] != "personal_data.citizen_id"]
    sensitive = list(_SENSITIVE.finditer(text)) if names else []
    if not (names and sensitive) and _may_hold(text, _SENSITIVE_WORDS):
        folded = fold(text).lower()
        status, place = _SENSITIVE_STATUS.search(folded), _POINTED_BY_PLACE.search(folded)
        # said of one person ("chị D. … bị HIV", "con bé … phá thai"), not of "người nhiễm HIV" in a notice
        one = status and _ONE_PERSON.search(folded, max(0, status.start() - 50), status.start())
        if one and place and (lex.get("expose") or entities.get("phones") or _KEEP_AWAY.search(folded)):
            # Pointed at by place and passed around ("ai có con chơi với con chỉ thì cẩn thận"): a look, or a
            # finding when a number to reach them is given too. News and notices name no one's house.
            out.append(_rule("personal_data.sensitive", HarmCategory.PERSONAL_DATA,
                             0.7 if lex.get("expose") and entities.get("phones") else 0.5, [],
                             "Công khai tình trạng sức khỏe hoặc đời tư nhạy cảm của một người, chỉ rõ nơi ở hoặc "
                             "cách liên lạc", None, extra_quotes=[text[status.start():status.end()],
                                                                 text[place.start():place.end()]]))
    if names and sensitive:
        out.append({**_rule("personal_data.sensitive", HarmCategory.PERSONAL_DATA, 0.75,
                            [], "Công khai tên người kèm thông tin sức khỏe hoặc đời tư nhạy cảm", None,
                            extra_quotes=[sensitive[0].group(0)] + [m["term"] for m in name_matches[:2]]),
                    "matches": name_matches, "in": "text"})
    return out


def incitement_signals(normalized: str, lex: dict | None = None, quoter: Quoter | None = None,
                       text: str = "") -> list[dict]:
    """A call to gather, block or attack, with a time, a place or weapons. A violence word alone (news of
    a crime) is weak, and a report of what happened ("bị", "đối tượng", "khởi tố") weaker still."""
    lex = lex if lex is not None else lexicon_hits(normalized)
    if _GATED and not lex.get("incite_act") and not lex.get("incite_weapon"):
        return []  # no act of violence to call for
    hay = fold_aligned(normalized)
    # "ai nhận thì chặn liền": an act word inside a warning's own phrase is the advice to block a caller.
    warned = lex.get("warning", [])
    told = reported_speech(normalized)
    acts = [a for a in _drop_harmless(hay, lex.get("incite_act", []), normalized)
            if not any(s <= a["start"] and a["end"] <= e for s, e in told)
            and not _DENIED.search(hay[max(0, a["start"] - 16):a["start"]])
            if not _PASSIVE.search(hay[max(0, a["start"] - 8):a["start"]])
            and not any(w["start"] <= a["start"] and a["end"] <= w["end"] for w in warned)]
    # "mang dao kiếm sang xóm bên", "cầm gậy ra đầu làng": carrying weapons to a place is the act itself.
    # Only against someone: soldiers "mang theo dao, cuốc" to clear mud after a flood attack nobody.
    acts = acts + [w for w in lex.get("incite_weapon", []) if _CARRY_BEFORE.search(hay[max(0, w["start"] - 24):w["start"]])
                   and _HOSTILE.search(hay[max(0, w["start"] - 80):w["end"] + 80])]
    if not acts:
        return []
    # A call must stand by the act it calls for: "phải", "hãy", "tất cả" a few words before it, a call on
    # others ("anh em", "bà con", "kêu gọi") within a sentence or two.
    # Typed without accents, "hay" before "sao", "không", "là" is "or", not "hãy" ("muốn giết dân hay sao").
    calls = [c for c in lex.get("incite_call", [])
             if not (fold(c["term"]) == "hay" and _HAY_QUESTION.match(hay, c["end"]))
             and not (fold(c["term"]) == "phai" and _NOT_BEFORE.search(hay[max(0, c["start"] - 10):c["start"]]))
             and any(max(c["start"] - a["end"], a["start"] - c["end"]) <= (30 if fold(c["term"]) in _WEAK_CALLS else 90)
                    for a in acts)]
    gather = lex.get("incite_gather", [])
    weapons = lex.get("incite_weapon", [])
    places = lex.get("incite_place", [])
    times = lex.get("incite_time", [])
    clock = [{"term": m.group(0), "start": m.start(), "end": m.end()} for m in _CLOCK.finditer(normalized)]
    news = lex.get("news", [])
    # "Đốt hết mấy cái máy xúc đó đi": a sentence-final "đi" after the act is a command; so is a purpose
    # like "cho nhớ đời", "cho họ sợ".
    # The same words are not both the act and its purpose: "rút dây mạng cho biết tay" names no act of violence.
    intents = lex.get("incite_intent", [])
    if all(any(a["start"] < i["end"] and i["start"] < a["end"] for i in intents) for a in acts) \
            and not addresses_someone(_blanked(normalized, told)):
        intents = [i for i in intents if not any(a["start"] < i["end"] and i["start"] < a["end"] for a in acts)]
    calls = calls + intents + [
        {"term": "đi", "start": m.start(1), "end": m.end(1)} for a in acts
        for m in [_COMMAND_DI.search(normalized, a["end"], a["end"] + 60)] if m]
    context = [x for x in (weapons, places, times + clock, gather) if x]
    hits = calls + gather + acts + weapons + places + times
    lead = "Kêu gọi tụ tập, chặn phá hoặc tấn công, kèm thời gian, địa điểm hoặc hung khí"
    clock_quotes = [c["term"] for c in clock]
    # Only a call on others makes it collective: a purpose ("cho mi biết tay") or a command ("…đi") is
    # also what one person threatening another says.
    called = {(c["start"], c["end"]) for c in lex.get("incite_call", [])}
    collective = [c for c in calls if (c["start"], c["end"]) in called and fold(c["term"]) not in _WEAK_CALLS] or gather
    if calls:
        # A call to act violently is incitement; each of time, place, weapons, gathering makes it surer.
        score = _combine(0.6, 0.15 * len(context)) * (0.75 if news and not context else 1.0)
        if not collective and _PERSONAL_THREAT.search(normalized) and not (weapons and (places or times or clock)):
            # "mai t lên trường t cho mày một trận": one person threatening another is harassment, not a
            # call on others; it is that when the threat says when, where or what for.
            threat = [_rule("hate.personal_threat", HarmCategory.HATE_HARASSMENT, 0.6, acts + calls + places + times,
                            "Đe dọa bạo lực nhắm vào một người", quoter, extra_quotes=clock_quotes)] if (
                context or lex.get("incite_intent")) else []
            return [_rule("incitement.call_to_violence", HarmCategory.INCITEMENT, min(score, 0.45), hits,
                          "Lời đe dọa có hành vi bạo lực", quoter, extra_quotes=clock_quotes), *threat]
        return [_rule("incitement.call_to_violence", HarmCategory.INCITEMENT, score, hits,
                      lead if context else "Lời kêu gọi có hành vi bạo lực", quoter, extra_quotes=clock_quotes)]
    if len(context) >= 2 or (times and gather) or (gather and len({a["term"] for a in acts}) >= 2):
        # No call word, but a plan: when, where, with what ("tối mai tập trung…, mang ống tuýp").
        score = _combine(0.5, 0.12 * len(context))
        if news:
            score *= 0.5  # "đối tượng dùng dao đâm…": a report of what happened
        if not collective and _PERSONAL_THREAT.search(normalized):
            score = min(score, 0.45)  # "mai t lên trường t cho mày một trận": a threat, the hate family's
        return [_rule("incitement.planned_violence", HarmCategory.INCITEMENT, score, hits, lead, quoter,
                      extra_quotes=clock_quotes)]
    return [_rule("incitement.violence_term", HarmCategory.INCITEMENT, 0.1 if news else 0.2, acts,
                  "Có từ ngữ bạo lực nhưng không có lời kêu gọi (thường là tin tức)", quoter)]


SUBTOPICS = ("health", "disaster_epidemic", "security_order", "economy", "policy")


_WEAK_SHARE = frozenset(fold(w) for w in ("khẩn cấp", "cảnh báo khẩn", "lan truyền", "tin đồn", "nghe nói", "im lặng",
                                           "tránh xa", "báo nhau", "tin chính xác"))
_OUTAGE = re.compile(r"(?<!\w)(?:mất|mat|cúp|cup|cắt|cat|ngừng|ngung)\s+(?:điện|dien|nước|nuoc)\s+(?:\w+\s+){0,2}?"
                     r"(?:toàn|toan|cả tỉnh|ca tinh|cả miền|ca mien|cả thành phố|ca thanh pho|diện rộng|dien rong|"
                     r"\d+\s*(?:ngày|ngay|tuần|tuan)|(?:48|72)\s*(?:tiếng|tieng|giờ|gio))(?!\w)", re.IGNORECASE)
# Every match of _OUTAGE names power or water.
_OUTAGE_WORDS = _words("điện", "dien", "nước", "nuoc")
# A cure verb just before a disease ("hết tiểu đường", "trị luôn bệnh gan", "đánh bay ung thư"), folded.
_CURE_BEFORE = re.compile(r"(?<!\w)(?:chua|tri|khoi|het|diet|tieu|danh bay|day lui)\s+"
                          r"(?:(?:benh|han|luon|duoc|sach|dut|ngay|het|ca|lun)\s+){0,2}$")
_FUTURE = re.compile(r"(?<!\w)(?:sẽ|sắp|se|sap|trong đêm nay|trong vài giờ|\d+ (?:ngày|tiếng|giờ) nữa)(?!\w)", re.IGNORECASE)


_POINTS_TO_SOURCE = re.compile(r"(?<!\w)(?:xem chi tiet|chi tiet xem|chi tiet tai|tra cuu tai|tra cuu tren|niem yet tai|"
                               r"cong khai tai|dang tai tren|tai cong thong tin|tren cong thong tin|theo quyet dinh so|"
                               r"quyet dinh so|cong van so|thong bao so)(?!\w)")
_OWN_CASE = re.compile(r"(?<!\w)(?:gia dinh toi|nha toi|cua toi|dat nha toi|dat cua toi|toi phan doi|chung toi phan doi|"
                       r"gia dinh chung toi|nha chung toi|toi se khoi kien|toi khieu nai|"
                       # "nhà t phải mua nước bình về nấu cơm": one household's own trouble, told to a utility
                       r"nha t|nha tui|nha tao|nha tau|nha minh|nha em)(?!\w)")
_VAGUE_DECISION = re.compile(r"(?<!\w)(?:theo (?:quyết định|văn bản|công văn|chỉ đạo|chủ trương) mới|quyết định mới|"
                             r"văn bản đã ký|công văn mới|lệnh mới|chính sách mới|quy định mới|nghị định mới|thông tư mới|"
                             r"luật mới|"
                             r"(?:mới|vừa|mới vừa) (?:ra|ban hành|có) (?:quy định|quyết định|lệnh))(?!\w)", re.IGNORECASE)
# Typed without accents ("nghi dinh moi r"), matched on the folded text.
_VAGUE_DECISION_FOLDED = folded_pattern(_VAGUE_DECISION)
# A date the decision is said to start from ("từ 1/9 học sinh phải nộp…").
_FROM_DATE = re.compile(r"(?<!\w)(?:từ|tu|kể từ|ke tu)\s+(?:ngày\s+|ngay\s+)?\d{1,2}/\d{1,2}(?![\d/])", re.IGNORECASE)
# A fine of an amount ("phạt 20 triệu") costs people money like a fee does.
_FINE = re.compile(r"(?<!\w)(?:phạt|phat)\s+(?:tiền\s+|tien\s+)?(?:[^\s\d]+\s+){0,2}?" + _AMOUNT, re.IGNORECASE)
# Supply shut for days, or a price jump by an amount ("cây xăng đóng cửa 3 ngày", "xăng tăng 10k/lít"):
# the claim that panic buying ("đổ đầy bình") pushes.
_SHORTAGE = re.compile(r"(?<!\w)(?:(?:đóng cửa|dong cua|ngừng bán|ngung ban|dừng bán|dung ban|ngừng cung cấp|ngung cung cap|"
                       r"ngừng cấp|ngung cap)\s+(?:\w+\s+){0,3}?\d+\s*(?:ngày|ngay|tuần|tuan|tháng|thang)|"
                       r"(?:tăng|tang)\s+(?:thêm\s+|them\s+)?\d[\d.,]*\s*(?:k|nghìn|nghin|ngàn|ngan|đồng|dong|%)"
                       r"(?:\s*/\s*(?:lít|lit|l|kg|ký|ky|số|so|kwh))?|"
                       # "xăng lên 50k/lít": a price said to rise to an amount, per unit
                       r"(?:lên|len)\s+\d[\d.,]*\s*(?:k|nghìn|nghin|ngàn|ngan|đồng|dong)\s*/\s*(?:lít|lit|l|kg|ký|ky|bình|binh))"
                       r"(?!\w)", re.IGNORECASE)


# How a rumour is told, whatever it claims (flat public rumours take every shape, so the words of the claim
# cannot all be listed, but the telling can), read on the folded text:
# - a source no one can check: someone the writer knows who works somewhere said so ("người nhà t làm trong
#   đó nói", "chị tui làm bên ngân hàng kể"), or word heard from a body ("tui nghe bên công an nói rồi",
#   "cán bộ xã t xác nhận rồi");
# - certainty claimed for it in chat ("chính thức rồi mn", "chắc chắn 100%", "tin từ phòng tài vụ rò ra").
_HEARSAY = re.compile(
    r"(?<!\w)(?:(?:nguoi nha|nguoi quen|ban|chi|anh|chu|co|cau|di|em|thang ban|con ban|ong xa|vo|chong)\s+"
    r"(?:cua\s+)?(?:tui|toi|tau|t|minh|em|to|tao)\s+(?:dang\s+)?(?:lam|cong tac)\s+(?:\S+\s+){0,6}?"
    r"(?:noi|ke|bao|xac nhan|tiet lo|ke lai)|"
    r"nghe\s+(?:ben|may ong|ong|ba|can bo|cong an|ngan hang|tren|xa|phuong|huyen|tinh|so|thay|co|nguoi)\s+"
    r"(?:\S+\s+){0,3}?(?:noi|bao|ke)\s+(?:roi|ro|that|chac)|"
    r"(?:can bo|cong an|ong|ba)\s+(?:xa|phuong|huyen|tinh|dia chinh)\s+(?:tui|tau|t|minh|em)?\s*"
    r"(?:xac nhan|noi|bao)\s+(?:roi|luon|chac)|"
    # an officer of some body said to have said so, opening the claim ("Cán bộ thuế nói rồi: từ 1/1 …")
    r"(?:can bo|cong an|ben|thay|co|bac si)\s+(?:\S+\s+){0,2}?(?:noi|bao|xac nhan)\s+(?:roi|luon)\s*:)(?!\w)")
# A call to act at once on what is told ("gọi ngay đi", "dọn về gấp", "đừng ai đi qua đó"): notices and
# warnings urge people too, so it counts only beside another way of telling (see misinformation_signals).
_URGE = re.compile(r"(?<!\w)(?:(?:goi|chay|ve|rut|ban|don|so tan|tranh|di|nghi|lo)\s+(?:\S+\s+){0,3}?(?:gap|ngay|lien|le)"
                   r"(?:\s+di)?|dung ai (?:di|ra|uong|an|mua)|(?:cho|doi) thong bao (?:chinh thuc )?la (?:muon|tre))(?!\w)")
# ("trang chính thức rồi", "kênh chính thức luôn" name where a debunk is posted: no certainty claimed.)
_CERTAIN = re.compile(r"(?<!\w)(?<!trang )(?<!kenh )(?<!nguon )(?<!web )(?<!fanpage )(?<!website )"
                      r"(?:chinh thuc (?:roi|luon)|chac chan 100|chac 100|100\s*% luon|tin (?:chuan|chac) 100|"
                      r"(?:ro|ro ri) ra (?:do|roi|nha)|tin (?:tu|ben) \S+ (?:\S+ )?ro ra)(?!\w)")
# Cheap gate before either pattern runs (folded words both need).
_TELLING_WORDS = ("noi", "ke", "bao", "xac nhan", "tiet lo", "chinh thuc", "100", "ro ")


def _told_as_settled(normalized: str, folded: str) -> tuple[list[dict], list[dict]]:
    """(hearsay, certainty): the hits of _HEARSAY and _CERTAIN in `folded` (`fold_aligned(normalized)`, lower
    case), quoted as written."""
    if not any(w in folded for w in _TELLING_WORDS):
        return [], []

    def hits(rx):
        return [{"term": normalized[m.start():m.end()], "start": m.start(), "end": m.end()} for m in rx.finditer(folded)]

    return hits(_HEARSAY), hits(_CERTAIN)


def _urged(normalized: str, folded: str) -> list[dict]:
    """The hits of _URGE in `folded` (as for `_told_as_settled`), quoted as written."""
    return [{"term": normalized[m.start():m.end()], "start": m.start(), "end": m.end()} for m in _URGE.finditer(folded)]


# Every rumour finding starts from one of these groups, an outage (see _OUTAGE_WORDS) or a shortage (a digit).
_RUMOUR_TRIGGERS = ("rumour_claim_health", "rumour_cure_strong", "rumour_cure", "rumour_coverup", "rumour_abandon",
                    "rumour_disaster", "rumour_drastic", "rumour_share", "rumour_security", "rumour_insider")


def misinformation_signals(normalized: str, lex: dict | None = None, quoter: Quoter | None = None) -> list[dict]:
    """Rumours, by their structure: a CLAIM (a cure or a health scare, a disaster, a drastic public decision)
    PUSHED by one or more of: urging to share, a false attribution to an authority or an expert, a claim
    that it is being hidden, a call to panic (run, stock up, stop eating). A claim alone asks for a look;
    a claim that is pushed is a rumour to verify. A rumour raises a verification, never a removal."""
    lex = _unmentioned(lex if lex is not None else lexicon_hits(normalized), mentioned(normalized))
    folded = fold_aligned(normalized).lower()  # read by the telling patterns; positions as in `normalized`
    hearsay, certain = _told_as_settled(normalized, folded)
    if _GATED and lex.keys().isdisjoint(_RUMOUR_TRIGGERS) and not _may_hold(normalized, _OUTAGE_WORDS) \
            and not _digits(normalized) and not hearsay and not certain:
        return []  # no claim (health, disaster, outage, a drastic decision or shortage) and no call to share
    coverup = lex.get("rumour_coverup", [])
    # "khẩn cấp", "lan truyền", "tin đồn" are also what news and debunks say: a weak push. A claim that
    # the news is hidden counts once, as a cover-up.
    share_all = [h for h in lex.get("rumour_share", [])
                 if not any(c["start"] < h["end"] and h["start"] < c["end"] for c in coverup)]
    share = [h for h in share_all if fold(h["term"]) not in _WEAK_SHARE]
    weak_share = [h for h in share_all if fold(h["term"]) in _WEAK_SHARE]
    # One phrase is not both the claim and its push: "mất trắng" claims a loss, it does not urge one to act.
    drastic_spans = {(d["start"], d["end"]) for d in lex.get("rumour_drastic", [])}
    panic = [p for p in lex.get("rumour_panic", []) if (p["start"], p["end"]) not in drastic_spans]
    authority, expert = lex.get("authority", []), lex.get("rumour_expert", [])
    attribution = (lex.get("rumour_attr", []) + expert + _attributed_warnings(lex)) if (authority or expert) else []
    remedy, disease = lex.get("rumour_remedy", []), lex.get("rumour_disease", [])
    # "uống thuốc 5 ngày là khỏi": the medicine a doctor gave is no home remedy.
    hay_r = fold_aligned(normalized)
    remedy = [r for r in remedy if not (fold(r["term"]) == "uong" and re.match(r"\s+thuoc(?!\s+(?:nam|la|bac|dan gian))",
                                                                            hay_r[r["end"]:r["end"] + 16]))]
    # "cẩn thận" (be careful) is no kidney ("thận").
    hay = fold_aligned(normalized)
    disease = [d for d in disease if not hay[max(0, d["start"] - 4):d["start"]].endswith("can ")]
    # "đã chữa khỏi 200 bệnh nhân" is news; a cure claim needs a home remedy, or a claim like "không cần đi viện".
    health = lex.get("rumour_claim_health", []) + lex.get("rumour_cure_strong", []) + (
        lex.get("rumour_cure", []) if remedy else [])
    if remedy and disease and not health:
        # "uống nước lá ổi mỗi sáng là hết tiểu đường": a cure said with a verb the lists lack, right before
        # the disease, beside a home remedy (read the same way as rumour_cure, which needs a remedy too).
        health = [{"term": normalized[m.start():d["start"]] + d["term"], "start": m.start(), "end": d["end"]}
                  for d in disease for m in [_CURE_BEFORE.search(hay, max(0, d["start"] - 24), d["start"])] if m]
    # An outage said to last days or to cover a whole province ("cúp điện toàn tỉnh 48 tiếng"): a disaster claim.
    outages = _OUTAGE.finditer(normalized) if _may_hold(normalized, _OUTAGE_WORDS) else ()
    disaster = lex.get("rumour_disaster", []) + [
        {"term": m.group(0), "start": m.start(), "end": m.end()} for m in outages]
    shortages = _SHORTAGE.finditer(normalized) if _digits(normalized) else ()
    drastic = lex.get("rumour_drastic", []) + [
        {"term": m.group(0), "start": m.start(), "end": m.end()} for m in shortages]
    dated = lex.get("rumour_policy", []) + ([
        {"term": m.group(0), "start": m.start(), "end": m.end()} for m in _FROM_DATE.finditer(normalized)]
        if _digits(normalized) else [])
    absolute = lex.get("rumour_absolute", [])
    public = lex.get("incite_call", [])
    # Read only by a disaster or a drastic claim.
    future = [{"term": m.group(0), "start": m.start(), "end": m.end()} for m in _FUTURE.finditer(normalized)] \
        if disaster or drastic else []
    # Telling the sick to drop their treatment ("bỏ thuốc", "không cần chạy thận") pushes a cure claim.
    abandon = lex.get("rumour_abandon", [])
    # An insider said to have told the writer ("người nhà làm địa chính nói rồi", "tin nội bộ"): a source
    # no one can check, which is how fake decisions travel.
    insider = lex.get("rumour_insider", [])
    insider = insider + [h for h in hearsay if not any(i["start"] < h["end"] and h["start"] < i["end"] for i in insider)]
    # A call to act at once that no panic term covers ("ai có người thân ở đó gọi gấp") is a weak push.
    urged = [u for u in _urged(normalized, folded) if not any(p["start"] < u["end"] and u["start"] < p["end"] for p in panic)]
    pushes = [(share, 0.45), (coverup, 0.45), (panic, 0.35), (attribution, 0.35), (insider, 0.35), (certain, 0.3),
              (urged, 0.2), (weak_share, 0.15)]

    def pushed(extra: list[tuple[list, float]]) -> tuple[float, list[dict], int]:
        weights = [w for hits, w in pushes + extra if hits]
        return _combine(*weights), [h for hits, _w in pushes + extra for h in hits], len(weights)

    out = []
    # An epidemic said to be hidden ("bệnh viện giấu dịch, hàng chục ca tử vong") is a health claim too.
    health = health + (coverup[:1] if disease and not health else [])
    # "Đừng cho con đi tiêm", "khỏi cần tiêm phòng", "không cần mổ": telling people to drop care is a health
    # claim itself when it names a disease, a vaccine or a remedy.
    health = health + (abandon if (disease or remedy) and not health else [])
    if health and (disease or remedy or attribution or share or coverup or panic):
        push, hits, n = pushed([(public, 0.1), (abandon, 0.4)])
        out.append(_rule("misinformation.health_claim", HarmCategory.MISINFORMATION, _combine(0.45, push),
                         health + remedy + disease + hits + (authority if attribution else []),
                         "Tuyên bố về chữa bệnh hoặc tác hại sức khỏe chưa được kiểm chứng" +
                         (", gán cho cơ quan hoặc thầy thuốc" if attribution else "") +
                         (", kèm lời thúc giục lan truyền" if share else ""), quoter, "health"))
    if disaster:
        push, hits, n = pushed([(future, 0.2), (public, 0.15)])
        out.append(_rule("misinformation.disaster_claim", HarmCategory.MISINFORMATION, _combine(0.4, push),
                         disaster + hits, "Tin về thảm họa, sự cố" + (" kèm lời thúc giục lan truyền hoặc hoảng loạn"
                                                                      if n else "") + ", cần kiểm chứng",
                         quoter, "disaster_epidemic"))
    security = lex.get("rumour_security", [])
    if security:
        # "xe 7 chỗ bắt cóc trẻ em quanh trường, báo chí giấu, share cả nhóm": a danger to the public, pushed.
        # Told plainly ("công an bắt đối tượng bắt cóc trẻ em") it is news: only a push makes it a rumour.
        push, hits, n = pushed([])
        if n:
            out.append(_rule("misinformation.security_claim", HarmCategory.MISINFORMATION, _combine(0.4, push),
                             security + hits, "Tin về mối nguy an ninh, trật tự (bắt cóc, tội phạm) kèm lời thúc giục "
                             "lan truyền hoặc hoảng loạn, cần kiểm chứng", quoter, "security_order"))
    if drastic and (authority or dated or panic or coverup or share or insider):
        # Pinned on an authority's announcement ("Sở Y tế thông báo từ tuần sau ngừng khám…"), or pushed
        # by panic ("đổ đầy bình ngay kẻo mai không còn") or a claim that it is hidden.
        announced = dated[:1] if authority else []
        # A decision that costs people money ("học sinh phải đóng 5 triệu", "chỉ cần nộp 3 triệu để được cấp
        # bằng"), or one cited with no number or date ("theo quyết định mới"), is how fake policies read.
        money = [{"term": m.group(0), "start": m.start(), "end": m.end()}
                 for rx in (_BUY_IN, _FINE) for m in rx.finditer(normalized)]
        vague = [{"term": normalized[m.start():m.end()], "start": m.start(), "end": m.end()}
                 for m in _VAGUE_DECISION_FOLDED.finditer(fold_aligned(normalized))]
        push, hits, n = pushed([(absolute, 0.2), (future, 0.1), (announced, 0.2), (money, 0.3), (vague, 0.2)])
        score = _combine(0.45, push)
        if not (share or coverup or panic or insider) and _POINTS_TO_SOURCE.search(fold_aligned(normalized)):
            # "…bậc 1 tăng 800 đồng/m3. Khách hàng xem chi tiết biểu giá tại trụ sở công ty": a notice that
            # says where to check it.
            score = min(score, 0.45)
        if lex.get("grievance") and not (share or coverup):
            # "…phải mua nước bình mà uống. Đề nghị công ty cấp nước kiểm tra": a complaint asks the body to
            # answer; a rumour is pushed to be spread.
            score = min(score, 0.45)
        if not insider and _OWN_CASE.search(fold_aligned(normalized)):  # "người nhà mình làm…" is a source
            # "Tôi phản đối quyết định cưỡng chế thu hồi đất của gia đình tôi": one's own case, told to be
            # answered, is a grievance, not a rumour about a public decision.
            score = min(score, 0.3)
        out.append(_rule("misinformation.public_claim", HarmCategory.MISINFORMATION, score,
                         authority + drastic + dated + hits,
                         "Tin về một quyết định gây thiệt hại lớn cho người dân, chưa có nguồn chính thức, cần "
                         "kiểm chứng", quoter, "policy"))
    if not out and share and (attribution or coverup):
        out.append(_rule("misinformation.false_attribution", HarmCategory.MISINFORMATION, 0.6,
                         attribution + coverup + share, "Gán lời xác nhận cho cơ quan có thẩm quyền hoặc nói tin bị "
                         "che giấu, và thúc giục lan truyền, cần kiểm chứng", quoter, "policy"))
    elif not out and (coverup or insider or certain or (share and absolute)
                      or ((share or weak_share) and (panic or urged))):
        # No claim the lexicons know, but the telling of a rumour (see _HEARSAY): a source no one can check,
        # a claim that it is hidden, certainty claimed in chat, or a call to share what is "100%". A call to
        # act on it ("bán sớm đi kẻo mất giá") counts only beside one of those: notices urge people too.
        # A look, never a finding on its own; the civic-context model may decide it (analyzer._civic_opinion).
        urge = panic + urged
        told = coverup + insider + certain + share + weak_share + (absolute if share else []) + urge
        kinds = sum(1 for hits in (coverup, insider, certain, share or weak_share, urge) if hits)
        out.append(_rule("misinformation.unverified_push", HarmCategory.MISINFORMATION,
                         {1: 0.3, 2: 0.4}.get(kinds, 0.5),
                         told, "Tin chưa có nguồn kiểm chứng, được truyền đi như chuyện đã chắc (nguồn tin không ai "
                         "kiểm chứng được, nói là bị che giấu, hoặc thúc giục lan truyền), cần kiểm chứng",
                         quoter, "policy"))
    elif not out and share:
        out.append(_rule("misinformation.rumour", HarmCategory.MISINFORMATION, 0.2, share,
                         "Lời thúc giục lan truyền tin chưa kiểm chứng", quoter, "policy"))
    for s in out:
        s["subtopic"] = s["detail"]
    if _warning(lex, rumour=True):
        out = [_capped(s, lex, quoter, rumour=True) for s in out]
    return out


# Holders of public office named by title, and public bodies.
_OFFICE = re.compile(r"(?<!\w)(?:cán bộ|can bo|chủ tịch|chu tich|lãnh đạo|lanh dao|giám đốc|giam doc|trưởng (?:phòng|ban|"
                     r"công an|thôn|khoa|đoàn)|hiệu trưởng|bí thư|công an|cong an|csgt|cảnh sát|ubnd|ủy ban|chính quyền|"
                     r"quan chức|ban quản lý|thanh tra|kiểm lâm|đại biểu|sở \w+)(?!\w)", re.IGNORECASE)
# Harsh words of criticism (not profanity, slurs or threats) that are answered when said of an office.
_HARSH_CRITICISM = frozenset(fold(w) for w in ("ăn hại", "đồ ăn hại", "lũ ăn hại", "ngu dốt", "vô học", "đần độn",
                                               "thiểu năng", "vô ơn", "mặt dày"))


_FEELING_BEFORE = re.compile(r"(?<!\w)(?:tuc|cuoi|met|so|nong|doi|buon|them|nho|lo|dau|ret|lanh|khat|vui|suong|mung|"
                             r"thuong|ghen|chan)\s*$")


_ANIMAL_AFTER = re.compile(r"\s+(?:nha|cua nha|cua minh|minh|de|lac|co|muc|vang|den|trang|cung|con|bi|nay|mau|giong|becgie|"
                           r"phoc|nuoi|an|sua|can|dai)(?!\w)")


_PEOPLE_OF = re.compile(r"(?<!\w)(?:dân|người|dan|nguoi)\s+(?:xứ\s+|xu\s+)?\w+")
# What a people is blamed for having done ("ăn quỵt", "ôm đồ trốn", "đi nhậu hết").
_BAD_DEEDS = re.compile(r"(?<!\w)(?:an quyt|quyt|om do tron|bo tron|an cap|an trom|lua dao|lua loc|di nhau het|nhau het|"
                        r"an hai|luoi|ban tinh|danh nhau)(?!\w)")
_PRONOUN_GROUPS = frozenset(fold(w) for w in ("bọn", "lũ", "tụi", "tụi nó", "bọn nó", "mấy ông bà"))
_VICTIM = re.compile(r"(?<!\w)(?:bi|boi|nan nhan|de phong|canh giac|coi chung)(?!\w)")


# Said of a whole people: "toàn", "đều", "đứa nào cũng", "ai cũng", then, within a few words, one of these
# (folded), a bad thing that no one could know of every member of a people.
_SWEEPING = re.compile(r"\s*(?:(?:o|ở|tren|trên|ngoai|ngoài|do|đó|nay|này|ni|kia|\w+)\s+){0,3}?"
                       r"(?:toan|đều|deu|dua nao cung|thang nao cung|con nao cung|ai cung|nguoi nao cung|100%|"
                       r"het thay|tat ca deu|ca lu|ca bon)\s", re.IGNORECASE)
_SWEEPING_BAD = re.compile(r"(?<!\w)(?:ngu|dot|lao|luoi|ban thiu|hoi|mat day|khon nan|deu|gian|lua dao|lua loc|an cap|"
                           r"an trom|trom|rac ruoi|suc vat|moi ro|man ro|hen|ton com|ghe tom|dien|ngao|dan don|"
                           r"lươn lẹo|luon leo|con do|lau ca|an bam|vo hoc|vo van hoa|ac)(?!\w)")


_DENIED_BEFORE = re.compile(r"(?<!\w)(?:khong|ko|chang|cha|chua|dau co)(?:\s+(?:ai|he|bao gio|co|phai|la))*\s+$")
_NOT_SO = re.compile(r"(?<!\w)(?:khong|ko|k|chang|cha|dau co|it ai|chua|het)(?!\w)|,|\.")


def _sweeping(normalized: str, groups: list[dict]) -> list[dict]:
    """For each people named (not "bọn", "tụi"), a sweeping "toàn/đều/đứa nào cũng" + a bad thing said of it."""
    hay = fold_aligned(normalized)
    out = []
    for g in groups:
        if fold(g["term"]) in _PRONOUN_GROUPS:
            continue
        m = _SWEEPING.match(hay, g["end"], min(len(hay), g["end"] + 60))
        if not m or _VICTIM.search(hay, g["end"], m.end()):
            continue  # "dân miền Trung đều bị lừa": the people is the victim
        bad = _SWEEPING_BAD.search(hay, m.end(), min(len(hay), m.end() + 30))
        if bad and not _NOT_SO.search(hay, m.end(), bad.start()):  # "… toàn dân hiền, không ai ăn cắp"
            out.append({"term": normalized[m.end():bad.end()].strip() or bad.group(0), "start": m.end(), "end": bad.end()})
    return out


_HATE_TRIGGERS = ("insult", "threat", "shun", "body_shame", "hate_trait", "hate_trait_people", "hate_essence",
                  "hate_shut_out")


# The writer as the one at fault: "tao vừa tự…", "mình đúng là…", "tự chửi mình".
# A likeness ("đứng như thằng ngu", "chạy như con điên"): no one is called that.
_SIMILE = re.compile(r"(?<!\w)nhu (?:thang|con|dua|lu|bon) \w+(?!\w)")
_SELF_BLAME = re.compile(r"(?<!\w)(?:tao vua tu|tau vua tu|tui vua tu|minh vua tu|tu chui minh|tu chui tau|tu chui tao|tu chui tui|tu trach minh|ngu la tao|"
                         r"ngu la tui|ngu la minh|"
                         r"dung la minh|minh dung la|tao dung la|tui dung la|tau dung la|ngu nhu tao|ngu nhu minh)(?!\w)")


def blames_self(normalized: str) -> bool:
    """The writer calls themself the fool ("tao vừa tự lao vô trụ…, óc chó thiệt") and addresses no one."""
    hay = fold_aligned(normalized)
    return bool(_SELF_BLAME.search(hay)) and not _addresses_beyond_likeness(normalized, hay)


def _addresses_beyond_likeness(normalized: str, hay: str) -> bool:
    """`addresses_someone`, with likenesses ("đứng như thằng ngu") left out: no one is called that."""
    similes = [m.span() for m in _SIMILE.finditer(hay)]
    return addresses_someone(_blanked(normalized, similes) if similes else normalized)


def _separate(hits: list[dict]) -> int:
    """How many distinct things the hits name: overlapping hits ("béo như" and "như heo" in "béo như heo") are
    one, and the same words said twice are one."""
    count, end, seen = 0, -1, set()
    for h in sorted(hits, key=lambda h: (h["start"], -h["end"])):
        if h["start"] < end:
            end = max(end, h["end"])
            continue
        term = fold(h["term"])
        if term not in seen:
            count += 1
            seen.add(term)
        end = h["end"]
    return count


def hate_signals(normalized: str, lex: dict | None = None, quoter: Quoter | None = None) -> list[dict]:
    """Insults, slurs and threats aimed at a person, and degrading words about a group. The span
    tagger (analysis/spans.py, trained on ViHOS spans) finds more; this family needs no model."""
    lex = _unmentioned(lex if lex is not None else lexicon_hits(normalized), mentioned(normalized))
    shaming = _SPREAD_SHAME.search(fold_aligned(normalized).lower())
    sweeping = _sweeping(normalized, lex.get("hate_group", [])) if "hate_group" in lex else []
    if _GATED and lex.keys().isdisjoint(_HATE_TRIGGERS) and not shaming and not sweeping:
        return []  # a group named alone is no finding: it needs a trait, an essence or a call to shut it out
    out = []
    hay = fold_aligned(normalized)
    # "tức chết đi được", "cười chết đi được": a feeling, said of oneself, not "(mày) chết đi".
    insults = [h for h in lex.get("insult", []) if not (fold(h["term"]) == "chet di" and (
        _FEELING_BEFORE.search(hay[max(0, h["start"] - 12):h["start"]]) or hay[h["end"]:h["end"] + 6].strip().startswith("duoc")))
        # "con chó nhà mình đẻ 5 con", "con chó lạc": an animal, not the insult
        and not (fold(h["term"]) == "con cho" and (_ANIMAL_AFTER.match(hay, h["end"]) or lex.get("lost_found")))
        # "dm mấy xe container" typed "dm may xe": "mấy", a count, not "mày"
        and not (fold(h["term"]) in ("me may", "bo may") and _COUNTED_AFTER.match(hay, h["end"]))]
    threats = lex.get("threat", [])
    groups, traits = lex.get("hate_group", []), lex.get("hate_trait", [])
    # "không ai ăn cắp", "chẳng hề lười": a trait denied is not said of anyone.
    traits = [t for t in traits if not _DENIED_BEFORE.search(hay, max(0, t["start"] - 12), t["start"])]
    if insults:
        score = 0.6 + 0.1 * min(2, len(insults) - 1)
        lead = "Có từ ngữ xúc phạm, lăng mạ"
        capped = False
        if not threats and swearing_at_nobody([h["term"] for h in insults], normalized):
            # "đm thua nữa là bỏ ăn 3 ngày": a swear word aimed at nobody; a look at most.
            score, lead, capped = 0.35, "Có từ tục tĩu nhưng không nhắm vào ai (cần xem xét)", True
        elif not threats and len(insults) == 1 and _SELF_BLAME.search(hay) and not groups \
                and not _addresses_beyond_likeness(normalized, hay):
            # "tao vừa tự lao vô trụ…, óc chó thiệt chớ": the writer calling themself a fool; a look at most.
            # ("xe chết máy đứng giữa đường như thằng ngu, tau tự chửi tau": "như thằng ngu" is a likeness.)
            score, lead, capped = 0.35, "Có từ xúc phạm nhưng người viết tự nói về mình (cần xem xét)", True
        if not threats and _OFFICE.search(normalized) and all(fold(h["term"]) in _HARSH_CRITICISM for h in insults):
            # "Cán bộ phường ăn hại": harsh words about an office or its holders by title are criticism, which
            # is answered, never flagged; a look is the most it asks for.
            score, lead, capped = 0.4, "Lời chê trách gay gắt nhắm vào chức vụ, cơ quan (phê bình, không kết luận xúc phạm)", True
        insult = _rule("hate.insult", HarmCategory.HATE_HARASSMENT, score, insults, lead, quoter)
        # Capped for a reason the rule read (nobody aimed at, the writer themself, an office criticised): a
        # model of n-grams reads the rude words, not the reason, so it may not raise it again (analyzer).
        out.append({**insult, "capped": True} if capped else insult)
    if threats:
        out.append(_rule("hate.threat", HarmCategory.HATE_HARASSMENT, 0.8 if len({fold(t["term"]) for t in threats}) >= 2 else 0.7,
                         threats + insults,
                         "Đe dọa gây thương tích cho một người", quoter))
    shun = lex.get("shun", [])
    if shun:
        # "mọi người tẩy chay nó đi", "cả trường biết nó là con đ*": turning others against one person.
        out.append(_rule("hate.shun", HarmCategory.HATE_HARASSMENT, 0.8, shun + insults + threats,
                         "Kêu gọi cô lập, tẩy chay hoặc bôi nhọ một người", quoter))
    if shaming and not shun and (insults or lex.get("body_shame") or _MOCKING.search(normalized)):
        # "tag nó vô cho nó coi luôn 😂", "ae share mạnh cho em nổi tiếng cả xã": one person held up to
        # ridicule before a whole class or village. A look on its own (the civic-context model may decide).
        spread = [{"term": normalized[shaming.start():shaming.end()], "start": shaming.start(), "end": shaming.end()}]
        out.append(_rule("hate.public_shaming", HarmCategory.HATE_HARASSMENT, 0.6, spread + insults,
                         "Kêu gọi lan truyền để chế giễu, bêu riếu một người", quoter))
    body = lex.get("body_shame", [])
    flaws = _separate(body)
    if flaws >= 2:
        # One flaw named may be a description; two or more heaped on one person is mockery.
        out.append(_rule("hate.body_shaming", HarmCategory.HATE_HARASSMENT,
                         0.8 if flaws >= 3 else 0.7, body + insults,
                         "Chế giễu ngoại hình, khuyết tật của một người", quoter))
    near = [t for t in traits if any(0 <= t["start"] - g["end"] <= 60 for g in groups)]
    # "Dân miền ngoài toàn bọn lừa lọc": a trait of cunning said of a people; not said of "bọn" (scammers are
    # "bọn lừa lọc" in every warning) and not when the group is the victim ("dân miền Trung bị bọn lừa lọc …").
    people = [g for g in groups if fold(g["term"]) not in _PRONOUN_GROUPS]
    near += [t for t in lex.get("hate_trait_people", [])
             if any(0 <= t["start"] - g["end"] <= 40 and not _VICTIM.search(hay[g["end"]:t["start"]]) for g in people)]
    # A people named by its place ("dân Nghệ", "người xứ Thanh"): a people only when it is said to be so by
    # nature or kept out, not the residents of a ward in a complaint.
    places = [{"term": m.group(0), "start": m.start(), "end": m.end()} for m in _PEOPLE_OF.finditer(normalized)] \
        if lex.get("hate_essence") or lex.get("hate_shut_out") else []  # read only with one of those
    essence, shut_out = lex.get("hate_essence", []), lex.get("hate_shut_out", [])
    named = people + places
    if (essence and named and (traits or lex.get("hate_trait_people") or _BAD_DEEDS.search(hay))) or (
            shut_out and any(-90 <= g["start"] - s["start"] <= 30 for s in shut_out for g in named + groups)):
        near += essence + shut_out
        # "dân xứ đó toàn lươn lẹo, … đừng tin đứa nào": the trait follows the people named by its place.
        near += [t for t in traits + lex.get("hate_trait_people", []) if t not in near
                 and any(0 <= t["start"] - g["end"] <= 60 for g in places)]
    # "dân xứ đó đứa nào cũng láo": a whole people said to be one bad thing (see _sweeping).
    near += [h for h in sweeping if h not in near]
    # A trait is said of the people named in the same post, a sentence or so away.
    near += [t for t in traits if t not in near and any(60 < t["start"] - g["end"] <= 110 for g in people)]
    if near:
        # Two or more degrading traits heaped on one people is no slip of the tongue.
        # One degrading trait said of a people named as such ("Đàn bà lái xe như đầu đất"), not of "bọn", is
        # as sure as two said of "bọn".
        # Not in a news report, where a people is more often the victim ("nữ tài xế bị trộm cắp sạch tài sản").
        distinct = len({fold(t["term"]) for t in near})
        boosted = distinct == 1 and bool(people or places) and not lex.get("news") and not news_style(normalized, lex)
        signal = _rule("hate.group", HarmCategory.HATE_HARASSMENT, 0.8 if distinct >= 2 or boosted else 0.7,
                       # the people named by its place is quoted too ("Dân Nghệ … cái giống đó")
                       groups + [g for g in places if any(abs(t["start"] - g["end"]) <= 90 for t in near)] + near,
                       "Miệt thị một nhóm người", quoter)
        out.append({**signal, "one_trait": True} if boosted else signal)
    return out


# A call to spread a post about someone before the people who know them ("share mạnh cho em nổi tiếng cả
# xã", "tag nó vô", "up lên nhóm lớp", "cho cả trường biết"), read folded; and mockery said with it.
_SPREAD_SHAME = re.compile(r"(?<!\w)(?:(?:share|chia se) (?:manh|nhiet tinh|cho ca|cho ae|len nhom)|"
                           r"tag (?:no|han|con do|thang do|em ay|anh ay)(?: vo| vao)?|"
                           r"(?:up|dang|dang tai|tung) (?:len|vo|vao) (?:nhom|group|mang|face|fb|tiktok|tik tok)|"
                           r"cho (?:ca|toan) (?:truong|lop|xa|xom|khoa|lang|thon|phuong|tinh|khu) (?:biet|coi|xem|cuoi)|"
                           r"noi tieng ca (?:xa|xom|truong|lop|tinh|huyen|lang|thon|khoa)|"
                           r"ca (?:khoa|lop|truong|xom|lang) (?:cuoi|che) (?:sau lung|vao mat))(?!\w)")
_MOCKING = re.compile(r"😂|🤣|🤡|😏|😆|(?<!\w)(?:coi cười|cười đau bụng|cười ẻ|cười vỡ bụng|haha|kkk|hihi|cho vui)(?!\w)",
                      re.IGNORECASE)


# Words that offend on their own, as written (accents matter: "ngủ" is sleep, "ngu" is stupid), joined in
# `_offensive_vocabulary` by those learned from ViHOS train's span labels (analysis/offensive_lexicon.py).
# The span tagger also marks everyday words ("thằng em", "chết cười", "con chó nhà mình", "giết mổ con heo"):
# without one of these in its spans, the post-level model alone does not confirm it (see analyzer).
# "giết", "chết" and "heo" are not here: they offend only in the pairs of _OFFENSIVE_PAIRS ("giết mày").
_OFFENSIVE_WORDS = frozenset((
    "bede", "biến", "buồi", "bã", "bò", "bần", "bẩn", "bệnh", "bố", "bựa", "cac", "ccc", "cha", "chém", "chó", "cl",
    "clg", "clm", "cmm", "cmn", "cmnr", "cuồng", "câm", "cút", "cẩu", "cặc", "cặn", "cụ", "dcm", "dit", "dkm", "dm",
    "dmcs", "dmm", "dày", "dơ", "dạy", "dốt", "dụng", "hoạn", "hãm", "hèn", "hôi", "hạ", "hại", "khùng", "khỉ",
    "khốn", "khựa", "l*n", "loz", "lozz", "lz", "láo", "lồn", "lợn", "mõm", "mặt", "mẹ", "mịa", "mọe", "mọi",
    "mồm", "ngu", "ngáo", "ngợm", "nhục", "nết", "nứng", "phò", "phản", "rác", "rách", "rạch", "rẻ", "rợ", "sml",
    "súc", "sủa", "thg", "thái", "thú", "thối", "thộn", "tiện", "trym", "trẩu", "tát", "tởm", "vailon", "vcc", "vcl",
    "vkl", "vl", "vô", "vả", "vật", "xàm", "xéo", "éo", "óc", "đb", "đcm", "đit", "điên", "điếm", "đkm", "đm", "đmm",
    "đàn", "đánh", "đâm", "đéo", "đù", "đĩ", "đũy", "đần", "đầu", "đập", "đẳng", "đếch", "đểu", "địt", "đốt", "đụ",
))
# Typed without accents the vocabulary is folded (see `_offensive_vocabulary`), plus these abbreviations.
_OFFENSIVE_WORDS_PLAIN = frozenset((
    "ngu", "trym", "dit", "dm", "dmm", "dcm", "dkm", "vcl", "vkl", "vl", "vcc", "clm", "clg", "ccc", "cmm", "cmn",
    "cmnr", "sml", "vailon", "dmcs", "bede", "loz", "lozz", "lz", "dech", "thg",
))
_OFFENSIVE_PAIRS = re.compile(
    r"(?<!\w)(?:mặt dày|mất nết|mất dạy|thú vật|súc vật|súc sinh|rẻ rách|biến thái|hạ đẳng|hạ lưu|vô học|cặn bã|"
    r"bệnh hoạn|rác rưởi|mọi rợ|bê đê|pê đê|đầu bò|đầu đất|não tôm|não cá vàng|não phẳng|óc (?:chó|lợn|heo|bò|trâu)|"
    r"mẹ kiếp|tổ cha|ăn cứt|đụ má|đù má|địt mẹ|đ[ịi]t con mẹ|con mẹ (?:mày|mi|nó)|"
    r"(?:bố|cha|mẹ|má|cụ|ông nội|bà nội) (?:mày|mi|chúng mày|tụi bay|nhà mày)|"
    r"(?:đồ|thằng|lũ|bọn|tụi) (?:chó|lợn|khỉ)|"  # "con chó", "con lợn" are animals too
    r"(?:đồ|thằng|con|lũ|bọn|tụi) (?:khốn|điên|khùng|ngu|súc|đĩ|điếm|phò|mất dạy|hèn|vô dụng|rác|"
    r"bệnh|biến thái|mọi|ranh|mặt dày|chó chết|đần|ngáo|ôn|ôn con|ăn hại|vô học)|"
    r"(?:giết|đâm|chém|đập|tát|vả|đánh|rạch|đốt|xử|thịt) (?:chết )?(?:mày|mi|chúng mày|tụi bay|hắn|cả nhà (?:mày|nó|hắn)))(?!\w)",
    re.IGNORECASE)
# Typed without accents, the pairs whose folded form is not also an everyday phrase ("bo may" is "bộ máy").
_OFFENSIVE_PAIRS_PLAIN = re.compile(
    r"(?<!\w)(?:mat day|mat net|thu vat|suc vat|suc sinh|bien thai|ha dang|ha luu|vo hoc|can ba|benh hoan|rac ruoi|"
    r"moi ro|be de|pe de|dau bo|dau dat|nao tom|nao ca vang|oc (?:cho|lon|heo|bo|trau)|me kiep|to cha|an cut|du ma|"
    r"dit me|dit con me|con me (?:may|mi|no)|(?:la|nhu) con cho|cho chet|(?:me|ma|cha) (?:may|chung may|tui bay)|"
    r"(?:thang|con|lu|bon|tui) (?:ngu|cho chet|khon nan|dien|mat day|suc vat|oc cho|phan dong|di|diem|pho)|do (?:ngu|khon nan|mat day|suc vat|cho chet)|"
    r"(?:giet|dam|chem|dap|tat) (?:chet )?(?:may|chung may|tui bay|ca nha (?:may|no|han)))(?!\w)")
_EVERYDAY_PAIRS = re.compile(r"(?<!\w)(?:chết cười|cười chết|mệt chết|chết mệt|con chó nhà|chó nhà|chó con|chó mèo|chó cỏ|"
                             r"chó mực|chó vàng|chó đẻ \d|nuôi chó|chó lạc|tìm chó|mất chó|chó cưng|thịt chó|bệnh dại|"
                             r"mất điện|mất nước|mất ngủ|mất tiền|mất việc|mất mùa|mặt trời|mặt đường|mặt đất|mặt hàng|"
                             r"đầu tư|đầu năm|đầu làng|đầu ngõ|bố mẹ|cha mẹ|mẹ con|bố con|cha con|ông bà|vô cùng|vô địch|"
                             r"đánh giá|đánh bắt|đánh cá|bệnh viện|bệnh nhân|vật nuôi|động vật|đàn ông|đàn bò|đàn gà|nhiễm bẩn|nước bẩn|"
                             r"bị bẩn|làm bẩn|rác thải|bãi rác|xe rác|đổ rác|thu gom rác|phí rác|phân loại rác|đội bóng|đá bóng|bóng đá|"
                             r"sân bóng|quả bóng|trái bóng|tức chết|đánh nhau|vui chết|sướng chết|buồn chết|đói chết|nóng chết|lạnh chết|"
                             r"thèm chết|chết mất|chết đi được|thằng bạn|thằng em|thằng cháu|thằng con|thằng anh|thằng bé|"
                             r"thằng út|con bạn|chém gió|tát nước|lon bia|lon nước|chết máy|giết chuột|giết mổ|lò mổ|thú y|heo chết|heo bệnh|lợn chết|lợn bệnh|heo hơi|lợn hơi|thịt heo|thịt lợn|"
                             r"nuôi heo|nuôi lợn|chuồng heo|chuồng lợn|đàn heo|đàn lợn|heo con|lợn con|chăn nuôi|đánh đầu|như giết|"
                             r"chạy chết|tiền đạo|hậu vệ|thủ môn|tiền vệ|trọng tài|sút chết|chết trâu|chết bò|trâu bò|chết người|chó sủa|"
                             r"sủa cả|sủa suốt|sủa inh|sủa ầm|như điên|thằng phản diện|con phản diện|ngủ tới sáng|ngủ đến sáng|đi ngủ|"
                             r"buồn ngủ|ngủ ngon|ngủ say|ngủ trưa|ngủ sớm|ngủ dậy|giấc ngủ|ngủ quên|ngủ nướng|ngủ không được|"
                             r"ngủ ko được|chưa ngủ|ngủ luôn)(?!\w)",
                             re.IGNORECASE)
# Typed without accents, the same pairs folded ("doi bong", "tuc chet").
_EVERYDAY_PAIRS_FOLDED = folded_pattern(_EVERYDAY_PAIRS)


@functools.lru_cache(maxsize=1)
def _lost_found_re() -> re.Pattern:
    """The `lost_found` terms of data/rule_terms.tsv (a lost person, pet or wallet), folded, as one pattern."""
    terms = set()
    for line in (DATA_DIR / "rule_terms.tsv").read_text(encoding="utf-8").splitlines():
        group, _tab, term = line.partition("\t")
        if group == "lost_found" and term.strip():
            terms.add(fold(term.strip().lstrip("=")))
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(terms, key=len, reverse=True))) + r")(?!\w)")


def _plain_words(text: str) -> list[str]:
    # Soft hyphens, look-alike letters and spaced letters undone first: quotes keep the evasions as written.
    return re.findall(r"[\w*]+", normalize_tones(deobfuscate_aligned(clean(text))[0].lower()))


# Swear words and bare kinship words that intensify or exclaim ("kẹt xe vãi", "đm thua nữa", "lừa nhiều vl")
# rather than insult. Aimed at nobody they are everyday speech, not harassment: they count only when the
# post addresses someone (`addresses_someone`). Folded, since most such posts are typed without accents.
_SWEARING = frozenset((
    "dit", "dm", "dmm", "dcm", "dkm", "dmcs", "vcl", "vkl", "vl", "vc", "vcc", "vai", "vailon", "clm", "clg", "cl",
    "ccc", "cc", "cmm", "cmn", "cmnr", "cac", "lon", "l*n", "loz", "lozz", "lz", "l", "buoi", "deo", "dech", "dell",
    "me", "ma", "bo", "cha", "cu", "mia", "moe", "sml", "ml", "d", "db", "du",
    # Said of oneself or of a thing ("ngu vl, quên khóa cốp"): aimed at someone it is an insult, and
    # `addresses_someone` finds that.
    "ngu",
    # Typed plain and said to no one, "may" is "máy" (see `addresses_someone`) and "tat" is "tắt", not "tát".
    # ("dan", "dai", "cho" were tried too: each made posts typed without accents read much softer than the
    # same posts with them, on ViHOS and ViHSD dev.)
    "may", "tat",
))
# Someone spoken to or of with contempt: "mày", "thằng …", "bọn …". Typed without accents "may" is also "máy",
# "mấy" and "may", and "thang" is "tháng", so those count only beside a word that makes them a person.
# "thằng em", "thằng bạn" are one's own people, spoken of fondly.
# "4 thằng feed" counts players, it points at no one.
_ADDRESSED_ACCENTED = re.compile(r"(?<!\w)(?:mày|mầy|bây|(?<!\d\s)thằng(?!\s+(?:em|bạn|cháu|con|anh|bé|út|cu)(?!\w))|bọn|"
                                 r"tụi|mụ)(?!\w)")
# A person named after a word for them ("con Thảo lớp 11B", "thằng Tuấn"): someone is spoken of.
_NAMED_PERSON = re.compile(r"(?<!\w)(?:con|thằng|thg|mụ|lão|tk|tên)\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?!\w)")
# After "mấy" (typed "may"), a counted thing: "dm may xe container" is "mấy xe", not "mày".
_COUNTED = (r"(?:xe|ong|ba|thang|con|dua|nguoi|cai|bua|ngay|hom|tieng|nam|lan|cu|tay|chu|anh|chi|em|ben|nha|quan|"
            r"tram|cay|chiec|thg|ae|bac)(?!\w)")
_COUNTED_AFTER = re.compile(r"\s+" + _COUNTED)
_ADDRESSED_FOLDED = re.compile(
    r"(?<!\w)(?:(?:dit me|me|bo|cha|nha|cua|chung|tui|bon|thang|con|tao|dm|dmm|dcm|dkm|oi)\s+may(?!\s+" + _COUNTED + ")|"
    # ("xe may chet" is "xe máy chết", a motorbike that stalled)
    r"(?<!xe )(?<!tat )(?<!cai )(?<!sua )(?<!hu )may\s+(?:oi|kia|chet|nghe day|nghe chua|biet tay)|"
    r"thang\s+(?:cha|cho|ngu|kia|do|oc|nao|khon|mat|ranh|nhai|dien|loz|lon|beo|lun|den)|"
    r"con\s+(?:kia|mu|ranh)|(?:bon|tui|chung)\s+(?:no|bay|kia|do|cho)|(?:mu|lao)\s+(?:kia|do|gia)|"
    # a swear said right before the people it is aimed at ("địt mẹ thằng …", "dm bọn …"), "mấy thằng"
    r"(?:dit me|dit con me|dm|dmm|dcm|dkm|du ma|me kiep|to cha|cl|clm)\s+(?:thang|thg|con|bon|tui|lu|bay|chung|ong|ba)|"
    r"may\s+(?:thang|thg|dua|con mu)|thg\s+\w+)(?!\w)")


# Typed without accents, "may" is "mày" unless a machine, luck or a count is meant ("tắt máy", "máy bay",
# "may mắn", "mấy xe", "chết máy giữa đường", "chửi mấy câu").
_BARE_MAY = re.compile(r"(?<!\w)may(?!\w)")
# ("chết máy", "hỏng máy", "thay máy", "lắp máy": an engine that stalled or a machine fitted.)
_MACHINE_BEFORE = re.compile(r"(?<!\w)(?:tat|bat|cai|chiec|sac|doi|sua|mo|nha|hu|mua|ban|thue|xe|di|chet|hong|thay|lap)\s+$")
_MACHINE_AFTER = re.compile(r"\s+(?:bay|tinh|giat|lanh|man|mac|ao|xuc|cay|cat|anh|quay|moc|no|bom|phat|in|chieu|say|"
                            r"han|khoan|ep|xay|hut|loc|nong|rua|kia|ra|do|vao|dc|duoc|qua|lam|la|co|giua|cau)(?!\w)|\s+" + _COUNTED)


def _plain_may(folded: str) -> bool:
    return any(not _MACHINE_BEFORE.search(folded, max(0, m.start() - 8), m.start())
               and not _MACHINE_AFTER.match(folded, m.end()) for m in _BARE_MAY.finditer(folded))


def addresses_someone(normalized: str) -> bool:
    # A reply that starts with a tagged name ("Lê Thị Trang dm đắt") is not read as addressed: the name is
    # gone once a post is typed in lower case, and "dm đắt" said to a friend harasses no one either.
    if _ADDRESSED_ACCENTED.search(normalized.lower()) or _NAMED_PERSON.search(normalized):
        return True
    folded = fold(normalized)
    return bool(_ADDRESSED_FOLDED.search(folded) or (typed_without_accents(normalized) and _plain_may(folded)))


def swearing_at_nobody(words, normalized: str) -> bool:
    """Whether the offending words found are all swearing or bare kinship words and the post addresses no one."""
    # "may", "tat" only as typed plain: written "mày" or "tát" they are not the ambiguous words.
    words = [fold(w) if fold(w) not in _PLAIN_ONLY or w == fold(w) else w for w in words]
    # Who a story reports shouting at ("ông hàng xóm chửi “giết hết tụi bây”") is not who the post addresses.
    return bool(words) and all(w in _SWEARING for w in words) \
        and not addresses_someone(_blanked(normalized, reported_speech(normalized)))


_PLAIN_ONLY = frozenset(("may", "tat"))


def offensive_words(text: str, quotes: list[str], normalized: str | None = None) -> bool:
    """Whether the tagger's spans hold a word or a pair that offends on its own, outside everyday pairs.
    `normalized`: `normalize(text)`, when the caller has it (normalising again was a third of the cost)."""
    if _lost_found_re().search(fold(text)):
        return False  # "Mất con chó Phú Quốc…, ai thấy báo giúp": only a hate rule confirms, never the tagger
    plain = typed_without_accents(text)
    # What is left of the post once its everyday pairs are taken out ("chết cười", "con chó nhà mình").
    pairs = _EVERYDAY_PAIRS_FOLDED if plain else _EVERYDAY_PAIRS
    plain_text = pairs.sub(" ", " ".join(_plain_words(text)))  # (read twice below: built once)
    rest = set(re.findall(r"[\w*]+", plain_text))
    words = {w for quote in quotes for w in _plain_words(quote) if w in rest}
    if not words:
        return False  # no quoted word outside the everyday pairs: neither test below can hold
    vocabulary = _offensive_vocabulary(plain)
    offending = [w for w in words if (fold(w) if plain else w) in vocabulary]
    if offending and normalized is None:
        normalized = normalize(text)
    if offending and not swearing_at_nobody(offending, normalized):
        return True
    # A pair read around each quote ("đồ mất dạy", "giết mày"): the tagger often marks one word of it.
    pattern = _OFFENSIVE_PAIRS_PLAIN if plain else _OFFENSIVE_PAIRS
    hay = fold(plain_text) if plain else plain_text
    quoted = {fold(w) if plain else w for w in words}
    addressed = None
    for m in pattern.finditer(hay):
        if set(m.group(0).split()) & quoted:
            if fold(m.group(0)) not in _SWEAR_PAIRS:
                return True
            if addressed is None:
                addressed = addresses_someone(normalized if normalized is not None else normalize(text))
            if addressed:
                return True
    return False


# Pairs that swear ("đụ má", "địt mẹ", "mẹ kiếp") rather than insult: aimed at nobody, a look at most.
_SWEAR_PAIRS = frozenset(("me kiep", "to cha", "du ma", "dit me", "dit con me"))


# Words of the ViHOS-learned list (data/offensive_words.txt) that are everyday Vietnamese on their own: ViHOS
# marks them inside insults ("giết mày", "đồ con bò"), and _OFFENSIVE_PAIRS keeps those, but alone they
# flagged village football ("đội tao giết đội bên 5-0") and a pig killed for Tết.
_EVERYDAY_ALONE = frozenset((
    "giết", "chết", "heo", "mất",  # "mất": lose ("mất cả trận"); "mất dạy" is a pair
    # Learned from ViHOS spans, but everyday words on their own ("trò hề", "mã OTP", "chuồng trại", "nổ máy",
    # "đồ ăn", "cái quần mô"): they offend only inside the pairs of _OFFENSIVE_PAIRS.
    "hề", "mã", "mồ", "mả", "khung", "trại", "nát", "phá", "nổ", "nô", "quái", "quỷ", "tật", "sọ", "sỉ", "ác",
    "lột", "cắn", "chối", "dí", "bới", "bóc", "bợ", "nhét", "nhồi", "hùa", "hù", "hó", "dại", "dối", "đè", "ói",
    "lú", "lòi", "lòn", "lôn", "lủ", "cuc", "chui", "chet", "giãy", "khinh", "loai", "mom", "mị", "méo", "nhái",
    "ngục", "phệ", "thă", "tk", "trâu", "vat", "xac", "xao", "xau", "ấu", "ẳng", "đoảng", "đớp", "đái", "đấm",
    "bê", "bú", "bậy", "chửi", "chưi", "hắn", "lờ", "nhảm", "não", "phét", "sàm", "tàn", "xạo", "xỏ", "ỉa",
))
# Typed without accents most folded forms are also a swear or an insult ("tat" is "tật" and "tát"), so only these.
_EVERYDAY_ALONE_PLAIN = frozenset(("giet", "chet", "heo", "thon", "que", "thang", "mat", "he", "trai", "khung", "loai",
                                   "trau", "chui", "khinh"))  # "thang": tháng, a month


@functools.lru_cache(maxsize=2)
def _offensive_vocabulary(plain: bool) -> frozenset[str]:
    from .offensive_lexicon import load

    words = _OFFENSIVE_WORDS | (load() - _EVERYDAY_ALONE)
    if plain:
        # Typed without accents "thộn" is "thôn" (a village) and "què" is "quê": those folded forms never
        # decide alone. The rest are kept folded: dropping every ambiguous one cost ViHOS dev, typed without
        # accents, 0.05 hate F1 and spared no lawful post of the civic or probe sets.
        return (frozenset(fold(w) for w in words) | _OFFENSIVE_WORDS_PLAIN) - _EVERYDAY_ALONE_PLAIN
    return words


# "Mong bệnh viện cải thiện…", "Xin ngành điện kiểm tra…", "Có thể bố trí … được không ạ?"
_REQUEST = re.compile(r"(?<!\w)(?:kính mong|mong|xin|kính đề nghị|đề nghị|làm ơn|nhờ|cho hỏi|xin hỏi)\s+(?:\w+\s+){0,3}?"
                      r"(?:xã|phường|tỉnh|huyện|chính quyền|bệnh viện|nhà trường|trường|ngành|công ty|ban|sở|cơ quan|"
                      r"điện lực|cấp trên|các cấp|lãnh đạo|ubnd|ủy ban|thôn|ban giám đốc|ban giám hiệu|nhà mạng|"
                      r"xử lý|kiểm tra|khắc phục|quan tâm|giải quyết|nhắc nhở|chấn chỉnh|cải thiện|giải thích)(?!\w)"
                      r"|(?:được không ạ|không ạ|chưa ạ|đã có kế hoạch|bao giờ (?:được|mới|chi trả|sửa))", re.IGNORECASE)


_REQUEST_FOLDED = folded_pattern(_REQUEST)
# Every match of _REQUEST holds one of these (of _REQUEST_FOLDED, one of them folded).
_REQUEST_WORDS = ("mong", "xin", "đề nghị", "làm ơn", "nhờ", "cho hỏi", "không ạ", "chưa ạ", "đã có kế hoạch", "bao giờ")
_REQUEST_WORDS_FOLDED = _words(*(fold(w) for w in _REQUEST_WORDS))
_REQUEST_WORDS = _words(*_REQUEST_WORDS)


def grievance_signals(normalized: str, lex: dict | None = None, quoter: Quoter | None = None) -> list[dict]:
    """Complaint cues about public services: grievances are answered. One clear cue is enough."""
    lex = lex if lex is not None else lexicon_hits(normalized)
    # A post typed without accents ("mong co quan chuc nang xem xet") is matched folded; with accents, as
    # written ("nhớ" is no "nhờ").
    plain = typed_without_accents(normalized)
    if plain:
        hay = fold_aligned(normalized)
        requests = _REQUEST_FOLDED.finditer(hay) if _may_hold(hay, _REQUEST_WORDS_FOLDED) else ()
    else:
        requests = _REQUEST.finditer(normalized) if _may_hold(normalized, _REQUEST_WORDS) else ()
    cues = lex.get("grievance", []) + [{"term": normalized[m.start():m.end()], "start": m.start(), "end": m.end()}
                                       for m in requests]
    if not cues:
        return []
    return [_rule("grievance.complaint", HarmCategory.GRIEVANCE, min(0.6 + 0.1 * (len(cues) - 1), 0.9), cues,
                  "Phản ánh, kiến nghị về dịch vụ công, cần được trả lời", quoter)]


_NEWS_STYLE = re.compile(r"(?:\bngày \d{1,2}[/-]\d{1,2}\b|\bảnh:|\btheo (?:thông tin|báo|nguồn|cơ quan)|\bcho biết\b(?! tay| mặt| thân)|"
                         r"phóng viên|\btto\b|\bpv\b|nguồn:|\bđưa tin\b|\bthông tấn\b|\bvnexpress\b|\bhiện trường\b)",
                         re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")
WINDOW_CHARS = 320
NEWS_DAMPING = 0.6
# Not impersonation: its fakes borrow the words of news ("điều tra", "vụ án") and add a private channel.
DAMPED = (HarmCategory.INCITEMENT, HarmCategory.MISINFORMATION)


def windows(normalized: str) -> list[tuple[int, int]]:
    """Spans of one to a few sentences (at most WINDOW_CHARS): evidence must sit together. A long article
    that says "phải" in one paragraph and "đánh" in another calls nobody to violence."""
    if len(normalized) <= WINDOW_CHARS:
        return [(0, len(normalized))]
    sentences = [m.span() for m in _SENTENCE.finditer(normalized)] or [(0, len(normalized))]
    out = []
    for i, (start, _end) in enumerate(sentences):
        j = i
        while j + 1 < len(sentences) and sentences[j + 1][1] - start <= WINDOW_CHARS:
            j += 1
        stop = min(sentences[j][1], start + WINDOW_CHARS * 2)
        if not out or out[-1] != (start, stop):
            out.append((start, stop))
        if sentences[j][1] >= len(normalized):
            break
    return out


def _entities_in(entities: dict, window: str) -> dict:
    """The entities whose value the window holds, each value once: a long page that repeats one phone number
    a thousand times would otherwise hand every window every copy (quadratic in the page's length)."""
    digits = re.sub(r"\D", "", window)
    out = {}
    for kind, found in entities.items():
        numeric = kind in ("phones", "bank_accounts", "citizen_ids")
        seen: dict[str, dict] = {}
        for e in found:
            value = str(e.get("value", ""))
            if value not in seen:
                seen[value] = e
        out[kind] = [e for value, e in seen.items() if value.lower() in window or (numeric and value in digits)]
    return out


# What rumours say of their sources is no news style: "theo nguồn tin riêng", "báo đài bị cấm đưa tin".
_NOT_NEWS_STYLE = re.compile(r"nguồn tin (?:riêng|nội bộ|thân cận|mật)|(?:cấm|không dám|không được|chưa) đưa tin",
                             re.IGNORECASE)


# Every match of _NOT_NEWS_STYLE holds one of the first words, every match of _NEWS_STYLE one of the others.
_NOT_NEWS_WORDS = _words("nguồn tin", "đưa tin")
_NEWS_WORDS = _words("ngày ", "ảnh:", "theo ", "cho biết", "phóng viên", "tto", "pv", "nguồn:", "đưa tin", "thông tấn",
                     "vnexpress", "hiện trường")


def news_style(text: str, lex: dict) -> bool:
    """Written as a news report: dates, sources, "cho biết", photo credits; reports of harm are not harm."""
    rest = _NOT_NEWS_STYLE.sub(" ", text) if _may_hold(text, _NOT_NEWS_WORDS) else text
    style = len(_NEWS_STYLE.findall(rest)) if _may_hold(rest, _NEWS_WORDS) else 0
    return style >= 2 or (style >= 1 and len(lex.get("news", [])) >= 1)


def reads_as_news(text: str, normalized: str) -> bool:
    """Words of crime and court reporting ("khởi tố", "tuyên án", "đối tượng") or the style of news."""
    lex = lexicon_hits(normalized)
    return bool(lex.get("news")) or news_style(text, lex)


# A public notice addresses the public and sends it somewhere in person or to an official portal; a fake
# addresses one "bạn", "quý khách" and sends them to a private line, a link or an account.
_PUBLIC_ADDRESSEE = re.compile(r"(?<!\w)(?:người dân|nhân dân|hộ dân|các hộ|hộ gia đình|hộ kinh doanh|bà con|công dân|"
                               r"phụ huynh|học sinh|người tham gia|người lao động|cử tri|đoàn viên|hội viên|"
                               r"quý khách hàng khu vực|khách hàng khu vực|người cao tuổi|người có công|các gia đình|các đối tượng|trẻ em|"
                               r"trẻ từ|cha mẹ|các hộ dân|các hộ gia đình|hộ nghèo|nhân dân trên địa bàn|người nhận|người hưởng|"
                               r"đối tượng hưởng|thí sinh|bệnh nhân|hộ nào|mỗi hộ|người phản ánh|tổ chức, cá nhân|cá nhân, tổ chức)(?!\w)",
                               re.IGNORECASE)
_IN_PERSON = re.compile(r"(?<!\w)(?:tại|đến|về|ở)\s+(?:trụ sở|nhà văn hóa|nhà văn hoá|hội trường|bộ phận một cửa|"
                        r"bộ phận tiếp nhận|phòng kế toán|văn phòng|điểm thu|điểm tiêm|trạm y tế|ubnd|ủy ban|uỷ ban|"
                        r"công an (?:xã|phường)|trường|bưu điện|trạm|điểm|nơi an toàn|nhà cao tầng)(?!\w)|\.gov\.vn|"
                        r"cổng dịch vụ công|vssid|vneid chính thức|đường dây nóng"
                        # or to a named officer or team for questions ("liên hệ tổ trật tự đô thị", "đồng chí Nam")
                        r"|(?<!\w)liên hệ\s+(?:đồng chí|đ/c|chị|anh|ông|bà|cô|thầy|cán bộ|tổ|bộ phận|phòng|ban)(?!\w)",
                        re.IGNORECASE)
# "mang theo CCCD", "xuất trình căn cước": papers shown at a desk, not sent to someone.
_BRING_PAPERS = re.compile(r"(?:mang theo|mang|xuất trình|kèm theo|bản sao|bản chính|photo)\s+(?:\S+\s+){0,2}$",
                           re.IGNORECASE)
_INSTITUTION_ACCOUNT = re.compile(r"(?:tên tài khoản|chủ tài khoản|tên tk|chủ tk)\s*:?\s*(?:là\s+)?(?:trường|ubnd|ủy ban|"
                                  r"uỷ ban|công ty|bệnh viện|ban |hội |quỹ|kho bạc|chi cục|trung tâm|bưu điện)",
                                  re.IGNORECASE)


def public_notice(text: str, normalized: str, entities: dict, lex: dict) -> bool:
    """A notice to the public with nothing a fake needs: no private channel, no link off the official
    list, no ask for a secret, and money (if any) paid in person or to the institution's own account.
    "Thắc mắc liên hệ chị Hoa, cán bộ LĐTBXH, 0912…" is how wards write; it is no private channel."""
    folded = None  # typed without accents, the same cues folded (folded only when asked)
    if _PUBLIC_ADDRESSEE.search(text) is None:
        folded = fold(text)
        if _PUBLIC_ADDRESSEE_FOLDED.search(folded) is None:
            return False
    if _IN_PERSON.search(text) is None and _IN_PERSON_FOLDED.search(fold(text) if folded is None else folded) is None:
        return False
    # "làm định danh điện tử", "cập nhật thông tin" are what a notice is about; an OTP or a password is not.
    secrets = [h for h in lex.get("ask_secret", []) + lex.get("credential", [])
               if fold(h["term"]) not in _NOTICE_SUBJECTS
               and not _BRING_PAPERS.search(normalized[max(0, h["start"] - 24):h["start"]])]
    private = [h for h in lex.get("private", []) + lex.get("private_strong", []) if fold(h["term"]) not in _ENQUIRY_LINES]
    if private or secrets:
        return False
    if any(not is_official_host(_host(u["value"])) for u in entities.get("urls", [])):
        return False
    if entities.get("bank_accounts") and not _INSTITUTION_ACCOUNT.search(text):
        return False
    return True


NOTICE_CAP = 0.25
_PUBLIC_ADDRESSEE_FOLDED = folded_pattern(_PUBLIC_ADDRESSEE)
_IN_PERSON_FOLDED = folded_pattern(_IN_PERSON)
_QUOTED = re.compile(r"[\"“”«»]([^\"“”«»]{25,600})[\"“”«»]")
# Around the quote, words that tell of a message or a call received or seen: the post reports it.
_TELLS_OF = re.compile(r"(?<!\w)(?:nhận (?:được )?(?:tin|tin nhắn|sms|cuộc gọi|cuoc goi)|nhan (?:duoc )?tin|tin nhắn (?:giả|kiểu|như|này)|"
                       r"ảnh (?:em|mình|tôi) chụp|chụp (?:lại|màn hình)|giả tên|mạo danh|lừa đảo|lua dao|cảnh báo|canh bao|"
                       r"nhắn (?:cho|vào|tới|đến) (?:mẹ|bố|ba|má|bà|ông|em|chị|anh|tôi|mình)|gọi (?:cho|vào|tới|đến) (?:mẹ|bố|ba|má|bà|ông)|"
                       r"đừng (?:bấm|tin|làm theo|chuyển)|dung (?:bam|tin)|"
                       # the narrator's voice: a caller named in the third person, a question to the neighbours
                       r"(?:có|một) (?:đứa|thằng|người|số|số lạ|ai đó) (?:\w+ ){0,2}?(?:gọi|nhắn|inbox|ib)|"
                       r"(?:nó|hắn|họ|tụi nó|bọn nó|bên đó|người đó|số đó) (?:bảo|nói|nhắn|đòi|bắt|hứa|xưng)|"
                       r"(?:tự )?xưng là|có ai (?:bị|nhận|gặp)|(?:có phải|phải) (?:thật|thiệt) (?:không|ko|k)|"
                       r"cẩn thận|cảnh giác|đề phòng|coi chừng)", re.IGNORECASE)
_TELLS_OF_FOLDED = folded_pattern(_TELLS_OF)


# A quote that is a number (masked or not) or a web address.
_ENTITY_QUOTE = re.compile(r"[\d\s.*+()-]{6,}|\S+\.[a-z]{2,}\S*", re.IGNORECASE)


def quoted_scam(text: str) -> list[str]:
    """The quoted passages of a post that tells of a message it quotes; empty when it tells of none."""
    segments = [m.group(1) for m in _QUOTED.finditer(text)]
    if not segments:
        return []
    outside = _QUOTED.sub(" ", text)
    # Typed without accents too: "Co ai nhan cuoc goi "…" chua?"
    return segments if _TELLS_OF.search(outside) or _TELLS_OF_FOLDED.search(fold(outside)) else []
_NOTICE_SUBJECTS = frozenset(fold(w) for w in ("định danh điện tử", "vneid", "cập nhật thông tin", "tài khoản của quý khách"))
_ENQUIRY_LINES = frozenset(fold(w) for w in ("liên hệ ông", "liên hệ bà", "liên hệ đồng chí", "liên hệ cán bộ",
                                             "cán bộ phụ trách", "gọi số", "liên hệ số", "nhắn tin"))


def all_signals(text: str, normalized: str, entities: dict, *, author_name: str = "",
                verified_author: bool = False) -> list[dict]:
    quoter = Quoter(text)
    best: dict[str, dict] = {}
    plain = typed_without_accents(text) or None  # None: let the normalised text decide
    whole_lex = lexicon_hits(normalized, plain) if len(normalized) > WINDOW_CHARS else None
    for start, end in windows(normalized):
        window = normalized[start:end]
        lex = lexicon_hits(window, plain) if whole_lex is not None else lexicon_hits(normalized, plain)
        if whole_lex is None and "*" in text:
            for group, hits in masked_hits(text, normalized).items():
                have = {(h["start"], h["end"]) for h in lex.get(group, [])}
                lex.setdefault(group, []).extend(h for h in hits if (h["start"], h["end"]) not in have)
        ents = _entities_in(entities, window) if whole_lex is not None else entities
        found = (scam_signals(window, ents, lex, quoter)
                 + personal_data_signals(text if whole_lex is None else window, window, ents, lex, quoter)
                 + incitement_signals(window, lex, quoter)
                 + misinformation_signals(window, lex, quoter)
                 + grievance_signals(window, lex, quoter)
                 + hate_signals(window, lex, quoter)
                 + impersonation_signals(window, lex=lex, verified=verified_author, entities=ents, quoter=quoter))
        for signal in found:
            if signal["rule"] not in best or signal["score"] > best[signal["rule"]]["score"]:
                best[signal["rule"]] = signal
    if author_name:
        for signal in impersonation_signals("", author_name=author_name, lex={}, verified=verified_author):
            best[signal["rule"]] = signal
    signals = list(best.values())
    if _GATED and not signals:
        return signals  # (most posts) nothing below has anything to lower
    # Variants of one family found in different windows are one piece of evidence, not several: the
    # strongest speaks (a noisy-OR of them would turn two weak hints into a decision).
    for category in (HarmCategory.IMPERSONATION, HarmCategory.INCITEMENT, HarmCategory.MISINFORMATION):
        same = [x for x in signals if x["category"] == category and x["rule"] != "impersonation.name"]
        if len(same) > 1:
            keep = max(same, key=lambda x: x["score"])
            signals = [x for x in signals if x not in same or x is keep]
    # A short post is one window: its lexicon hits are the whole post's.
    text_lex = whole_lex if whole_lex is not None else lex
    if any(x.get("one_trait") for x in signals) and (text_lex.get("news") or news_style(text, text_lex)):
        # A people with one trait in a window of a news report ("nữ tài xế … vụ trộm cắp tài sản"): the
        # report's other windows say what it is.
        signals = [{**x, "score": 0.7} if x.get("one_trait") else x for x in signals]
    # Each of the three checks below only lowers signals of some categories: with none of those found, the
    # check (a few scans of the whole text) is not made.
    noticed = [x for x in signals if (x["category"] in (HarmCategory.SCAM, HarmCategory.IMPERSONATION)
                                      and x.get("in") != "author")
               or x["rule"] in ("personal_data.phone_with_name", "personal_data.profile")]
    if (noticed or not _GATED) and public_notice(text, normalized, entities, text_lex):
        for signal in signals:
            if (signal["category"] in (HarmCategory.SCAM, HarmCategory.IMPERSONATION) and signal.get("in") != "author") \
                    or signal["rule"] in ("personal_data.phone_with_name", "personal_data.profile"):
                signal["score"] = round(min(signal["score"], NOTICE_CAP), 3)
                signal["reason"] = (signal["reason"].rstrip(".") + "; nhưng bài viết là thông báo cho người dân, "
                                    "hướng dẫn đến nơi làm việc hoặc cổng chính thức.")
    quoted = quoted_scam(text) if not _GATED or any(
        x["category"] in (HarmCategory.SCAM, HarmCategory.IMPERSONATION) for x in signals) else []
    if quoted:
        # "Mẹ em nhận tin nhắn "VCB: tài khoản sẽ bị khóa, vào vcb-xacthuc.top…"": the scam is quoted, the
        # post around it tells of it. Its evidence, all inside the quotes, is the warning's subject.
        for signal in signals:
            # Most of the evidence is inside the quotes. The narrator may give the caller's number or link
            # outside them ("từ số 0789…, tắt máy") and name the body to report to ("báo công an xã").
            inside = [q for q in signal.get("quotes", []) if any(fold(q) in fold(seg) for seg in quoted)]
            outside = [q for q in signal.get("quotes", []) if q not in inside and not _ENTITY_QUOTE.fullmatch(q)]
            if signal["category"] in (HarmCategory.SCAM, HarmCategory.IMPERSONATION) and inside \
                    and len(inside) > len(outside):
                signal["score"] = round(min(signal["score"], WARNING_CAP), 3)
                signal["warned"] = True
                signal["reason"] = signal["reason"].rstrip(".") + "; nhưng đó là lời trích dẫn trong một bài kể lại, cảnh báo."
    if (not _GATED or any(x["category"] in DAMPED and not x.get("warned") for x in signals)) \
            and news_style(text, text_lex):
        for signal in signals:
            if signal["category"] in DAMPED and not signal.get("warned"):
                signal["score"] = round(signal["score"] * NEWS_DAMPING, 3)
                signal["reason"] = signal["reason"].rstrip(".") + "; bài viết có dạng tin tức, đưa tin về sự việc."
    return signals
