"""Vietnamese text normalisation: pure functions.

Contract used by other apps (keep these signatures stable):
- `nfc(text) -> str`
- `fold(text) -> str`: lower-cased, accent-folded copy for matching and search (`Quảng Bình` -> `quang binh`).

The rest of this module reads Vietnamese as people write it online:
- `clean(text)`: NFC, lone surrogates and control characters replaced; never raises.
- `normalize_tones(text)`: one tone-mark placement (`hoà` -> `hòa`, `thuỷ` -> `thủy`, `khoẻ` -> `khỏe`).
- `fold_aligned(text)`: like `fold` but exactly one output character per input character, so that
  offsets found in the folded copy are offsets in the text.
- `deobfuscate_aligned(text)`: evasions undone (soft hyphens and zero-width characters, look-alike
  Cyrillic/Greek and full-width letters, `n g u`, `đ.m`, `l.ừ.a đ.ả.o`, `l0n`), case and accents kept,
  with each output character's index in the text: for display, quoting and span tagging.
- `normalize(text)`: the classifier/matching form: lower-case, tones unified, emoji and emoticons as
  tokens, evasions undone as above, `quáaaa` collapsed, teencode expanded (whole words only: not the
  pieces of a split word). Idempotent: `normalize(normalize(t)) == normalize(t)`.
- `extract_entities(text)`: URLs, e-mails, phone numbers, bank-account-like numbers and 12-digit
  citizen ID numbers, each with offsets.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

_SURROGATES = re.compile(r"[\ud800-\udfff]")
# C0/C1 controls except tab/newline/carriage return. Zero-width and other format characters stay:
# a space there would split the word ("m\u200bày" -> "m ày" -> "mày ày"); `deobfuscate_aligned` drops them.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case and strip diacritics; đ/Đ become d (they are letters, not accents, in Unicode)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    if decomposed.isascii():
        return decomposed  # nothing to strip, no đ, and NFC of ASCII is itself
    # The marks (category Mn) dropped by one str.translate, with a table filled as characters are met.
    if not _MARKS_SEEN.issuperset(decomposed):
        missing = set(decomposed).difference(_MARKS_SEEN)
        for ch in missing:
            if unicodedata.category(ch) == "Mn":
                _MARK_TABLE[ord(ch)] = None
        _MARKS_SEEN.update(missing)
    return unicodedata.normalize("NFC", decomposed.translate(_MARK_TABLE).replace("đ", "d"))


_MARK_TABLE: dict[int, None] = {}
_MARKS_SEEN: set[str] = set()


def clean(text) -> str:
    """Anything to a safe NFC string: None -> "", lone surrogates -> U+FFFD, controls dropped."""
    if text is None:
        return ""
    if not isinstance(text, str):
        text = str(text)
    # The analyser cleans a post, then the places, rules, watch-lists and entities each clean it again.
    # (Plain str only: a subclass such as a safe string is returned as it came, as before.)
    return _clean_cached(text) if type(text) is str and len(text) <= 4096 else _clean(text)


def _clean(text: str) -> str:
    if _SURROGATES.search(text):
        text = _SURROGATES.sub("\ufffd", text)
    text = _CONTROLS.sub(" ", text)
    return nfc(text)


_clean_cached = functools.lru_cache(maxsize=2048)(_clean)


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    folded = fold(ch)
    return folded if len(folded) == 1 else ch.lower()[:1] or ch


_FOLD_TABLE: dict[int, str] = {}


def fold_aligned(text: str) -> str:
    """`fold` with one output character per input character (offsets stay valid)."""
    if text.isascii():
        return text.lower()
    if len(text) <= 4096:
        return _fold_aligned_cached(text)
    return _fold_aligned(text)


def _fold_aligned(text: str) -> str:
    # str.translate with a table filled as characters are met: one C-level pass instead of a generator.
    # (A set minus the table's keys view walks the whole table; a set minus a set does not.)
    if not _FOLD_SEEN.issuperset(text):  # (most texts: every character met before)
        missing = set(text).difference(_FOLD_SEEN)
        for ch in missing:
            _FOLD_TABLE[ord(ch)] = _fold_char(ch)
        _FOLD_SEEN.update(missing)
    return text.translate(_FOLD_TABLE)


_FOLD_SEEN: set[str] = set()


# The rule families fold the same window many times over (each family, each check): keep the recent ones.
_fold_aligned_cached = functools.lru_cache(maxsize=512)(_fold_aligned)


_HAS_LETTER_RE = re.compile(r"[^\W\d_]")
# Latin letters with a diacritic (Latin-1, Latin Extended A/B, the Vietnamese block) and combining marks.
_DIACRITIC_RE = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\u0300-\u036f]")


def typed_without_accents(text: str) -> bool:
    """Letters and not one Vietnamese diacritic (nor đ): a post typed without accents. The analyser's
    models read such posts with a twin trained on accent-folded text."""
    if not text or not _HAS_LETTER_RE.search(text):
        return False
    return not _DIACRITIC_RE.search(text)


# --- tone placement -----------------------------------------------------------------------------
# Two conventions coexist: "hoà/thuý/khoẻ" (tone on the second vowel) and "hòa/thúy/khỏe" (tone on the
# first). We keep the second one Unikey types by default and most online text uses: the first vowel.
_TONES = {"\u0300": "grave", "\u0301": "acute", "\u0309": "hook", "\u0303": "tilde", "\u0323": "dot"}


def _with_tone(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


def _build_tone_table() -> tuple[re.Pattern, dict[str, str]]:
    table: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            for f, s in ((first, second), (first.upper(), second.upper()), (first.upper(), second)):
                table[f + _with_tone(s, tone)] = _with_tone(f, tone) + s
    keys = sorted(table, key=len, reverse=True)
    # Only open syllables (nothing after the pair) and never after q ("quý" keeps its tone on y).
    pattern = re.compile(r"(?<![qQ])(" + "|".join(map(re.escape, keys)) + r")(?![^\W\d_])")
    return pattern, table


_TONE_RE, _TONE_TABLE = _build_tone_table()
# Every key is two characters, its first from one set and its second from another: a text with no such pair
# side by side (most) has nothing to move. A plain two-class search is far cheaper than the lookbehind pattern.
_TONE_HINT_RE = re.compile("[{}][{}]".format(*("".join(sorted({key[k] for key in _TONE_TABLE})) for k in (0, 1)))) \
    if all(len(key) == 2 for key in _TONE_TABLE) else re.compile("")  # (the empty pattern: always look)


def normalize_tones(text: str) -> str:
    """One tone-mark placement, so `hoà` and `hòa` compare equal. Expects NFC text."""
    if not _TONE_HINT_RE.search(text):
        return text
    return _TONE_RE.sub(lambda m: _TONE_TABLE[m.group(1)], text)


# --- teencode -------------------------------------------------------------------------------------
def load_teencode(path: Path | None = None) -> dict[str, str]:
    """The editable teencode file: `short<TAB>expansion`, `#` comments."""
    path = path or DATA_DIR / "teencode.tsv"
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        short, long = line.split("\t", 1)
        short, long = nfc(short.strip().lower()), nfc(long.strip().lower())
        if short and long and short != long:
            table[short] = long
    # An expansion that is itself a short form would make normalisation non-idempotent.
    for long in list(table.values()):
        for word in long.split():
            table.pop(word, None)
    return table


_TEENCODE = load_teencode()
_WORD_RE = re.compile(r"[^\W_]+")


# --- syllables, for undoing spaced-out letters --------------------------------------------------------
_INITIALS = ("", "b", "c", "ch", "d", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
             "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")
_RHYMES = """a ai ao au ay am an ang anh ap at ac ach e eo em en eng ep et ec eu enh ech i ia iu im in inh
ip it ich o oi om on ong op ot oc oong ooc u ua ui um un ung up ut uc uu y ie iec iem ien iep iet ieu ieng
ye yen yet yeu yem uo uoc uoi uom uon uong uop uot uou oa oai oao oay oac oach oan oang oanh oat oap oam oe
oeo oen oet oem ue uen uenh uech uet uy uya uyu uych uyen uyet uynh uyt uyp uyn uan uang uat uay""".split()
SYLLABLES = frozenset(i + r for i in _INITIALS for r in _RHYMES) | {"gi", "qua", "quy"}


def segment_syllables(letters: str) -> list[str] | None:
    """Split run-together letters into the fewest Vietnamese syllables, or None if impossible."""
    folded = fold_aligned(letters)
    n = len(folded)
    if n == 0 or n > 60:
        return None
    best: list[tuple[int, int] | None] = [None] * (n + 1)
    best[0] = (0, 0)
    for i in range(1, n + 1):
        for j in range(max(0, i - 7), i):
            if best[j] is not None and folded[j:i] in SYLLABLES:
                cand = (best[j][0] + 1, j)
                if best[i] is None or cand < best[i]:
                    best[i] = cand
    if best[n] is None:
        return None
    parts, i = [], n
    while i > 0:
        j = best[i][1]
        parts.append(letters[j:i])
        i = j
    return parts[::-1]


_LETTER = r"[^\W\d_]"
# Still joined after deobfuscation: 3+ dotted Latin letters that are no word ("U.B.N.D" -> "ubnd").
# Latin only: a Cyrillic letter joined to Latin ones would be read as a look-alike on a second pass.
_LATIN = r"[a-zA-Z\u00c0-\u024f\u1e00-\u1eff]"
_DOTTED_RE = re.compile(rf"(?<!\w){_LATIN}(?:[.\-_*·]{_LATIN}){{2,}}(?!\w)")


def _join_dotted(m: re.Match) -> str:
    # Not cut into syllables: a one-letter syllable would start a new run on a second pass (what spells
    # words was joined and cut by `_join_letters` already).
    return re.sub(r"[.\-_*·]", "", m.group(0))


# --- deobfuscation: format characters, look-alike letters, spaced letters, leetspeak ----------------
def _load_words(path: Path) -> frozenset[str]:
    return frozenset(fold(w.strip()) for w in path.read_text(encoding="utf-8").splitlines()
                     if w.strip() and not w.startswith("#"))


_ABBREVIATIONS = _load_words(DATA_DIR / "abbreviations.txt")
_TEEN_KEYS = frozenset(fold(k) for k in _TEENCODE)
# Letters separated by spaces only are read more strictly: "m k" is "mày không", not "mk".
# Loanwords of social media: spelt apart ("c l i p", "l i n k") they are words, not "cl" + "ip".
_LOANWORDS = frozenset((
    "clip", "link", "spam", "fail", "group", "page", "like", "share", "game", "face", "live", "clear", "shit",
    "video", "phim", "idol", "fan", "team", "top", "hot", "post", "comment", "cmt", "status", "stt", "online",
    "show", "style", "cute", "love", "fake", "real", "meme", "troll", "drama", "trend", "check", "test",
    "pet", "land", "even", "limited", "corona", "covid", "ok", "okay", "sorry", "thanks", "hello", "bye"))
# Swear abbreviations of social media, so that "l o z", "d e l l", "c l m m" are read as written words.
_SLANG = frozenset(("lol", "loz", "lozz", "lone", "dell", "clmm", "clm", "vcl", "vkl", "dmm", "dcm", "dkm", "cmm",
                    "cmn", "cmnr", "sml", "vcc"))
_LEX_SPACED = SYLLABLES | _ABBREVIATIONS | _LOANWORDS | _SLANG
_LEX_FULL = _LEX_SPACED | _TEEN_KEYS
# One-letter words ("a", "ở", "e", "m", "k"): two of them side by side are two words, not a split one.
_STANDALONE = frozenset(w for w in _LEX_FULL if len(w) == 1)
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")

# Every character of category Cf (Unicode 15); a test checks this against `unicodedata`.
_FORMAT_CLASS = ("\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
                 "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
                 "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f")
# Format characters, invisible marks (combining grapheme joiner, Mongolian selectors) and variation
# selectors (invisible after a letter; kept after an emoji).
_INVISIBLE_RE = re.compile(f"[{_FORMAT_CLASS}\u034f\u180b-\u180f\ufe00-\ufe0f]")
_VS = frozenset(chr(c) for c in range(0xFE00, 0xFE10))


def _emojiish(ch: str) -> bool:
    cp = ord(ch)
    return cp >= 0x1F000 or 0x2190 <= cp <= 0x2BFF or ch in "\u3030\u303d\u3297\u3299"


# Full-width, mathematical and circled letters and digits: their NFKC form, one character each.
def _build_wide() -> dict[int, str]:
    table = {}
    for lo, hi in ((0xFF01, 0xFF5E), (0x3000, 0x3000), (0x1D400, 0x1D7FF), (0x24B6, 0x24E9)):
        for cp in range(lo, hi + 1):
            plain = unicodedata.normalize("NFKC", chr(cp))
            if len(plain) == 1 and plain != chr(cp) and plain.isascii():
                table[cp] = plain
    return table


_WIDE = _build_wide()
_WIDE_RE = re.compile("[\uff01-\uff5e\u3000\U0001d400-\U0001d7ff\u24b6-\u24e9]")
_GREEK_CYRILLIC = "\u0370-\u03ff\u0400-\u052f\u1c80-\u1c8f\u1f00-\u1fff\ua640-\ua69f"
_GC_RE = re.compile(f"[{_GREEK_CYRILLIC}]")
_MARKED_WORD_RE = re.compile(rf"(?:{_LETTER}|[\u0300-\u036f])+")
_LATIN_LETTER_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")

# Look-alikes everyone uses, mapped even when the package below is missing. Strong ones may make a word
# on their own ("сос"); weak ones only beside Latin letters. Lower case; the other case follows.
_STRONG_LOOKALIKES = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ο": "o", "α": "a", "ρ": "p", "ν": "v",
    "τ": "t", "κ": "k", "ι": "i", "υ": "u", "ϲ": "c", "ϳ": "j",
}
_WEAK_LOOKALIKES = {"в": "b", "п": "n", "к": "k", "т": "t", "м": "m", "н": "h", "и": "u", "ш": "w", "ε": "e",
                    "η": "n", "ω": "w", "μ": "u", "χ": "x", "β": "b", "γ": "y", "σ": "o", "ь": "b"}
# Capitals that look like other Latin capitals than their small letters do ("Η" is an H, "η" an n); the
# capital I look-alikes, which the confusables data reads as "l".
_UPPER_LOOKALIKES = dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧАВЕКМНОРСТХЅІЈӀ", "ABEZHIKMNOPTYXABEKMHOPCTXSIJI", strict=True))


@functools.cache
def _lookalikes() -> tuple[dict[str, str], frozenset[str]]:
    """Greek/Cyrillic character -> the Latin letter it looks like (in its own case: "Η" -> "H", "η" -> "n"),
    and the lower-case forms of the strong ones.

    Built once, on the first text that holds a Greek or Cyrillic letter. `normalize` maps before it
    lower-cases, and decides which words to map on lower-case letters, so a second pass agrees.
    """
    pairs: list[tuple[str, str]] = []
    try:
        from confusable_homoglyphs import categories, confusables
    except ImportError:  # pragma: no cover - the tables above still cover the common ones
        pass
    else:
        for ch, glyphs in confusables.confusables_data.items():
            if len(ch) != 1 or categories.alias(ch) not in ("CYRILLIC", "GREEK"):
                continue
            latin = [g["c"] for g in glyphs if len(g["c"]) == 1 and g["c"].isascii() and g["c"].isalpha()]
            if latin:
                pairs.append((ch, latin[0]))
    direct = dict(_WEAK_LOOKALIKES)
    direct.update(pairs)
    direct.update(_STRONG_LOOKALIKES)
    direct.update(_UPPER_LOOKALIKES)
    # Strength is read on small letters (as a second pass sees the word), and only small letters that look
    # like a Latin one count ("к" is a small capital K, no "k": "москва" stays Russian).
    strong_bases = {ch for ch, _latin in pairs if ch.islower()} | set(_STRONG_LOOKALIKES)
    table: dict[str, str] = {}
    strong: set[str] = set()
    ranges = ((0x370, 0x3FF), (0x400, 0x52F), (0x1C80, 0x1C8F), (0x1F00, 0x1FFF), (0xA640, 0xA69F))
    for lo, hi in ranges:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            # Accented forms follow their base letter: Greek "ό" -> "ó".
            base, *marks = unicodedata.normalize("NFD", ch)
            latin = direct.get(base)
            if latin is None:
                other = base.lower() if base.isupper() else base.upper()
                if len(other) != 1 or other not in direct:
                    continue
                latin = direct[other].upper() if base.isupper() else direct[other].lower()
            mapped = unicodedata.normalize("NFC", latin + "".join(marks))
            if len(mapped) != 1:
                continue
            table[ch] = mapped
            if base.lower() in strong_bases and len(ch.lower()) == 1:
                strong.add(ch.lower())
    return table, frozenset(strong)


def _unconfuse_word(word: str) -> str:
    """A word holding Greek/Cyrillic letters, in Latin letters where it is a disguised Latin word."""
    table, strong = _lookalikes()
    if _LATIN_LETTER_RE.search(word):
        pass  # a Latin word with a foreign letter inside ("ngư" with a Cyrillic "у"): map what we can
    elif not all(ch.lower() in strong for ch in word if ch.isalpha()):
        return word  # real Greek or Russian ("Привет") stays
    return "".join(table.get(ch, ch) for ch in word)


# Spaced or dotted single letters: "n g u", "đ.m", "l.ừ.a đ.ả.o", "c h ó".
_SEPS = ".-_*·"
_SEP_CHARS = re.escape(_SEPS)  # for character classes
_RUN_LETTER = rf"{_LETTER}[\u0300-\u036f]*"
_RUN_SEP = rf"(?:[ \t\u00a0]*[{_SEP_CHARS}]+[ \t\u00a0]*|[ \t\u00a0]+)"
_RUN_RE = re.compile(
    rf"(?<![\w@/\\])(?<!\w[{_SEP_CHARS}])({_RUN_LETTER}(?:{_RUN_SEP}{_RUN_LETTER}){{1,39}})"
    rf"(?![\w@/\\])(?![{_SEP_CHARS}]+\w)")
# Cheap necessary condition for _RUN_RE: a letter after a non-word character (or first), then a separator.
_RUN_HINT_RE = re.compile(rf"[^\w]{_RUN_LETTER}[ \t\u00a0{_SEP_CHARS}]+{_LETTER}")
_RUN_HINT_START_RE = re.compile(rf"{_RUN_LETTER}[ \t\u00a0{_SEP_CHARS}]+{_LETTER}")
_HAS_SPACE_RE = re.compile(r"[ \t\u00a0]")
_RUN_PART_RE = re.compile(rf"({_RUN_LETTER})|({_RUN_SEP})")


def _segment_run(letters: list[str], lexicon: frozenset[str]) -> list[int] | None:
    """Cut points splitting the letters into the fewest lexicon words (each one tone mark at most)."""
    folded = []
    tones = []
    for letter in letters:
        f = fold(letter)
        if len(f) != 1:
            return None
        folded.append(f)
        tones.append(sum(ch in _TONE_MARKS for ch in unicodedata.normalize("NFD", letter)))
    word = "".join(folded)
    n = len(word)
    best: list[tuple[int, int] | None] = [None] * (n + 1)
    best[0] = (0, 0)
    for i in range(2, n + 1):
        for j in range(max(0, i - 7), i - 1):
            if best[j] is not None and word[j:i] in lexicon and sum(tones[j:i]) <= 1:
                cand = (best[j][0] + 1, j)
                if best[i] is None or cand < best[i]:
                    best[i] = cand
    if best[n] is None:
        # No reading of the whole run: join the words found and leave the other letters apart ("n g u t h ì
        # f ả i" -> "ngu thì f ả i"), each leftover letter costing three words so that words are found first.
        # Only words of three letters or more: two stray letters ("ơ ă", "ê ô") spell a syllable too often.
        best = [None] * (n + 1)
        best[0] = (0, 0)
        for i in range(1, n + 1):
            if best[i - 1] is not None:
                best[i] = (best[i - 1][0] + 3, i - 1)
            for j in range(max(0, i - 7), i - 2):
                if best[j] is not None and word[j:i] in lexicon and sum(tones[j:i]) <= 1:
                    cand = (best[j][0] + 1, j)
                    if best[i] is None or cand < best[i]:
                        best[i] = cand
        leftover, i = 0, n
        while i > 0:
            leftover += best[i][1] == i - 1
            i = best[i][1]
        if 2 * leftover > n:
            return None  # mostly stray letters (a list of letters, initials): not a split word
    cuts, i = [], n
    while i > 0:
        cuts.append(i)
        i = best[i][1]
    return cuts[::-1]


def _join_span(letters: list[tuple[str, int]], seps: list[tuple[str, int]], lo: int, hi: int,
               decisions: list[str | None]) -> bool:
    """Join letters[lo:hi] if they spell lexicon words: set the separators between them to "" (joined)
    or " " (a cut between two words). Returns whether it did."""
    if hi - lo < 2:
        return False
    spaced = all(not sep.strip(" \t\u00a0") for sep, _pos in seps[lo:hi - 1])
    if not spaced:
        lexicon = _LEX_FULL
    elif hi - lo == 2 and any(fold(text) in _STANDALONE for text, _pos in letters[lo:hi]):
        lexicon = _ABBREVIATIONS  # "t ở", "c ạ", "b à": two words ("tao ở", "chị ạ"), unless "đ m"
    else:
        lexicon = _LEX_SPACED
    cuts = _segment_run([text for text, _pos in letters[lo:hi]], lexicon)
    if cuts is None:
        return False
    cut_set = set(cuts)
    for k in range(lo + 1, hi):
        decisions[k - 1] = " " if k - lo in cut_set else ""
    return True


def _plan_run(letters: list[tuple[str, int]], seps: list[tuple[str, int]], lo: int, hi: int,
              decisions: list[str | None]) -> None:
    """Decide which separators of letters[lo:hi] to drop (see `_join_span`)."""
    texts = [sep for sep, _pos in seps[lo:hi - 1]]
    # Mixed separators: the odd ones part words ("l.ừ.a đ.ả.o", "l u a  d a o").
    primary = max(texts, key=texts.count) if len(set(texts)) > 1 else None
    bounds = [lo] + [lo + k + 1 for k, sep in enumerate(texts) if primary is not None and sep != primary] + [hi]
    for a, b in zip(bounds, bounds[1:], strict=False):
        _join_span(letters, seps, a, b, decisions)
    # A letter left alone that teencode makes a word ("e" -> "em") ends the run on a second pass:
    # what stands between such letters is a run of its own.
    # (Only with a space on both sides: glued by a dot or a dash, teencode leaves it as a piece of the run.)
    keys = [k for k in range(lo, hi) if letters[k][0].lower() in _TEENCODE
            and (k == 0 or (decisions[k - 1] is None and _HAS_SPACE_RE.search(seps[k - 1][0])))
            and (k == len(letters) - 1 or (decisions[k] is None and _HAS_SPACE_RE.search(seps[k][0])))]
    for a, b in zip([lo] + [k + 1 for k in keys], keys + [hi], strict=False):
        if b - a >= 2 and (a, b) != (lo, hi) and all(d is None for d in decisions[a:b - 1]):
            _plan_run(letters, seps, a, b, decisions)


def _run_edit(m: re.Match) -> tuple[str, list[int]] | None:
    """The run joined (letters keep their own positions), or None when it is no split word."""
    start = m.start()
    letters: list[tuple[str, int]] = []
    seps: list[tuple[str, int]] = []
    for part in _RUN_PART_RE.finditer(m.group(0)):
        (letters if part.group(1) is not None else seps).append((part.group(0), start + part.start()))
    decisions: list[str | None] = [None] * len(seps)  # None: keep the separator as written
    _plan_run(letters, seps, 0, len(letters), decisions)
    if all(d is None for d in decisions):
        return None
    out: list[str] = []
    src: list[int] = []
    for k, (text, pos) in enumerate(letters):
        if k:
            sep, sep_pos = seps[k - 1]
            decision = decisions[k - 1]
            if decision is None:
                out.append(sep)
                src.extend(range(sep_pos, sep_pos + len(sep)))
            elif decision:
                out.append(" ")
                src.append(sep_pos)
        out.append(text)
        src.extend(range(pos, pos + len(text)))
    return "".join(out), src


# Leetspeak and split words inside one token: "l0n", "ch0", "d1t", "c@c", "$ex", "ng.u", "1ồn".
_LEET_MAP = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s",
             "!": "i"}
# Each branch starts with the rare character, so that the search skips ahead fast.
_LEET_HINT_RE = re.compile(rf"[\d@$!](?<={_LETTER}.)|[\d@$](?={_LETTER})|[{_SEP_CHARS}](?<={_LETTER}.)[{_SEP_CHARS}]*(?={_LETTER})")
_DOTTED_HINT_RE = re.compile(rf"[{_SEP_CHARS}](?<={_LETTER}.)(?={_LETTER})")
_SEP_SPLIT_RE = re.compile(f"[{_SEP_CHARS}]")
_CHUNK_CHARS = re.compile(rf"[\w@$!{_SEP_CHARS}\u0300-\u036f]")
# Numbers with a unit are never leetspeak: 20h, 8h30, 2tr, 500k, 3m, 4g, 10kg.
_UNIT_RE = re.compile(r"^\d+(?:[.,]\d+)?(?:h|k|m|g|p|s|d|t|x|l|v|w|n|tr|kg|km|cm|mm|ml|mb|gb|tb|th|ty|ng|kw)"
                      r"\d*$", re.IGNORECASE)


_BARE_NUMBER_RE = re.compile(r"(?<![\w.,:/#+-])\d{3,5}(?![\w.,:/%])")
# After a number: a unit or a counted thing ("540 nghìn", "101 km", "300 người").
_NUMBER_CONTEXT_RE = re.compile(r"\s*(?:[%.,:/x×-]|k\b|tr\b|nghìn|ngàn|triệu|tỷ|tỉ|đồng|đ\b|km|m\b|kg|người|ngày|tháng|"
                                r"năm|giờ|phút|lần|cái|con|chiếc|hộ|căn|ha|tấn|lít|số)", re.IGNORECASE)


_LEET_THREE = frozenset(("tao", "tau", "may", "cai", "vai", "lon", "loz", "cac", "deo", "dit", "dis", "dai"))


def _leet_edit(core: str, pos: int, context: int = 0) -> tuple[str, list[int]] | None:
    """`core` (at `pos`) as the lexicon word it spells, or None.

    `context` counts the tokens of the same text already read as leetspeak on their own. A token with more
    digits than letters ("s40", "g14", "540") is read too only in such a text: alone, "B40", "K14" and
    "540" are codes and numbers; among "t40 đ4ng n01", they are "sao", "gia", "sao"."""
    if _UNIT_RE.match(core) or core.startswith("@"):
        return None
    at = core.find("@")
    if at >= 0 and "." in core[at:]:
        return None  # an e-mail address
    pieces = _SEP_SPLIT_RE.split(core)
    # A separator splits a word at one letter ("ng.u"); "cả.anh", "k...iu" are two words, unspaced.
    if len(pieces) > 1 and ("" in pieces or min(len(p) for p in pieces) > 1):
        return None
    keep = [(i, ch) for i, ch in enumerate(core) if ch not in _SEPS]
    n_letters = sum(1 for _i, ch in keep if ch.isalpha())
    n_leet = sum(1 for _i, ch in keep if ch in _LEET_MAP)
    # "t40", "c41" (tao, cái): one letter and two leet digits, read only as the few words of abuse they hide;
    # any other such token is a code (K14, B40, A80) and stays.
    three = len(keep) == 3 and n_letters == 1 and n_leet == 2 and keep[0][1].isalpha()
    in_context = context >= (2 if n_letters == 0 else 1) and len(keep) >= 3
    if len(keep) > 10 or (not in_context and (n_letters == 0 or (n_leet > n_letters and not three))):
        return None
    if any(not (ch.isalpha() or ch in _LEET_MAP or unicodedata.combining(ch)) for _i, ch in keep):
        return None  # another digit (2, 6, 9): a code or a number
    upper = n_letters > 0 and all(ch.isupper() for _i, ch in keep if ch.isalpha())
    ones = [k for k, (_i, ch) in enumerate(keep) if ch in "1"]
    base = [(_LEET_MAP.get(ch, ch).upper() if upper else _LEET_MAP.get(ch, ch)) for _i, ch in keep]
    # A single letter and digits is a code (A1, B2, S3) unless it spells a short form ("k0").
    lexicon = _TEEN_KEYS | _ABBREVIATIONS if n_letters == 1 and keep[0][1].isalpha() else _LEX_FULL
    if three:
        lexicon = lexicon | _LEET_THREE
    if in_context:
        lexicon = _LEX_FULL | _LEET_THREE
    # "1" reads as i or l: try both (a token holds few of them).
    for variant in range(1 << min(len(ones), 3)):
        chars = list(base)
        for bit, k in enumerate(ones[:3]):
            if variant >> bit & 1:
                chars[k] = "L" if upper else "l"
        word = "".join(chars)
        # Read as the pipeline will: "l0ooon" and "1òo" are "lon" and "lò".
        # Not for a bare number: "500" would collapse to "so".
        collapsed = word.lower() if n_letters == 0 else _REPEAT_RE.sub(r"\1", _VOWEL_ECHO_RE.sub("", word.lower()))
        if fold(collapsed) in lexicon and sum(ch in _TONE_MARKS for ch in unicodedata.normalize("NFD", collapsed)) <= 1:
            return word, [pos + i for i, _ch in keep]
    return None


def _splice(s: str, idx: list[int] | None, edits: list[tuple[int, int, str, list[int]]]):
    """Replace s[start:end] by `out` for each edit; `src` gives each output character's position in s."""
    if not edits:
        return s, idx
    if idx is None:
        idx = list(range(len(s)))
    parts: list[str] = []
    new_idx: list[int] = []
    pos = 0
    for start, end, out, src in edits:
        parts.append(s[pos:start])
        new_idx.extend(idx[pos:start])
        parts.append(out)
        new_idx.extend(idx[p] for p in src)
        pos = end
    parts.append(s[pos:])
    new_idx.extend(idx[pos:])
    return "".join(parts), new_idx


def _drop_invisible(s: str, idx: list[int] | None) -> tuple[str, list[int] | None]:
    """Format characters and stray variation selectors removed, with no space in their place."""
    if not _INVISIBLE_RE.search(s):
        return s, idx
    edits = []
    for m in _INVISIBLE_RE.finditer(s):
        i = m.start()
        ch = s[i]
        j = i - 1
        while j >= 0 and s[j] in _VS:
            j -= 1
        prev = s[j] if j >= 0 else ""  # the character a selector or joiner attaches to
        if ch == "\u200d" and prev and _emojiish(prev) and i + 1 < len(s) and _emojiish(s[i + 1]):
            continue  # inside an emoji sequence (👨‍👩‍👧)
        if ch in _VS and prev and _emojiish(prev):
            continue
        edits.append((i, i + 1, "", []))
    s, idx = _splice(s, idx, edits)
    return s, idx


def _deobfuscate(s: str) -> tuple[str, list[int] | None]:
    """`deobfuscate_aligned`, with None for the identity map (most texts: nothing to undo)."""
    return _join_letters(*_plain_letters(s, None))


def _plain_letters(s: str, idx: list[int] | None) -> tuple[str, list[int] | None]:
    """Format characters dropped; full-width and look-alike letters made Latin."""
    if not s.isascii():
        s, idx = _drop_invisible(s, idx)
        if _WIDE_RE.search(s):
            s = s.translate(_WIDE)  # one character for one: positions stay
        if _GC_RE.search(s):
            edits = []
            for m in _MARKED_WORD_RE.finditer(s):
                word = m.group(0)
                if not _GC_RE.search(word):
                    continue
                mapped = _unconfuse_word(word)
                if mapped == word:
                    continue
                out, src = [], []
                # A Cyrillic letter with a combining tone ("е" + U+0301) composes once it is Latin.
                start = 0
                for k in range(1, len(mapped) + 1):
                    if k < len(mapped) and unicodedata.combining(mapped[k]):
                        continue
                    cluster = mapped[start:k]
                    composed = unicodedata.normalize("NFC", cluster) if len(cluster) > 1 else cluster
                    out.append(composed)
                    if len(composed) == len(cluster):
                        src.extend(range(m.start() + start, m.start() + k))
                    else:  # shorter: it all comes from the base letter
                        src.extend([m.start() + start] * len(composed))
                    start = k
                edits.append((m.start(), m.end(), "".join(out), src))
            s, idx = _splice(s, idx, edits)
    return s, idx


def _join_letters(s: str, idx: list[int] | None) -> tuple[str, list[int] | None]:
    """Spaced or dotted letters and leetspeak that spell a word, joined."""
    if (_RUN_HINT_RE.search(s) or _RUN_HINT_START_RE.match(s)) and _RUN_RE.search(s):
        edits = []
        for m in _RUN_RE.finditer(s):
            got = _run_edit(m)
            if got is not None:
                edits.append((m.start(), m.end(), *got))
        s, idx = _splice(s, idx, edits)
    if _LEET_HINT_RE.search(s):
        edits = []
        doubtful: list[tuple[int, int, str]] = []
        last_end = -1
        n = len(s)
        for m in _LEET_HINT_RE.finditer(s):
            if m.start() < last_end:
                continue
            a, e = m.start(), m.end()
            while a > 0 and _CHUNK_CHARS.match(s, a - 1):
                a -= 1
            while e < n and _CHUNK_CHARS.match(s, e):
                e += 1
            last_end = e
            if (a > 0 and s[a - 1] == "/") or (e < n and s[e] == "/"):
                continue  # part of a URL
            # Trailing punctuation ("ngu!", "l0n.") and leading dashes are not part of the word.
            while e > a and s[e - 1] in "!.-_*·@$":
                e -= 1
            while a < e and s[a] in ".-_*·!":
                a += 1
            core = s[a:e]
            if not core:
                continue
            got = _leet_edit(core, a)
            if got is not None and got[0] != core:
                edits.append((a, e, *got))
            elif got is None:
                doubtful.append((a, e, core))
        # Second pass, in context: the tokens refused alone, once the text is known to use leetspeak. Bare
        # numbers ("540" for "sao") are never hinted above, so they are looked for here.
        if len(edits) >= 2:
            doubtful.extend((m.start(), m.end(), m.group()) for m in _BARE_NUMBER_RE.finditer(s))
        if edits and doubtful:
            context = len(edits)
            for a, e, core in doubtful:
                if core.isdigit() and _NUMBER_CONTEXT_RE.match(s, e):
                    continue  # "540 nghìn", "101 km": a number, whatever else the text does
                got = _leet_edit(core, a, context)
                if got is not None and got[0] != core:
                    edits.append((a, e, *got))
            edits.sort(key=lambda edit: edit[0])
        s, idx = _splice(s, idx, edits)
    return s, idx


def deobfuscate_aligned(text: str) -> tuple[str, list[int]]:
    """The text with evasions undone (for display, quoting, span tagging) and where each character came from.

    Undone: format characters (soft hyphen, zero-width space/joiner, bidi controls; a joiner inside an emoji
    sequence stays), full-width and look-alike Greek/Cyrillic letters (only in a word that is a disguised
    Latin word), single letters spaced or dotted apart when together they are a word (`n g u`, `đ.m`,
    `l.ừ.a đ.ả.o`), and leetspeak inside a token when it spells a word (`l0n`, `c@c`; `20h`, `500k` stay).
    Case and diacritics are kept. The second value has one entry per output character: its index in `text`.
    """
    if not text:
        return "", []
    out, idx = _deobfuscate_cached(text) if len(text) <= 4096 else _deobfuscate(text)
    # A copy of the index: the cached one is shared.
    return out, list(range(len(text))) if idx is None else list(idx)


def deobfuscate_map(text: str) -> tuple[str, list[int] | None]:
    """`deobfuscate_aligned` with None for the identity map (most texts): no index list is built to be
    compared with the identity. A map that is given is shared with a cache: read it, do not change it."""
    if not text:
        return "", None
    return _deobfuscate_cached(text) if len(text) <= 4096 else _deobfuscate(text)


# The span tagger, the rule families' quoter and the offensive-word check each undo the same post's
# evasions: keep the recent ones (a batch is 256 posts).
@functools.lru_cache(maxsize=1024)
def _deobfuscate_cached(text: str) -> tuple[str, list[int] | None]:
    return _deobfuscate(text)


# --- teencode expansion, on whole words only ---------------------------------------------------------
_WORD_CHAR_RE = re.compile(r"[^\W_]")
_GLUE_SEPS = ".-_*·"
_GLUE = _GLUE_SEPS + "@$!"  # leetspeak symbols glue too ("j@0" is one token)


def _glue(text: str, start: int, end: int, step: int) -> tuple[str, int] | None:
    """What glues text[start:end] to a word on one side (step -1: left, +1: right) without a space, and
    where that word begins (its nearest character), or None.

    Glue is what splits a word: separators, leetspeak symbols and stray combining marks ("m.xyz", "j@0",
    "m\u034fày").
    """
    n = len(text)
    i = start - 1 if step < 0 else end
    j = i
    while 0 <= j < n and (text[j] in _GLUE or unicodedata.category(text[j]) in ("Mn", "Me")):
        j += step
    if j == i or not (0 <= j < n) or not _WORD_CHAR_RE.match(text[j]):
        return None
    return (text[j + 1:i + 1] if step < 0 else text[i:j]), j


def _is_fragment(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a piece of a split word rather than a word: "m" in "m.xyz" or in
    "m\u034fày" is not "mày". Dots between two words are a full stop without its space ("thôi.k biết")."""
    glued = False
    for step in (-1, 1):
        got = _glue(text, start, end, step)
        if got is None:
            continue
        glue, j = got
        if glue.strip("."):
            return True
        k = j
        while 0 <= k + step < len(text) and _WORD_CHAR_RE.match(text[k + step]):
            k += step
        if fold(text[min(j, k):max(j, k) + 1]) not in _LEX_FULL or (j == k and end - start == 1):
            return True  # not a word, or two dotted letters ("k.a"): pieces of a run
        glued = True
    if glued:
        # Expanded, would it join with its neighbour on a second pass ("j.n" -> "gì.n" -> "gìn")?
        cs, ce = start, end
        while cs > 0 and _CHUNK_CHARS.match(text, cs - 1):
            cs -= 1
        while ce < len(text) and _CHUNK_CHARS.match(text, ce):
            ce += 1
        # Every short form of the chunk expanded, as far as a second pass will see them.
        local = _WORD_RE.sub(lambda w: _TEENCODE.get(w.group(0), w.group(0)), text[cs:ce])
        if _join_letters(local, None)[0] != local:
            return True
    return False


_SINGLE_BEFORE_RE = re.compile(r"(?<![^\W_])[^\W\d_][\u0300-\u036f]*[ \t\u00a0.\-_*·]+$")
_SINGLE_AFTER_RE = re.compile(r"[ \t\u00a0.\-_*·]+[^\W\d_][\u0300-\u036f]*(?![^\W_])")


def _beside_single_letter(text: str, start: int, end: int) -> bool:
    """Whether a one-letter word that stays one letter (not teencode) stands next to text[start:end]."""
    before = _SINGLE_BEFORE_RE.search(text, max(0, start - 16), start)
    after = _SINGLE_AFTER_RE.match(text, end)
    for m, i in ((before, before and before.start()), (after, after and after.end() - 1)):
        if m is None:
            continue
        while unicodedata.combining(text[i]):
            i -= 1
        if text[i] not in _TEENCODE or _is_fragment(text, i, i + 1):
            return True
    return False


# Three or more one-letter tokens in a row are letters spaced apart that did not spell a word ("c l i p",
# "t h u a r"), not short forms: "c l" read as "cái lồn", "m" as "mày" would invent an insult.
_SPACED_RUN_RE = re.compile(r"(?<![^\W_])[^\W\d_][\u0300-\u036f]*(?:[ \t\u00a0]+[^\W\d_][\u0300-\u036f]*(?![^\W_])){2,}")


def _expand_teencode(text: str) -> str:
    if _TEENCODE.keys().isdisjoint(_WORD_RE.findall(text)):
        return text  # no word is a short form (one C-level pass instead of a callback per word)
    runs = [(r.start(), r.end()) for r in _SPACED_RUN_RE.finditer(text)]

    def repl(m: re.Match) -> str:
        word = m.group(0)
        long = _TEENCODE.get(word)
        if long is None or _is_fragment(text, m.start(), m.end()):
            return word
        if any(a <= m.start() and m.end() <= b for a, b in runs):
            return word
        if len(long) == 1 and _beside_single_letter(text, m.start(), m.end()):
            return word  # "uh" -> "ừ" beside a single letter would make a run a second pass joins
        return long

    return _WORD_RE.sub(repl, text)


# --- repeated letters -------------------------------------------------------------------------------
_REPEAT_RE = re.compile(r"([^\W\d_])\1{2,}")
# A toned vowel followed by its bare base letter(s): "quáaa" -> "quá".
_TONED_VOWELS = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"


def _build_echo() -> re.Pattern:
    by_base: dict[str, str] = {}
    for vowel in _TONED_VOWELS:
        if vowel in "ưừứửữự":
            continue  # "ưu" is a Vietnamese vowel pair (bưu điện, cứu, hưu trí), not an echo of "ư"
        by_base.setdefault(fold(vowel), "")
        by_base[fold(vowel)] += vowel
    return re.compile("|".join(f"(?<=[{vowels}]){base}+" for base, vowels in by_base.items()))


# A toned vowel followed by its bare base letter(s): "quáaa" -> "quá".
_VOWEL_ECHO_RE = _build_echo()
_ECHO_HINT_RE = re.compile(f"[{_TONED_VOWELS}](?:{_VOWEL_ECHO_RE.pattern})")  # starts with a class: fast
_REPEAT_HINT_RE = re.compile(r"(.)\1\1")


# --- emoji and emoticons -------------------------------------------------------------------------------
_EMOJI_CLASS = (
    "\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\u2190-\u21FF\u3030\u303D\u3297\u3299"
)
_EMOJI_RE = re.compile(f"([{_EMOJI_CLASS}])(?:[\ufe0f\u200d\U0001F3FB-\U0001F3FF]*\\1)*[\ufe0f\U0001F3FB-\U0001F3FF]*")
_EMO_SMILE = re.compile(r"(?:[:=;]+\s*-?[)\]d]+|\^\^+|<3+)(?![\w])")
_EMO_SAD = re.compile(r"[:=;]+'?\s*-?[(\[]+")
_SPACES = re.compile(r"\s+")
_ZWJ = re.compile("[\u200d\ufe0f]")


def _emoji_tokens(text: str) -> str:
    text = _EMOJI_RE.sub(lambda m: f" {m.group(1)} ", text)
    text = _ZWJ.sub("", text)
    if _EMO_HINT_RE.search(text):  # every emoticon holds one of these; most posts have none
        text = _EMO_SAD.sub(" :( ", text)
        text = _EMO_SMILE.sub(lambda m: " <3 " if m.group(0).startswith("<") else " :) ", text)
    return text


_EMO_HINT_RE = re.compile(r"[:=;^<]")
# Whitespace that `_SPACES.sub(" ", …)` would change: a run of two or more, or one that is not a space
# (a class first, so that the engine skips ahead to whitespace).
_SPACES_TO_FIX = re.compile(r"\s(?:\s|(?<=[^\S ]))")


def _single_spaces(text: str) -> str:
    """`_SPACES.sub(" ", text)`, without building a copy of a text that is already so (most)."""
    return _SPACES.sub(" ", text) if _SPACES_TO_FIX.search(text) else text


# --- the pipeline -------------------------------------------------------------------------------------
def _collapse(text: str) -> str:
    """Repeated letters and echoed vowels collapsed ("quáaaa" -> "quá"); the hints make it cheap."""
    if _ECHO_HINT_RE.search(text):
        text = _VOWEL_ECHO_RE.sub("", text)
    if _REPEAT_HINT_RE.search(text):
        text = _REPEAT_RE.sub(r"\1", text)
    return text


def _normalize_once(text: str) -> str:
    if not text.isascii():
        # First: a soft hyphen in "khoả\u00adn" must not make "oả" look like an open syllable to the tones,
        # and a capital "Η" is an H, its small letter an n.
        text = _plain_letters(text, None)[0]
    text = text.lower()
    text = normalize_tones(text)
    text = nfc(text)
    text = _emoji_tokens(text)
    # Letters are joined on the text as the output will be (repeats collapsed, one space), and again
    # while collapsing makes new runs ("ê3" -> "êe" -> "ê" beside "l"): else a second pass would.
    text = _collapse(_single_spaces(text))
    for _ in range(4):
        joined = _join_letters(text, None)[0]
        if _DOTTED_HINT_RE.search(joined):
            joined = _DOTTED_RE.sub(_join_dotted, joined)
        collapsed = _collapse(joined)
        if collapsed == text:
            break
        text = collapsed
    text = normalize_tones(text)
    text = _expand_teencode(text)
    return " ".join(text.split())  # runs of whitespace as one space, none at the ends


def normalize(text) -> str:
    """The classifier and matching form of a text. Never raises; idempotent.

    Each step is idempotent on its own; a few Unicode corner cases (lower-casing that leaves
    combining marks) settle on a second pass, so those iterate to a fixed point (bounded).
    """
    text = clean(text)
    if not text:
        return ""
    out = _normalize_once(text)
    if not out.isascii() and any(map(unicodedata.combining, out)):
        # Rare: lower-casing left combining marks that compose differently on a second pass.
        for _ in range(3):
            again = _normalize_once(out)
            if again == out:
                break
            out = again
    return out


# --- entities --------------------------------------------------------------------------------------
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# The top-level domains a bare host may end in (with a scheme or "www." any host is read). Two-letter
# country codes that are also Vietnamese words typed plain ("la", "in", "my") are left out.
_TLDS = ("vn|com|net|org|info|xyz|top|site|online|io|me|ly|gl|co|cc|tk|ml|ga|cf|gq|shop|click|link|club|"
         "live|app|biz|asia|store|vip|icu|cn|ru|pro|page|win|bid|gov|edu|help|support|cloud|life|fun|today|world|"
         "space|website|tech|work|works|buzz|rest|sbs|cfd|bond|cyou|lol|mom|best|monster|quest|finance|money|loan|"
         "pw|ws|bz|tv|one|zone|center|group|ltd|company|network|services|digital|email|global|news|social|media|"
         "plus|run|blog|kr|jp|th|kh|sg|tw|hk|uk|eu|us|xin|ink|wiki|live|mobi|name|tel|cam|vin|fit|bio")
_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'{}|\\^`]+"
    rf"|(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?\.)+(?:{_TLDS})\b(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)
_PHONE_RE = re.compile(r"(?<![\d\w])(?:\+?84|0)(?:[ .\-]?\d){8,10}(?!\d)")
_DIGITS_RE = re.compile(r"(?<![\d\w])\d(?:[ .\-]?\d){7,18}(?![\d])")
_MONEY_RE = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")
_BANK_CUE_RE = re.compile(
    r"(?:stk|số tài khoản|so tai khoan|tài khoản|tai khoan|\btk\b|ngân hàng|ngan hang|chuyển khoản|chuyen khoan|ck\b|"
    r"vietcombank|vcb|vietinbank|bidv|agribank|techcombank|tcb|mb ?bank|\bmb\b|acb|sacombank|vpbank|tpbank|"
    r"momo|zalopay|shb|vib|ocb|hdbank|seabank|msb|lpbank|eximbank|nam a|bac a)",
    re.IGNORECASE,
)
_ID_CUE_RE = re.compile(r"(?:cccd|cmnd|căn cước|can cuoc|chứng minh|chung minh|định danh|dinh danh)", re.IGNORECASE)
_TRAIL_PUNCT = ".,;:!?)]}>\"'…"


def _phone_digits(raw: str) -> str | None:
    digits = re.sub(r"\D", "", raw)
    if digits.startswith("84"):
        digits = "0" + digits[2:]
    if len(digits) == 10 and digits[1] in "35789":
        return digits
    if len(digits) == 11 and digits[1] == "2":
        return digits
    return None


def is_citizen_id(digits: str) -> bool:
    """12 digits whose first three are a province code (001-096): the chip-based citizen ID (CCCD)."""
    return len(digits) == 12 and digits.isdigit() and 1 <= int(digits[:3]) <= 96


_FORMAT_RE = re.compile(f"[{_FORMAT_CLASS}]")


_ANY_DIGIT_RE = re.compile(r"\d")


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in taken)


def _urls(text: str, out: dict, taken: list[tuple[int, int]], at) -> None:
    for m in _URL_RE.finditer(text):
        value = m.group(0).rstrip(_TRAIL_PUNCT)
        start, end = m.start(), m.start() + len(value)
        if value and _free(taken, start, end):
            out["urls"].append({"value": value, **at(start, end)})
            taken.append((start, end))


def extract_entities(text: str) -> dict[str, list[dict]]:
    """URLs, e-mails, phones, bank-account-like numbers and citizen IDs, each `{value, start, end}`.

    Offsets are in `clean(text)` (NFC). Format characters hidden inside ("0912\u200b345678") are read
    through: the value is without them, the span covers them. Never raises.
    """
    original = clean(text)
    out: dict[str, list[dict]] = {"urls": [], "emails": [], "phones": [], "bank_accounts": [], "citizen_ids": []}
    if not original:
        return out
    text, index = original, None
    if not original.isascii() and _FORMAT_RE.search(original):
        kept = [i for i, ch in enumerate(original) if not _FORMAT_RE.match(ch)]
        text, index = "".join(original[i] for i in kept), kept
        if not text:
            return out

    def at(start: int, end: int) -> dict:
        if index is None:
            return {"start": start, "end": end}
        return {"start": index[start], "end": index[end - 1] + 1}

    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return _free(taken, start, end)

    # Each pattern runs only where it can match (most posts have no "@", no "." and no digit): an e-mail holds
    # an "@", a web address a "." or "://", a phone or an account number a digit.
    for m in _EMAIL_RE.finditer(text) if "@" in text else ():
        out["emails"].append({"value": m.group(0), **at(*m.span())})
        taken.append(m.span())
    if "." in text or "://" in text:
        _urls(text, out, taken, at)
    if not _ANY_DIGIT_RE.search(text):
        return out
    for m in _PHONE_RE.finditer(text):
        if not free(*m.span()):
            continue
        digits = _phone_digits(m.group(0))
        if digits:
            out["phones"].append({"value": digits, **at(*m.span())})
            taken.append(m.span())
    for m in _DIGITS_RE.finditer(text):
        raw = m.group(0).rstrip(" .-")
        start, end = m.start(), m.start() + len(raw)
        if not free(start, end) or _MONEY_RE.match(raw):
            continue
        digits = re.sub(r"\D", "", raw)
        # Twelve digits can read as a citizen id; right after "stk", "số tài khoản" or a bank's name (and with
        # no "CCCD" there) they are the account the post names.
        named_account = bool(_BANK_CUE_RE.search(text[max(0, start - 25):start])) and not _ID_CUE_RE.search(
            text[max(0, start - 25):start])
        if is_citizen_id(digits) and not named_account:
            out["citizen_ids"].append({"value": digits, **at(start, end)})
            taken.append((start, end))
            continue
        cue = bool(_BANK_CUE_RE.search(text[max(0, start - 40):start]))
        plain = digits == raw
        if 8 <= len(digits) <= 19 and (cue or (plain and 9 <= len(digits) <= 16)):
            out["bank_accounts"].append({"value": digits, **at(start, end),
                                         "confidence": 0.9 if cue else 0.5})
            taken.append((start, end))
    return out


def tokens(text: str) -> list[str]:
    """Word tokens of a normalised text (emoji and emoticons are tokens too)."""
    return normalize(text).split()


def segment(text: str) -> str:
    """pyvi word segmentation (`bệnh viện` -> `bệnh_viện`). Measured; it did not help classification."""
    from pyvi import ViTokenizer

    return ViTokenizer.tokenize(clean(text))


def code_point_ranges(points) -> list[tuple[int, int]]:
    """Sorted code points as runs of consecutive ones, (first, last) each: the ranges of a character class
    built from a property no regex class names (`str.isupper`, combining marks)."""
    points = list(points)
    ranges, start, prev = [], points[0], points[0]
    for c in points[1:]:
        if c != prev + 1:
            ranges.append((start, prev))
            start = c
        prev = c
    ranges.append((start, prev))
    return ranges
