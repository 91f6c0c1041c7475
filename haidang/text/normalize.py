"""Vietnamese text normalisation: pure functions.

Contract used by other apps (keep these signatures stable):
- `nfc(text) -> str`
- `fold(text) -> str`: lower-cased, accent-folded copy for matching and search (`Quảng Bình` -> `quang binh`).

The rest of this module reads Vietnamese as people write it online:
- `clean(text)`: NFC, lone surrogates and control characters replaced; never raises.
- `normalize_tones(text)`: one tone-mark placement (`hoà` -> `hòa`, `thuỷ` -> `thủy`, `khoẻ` -> `khỏe`).
- `fold_aligned(text)`: like `fold` but exactly one output character per input character, so that
  offsets found in the folded copy are offsets in the text.
- `normalize(text)`: the classifier/matching form: lower-case, tones unified, emoji and emoticons as
  tokens, evasions undone (`l.ừ.a đ.ả.o`, `l u a d a o`, `l0`, `quáaaa`), teencode expanded.
  Idempotent: `normalize(normalize(t)) == normalize(t)`.
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
# C0/C1 controls except tab/newline/carriage return; zero-width characters used to split words.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200c\u2060\ufeff]")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case and strip diacritics; đ/Đ become d (they are letters, not accents, in Unicode)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped.replace("đ", "d"))


def clean(text) -> str:
    """Anything to a safe NFC string: None -> "", lone surrogates -> U+FFFD, controls dropped."""
    if text is None:
        return ""
    if not isinstance(text, str):
        text = str(text)
    if _SURROGATES.search(text):
        text = _SURROGATES.sub("\ufffd", text)
    text = _CONTROLS.sub(" ", text)
    return nfc(text)


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    folded = fold(ch)
    return folded if len(folded) == 1 else ch.lower()[:1] or ch


def fold_aligned(text: str) -> str:
    """`fold` with one output character per input character (offsets stay valid)."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(ch) for ch in text)


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


def normalize_tones(text: str) -> str:
    """One tone-mark placement, so `hoà` and `hòa` compare equal. Expects NFC text."""
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


def _expand_teencode(text: str) -> str:
    def repl(m: re.Match) -> str:
        word = m.group(0)
        if word.isdigit():
            return word
        return _TEENCODE.get(word, word)

    return _WORD_RE.sub(repl, text)


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
_SPACED_RE = re.compile(rf"(?<!\w)(?:{_LETTER} ){{3,}}{_LETTER}(?!\w)")
_DOTTED_RE = re.compile(rf"(?<!\w){_LETTER}(?:[.\-_*·]{_LETTER}){{2,}}(?!\w)")


def _join_spaced(m: re.Match) -> str:
    letters = m.group(0).replace(" ", "")
    parts = segment_syllables(letters)
    return " ".join(parts) if parts else m.group(0)


def _join_dotted(m: re.Match) -> str:
    letters = re.sub(r"[.\-_*·]", "", m.group(0))
    parts = segment_syllables(letters)
    return " ".join(parts) if parts else letters


# --- leetspeak and repeated letters ------------------------------------------------------------------
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"})
_LEET_TOKEN = re.compile(r"\b(?=\w*[^\W\d_])(?=\w*[013457])\w+\b")
# Real words and codes that mix letters and digits: COVID classes, age groups, units, models.
_LEET_KEEP = re.compile(r"^(?:f\d|u\d+|\d+[^\W\d_]{1,3}|[^\W\d_]+\d{2,}|\d+)$")


def _unleet(m: re.Match) -> str:
    token = m.group(0)
    if _LEET_KEEP.match(token):
        return token
    candidate = token.translate(_LEET)
    if any(ch.isdigit() for ch in candidate):
        return token
    return candidate


_REPEAT_RE = re.compile(r"([^\W\d_])\1{2,}")
# A toned vowel followed by its bare base letter(s): "quáaa" -> "quá".
_TONED_VOWELS = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"


def _build_echo() -> re.Pattern:
    by_base: dict[str, str] = {}
    for vowel in _TONED_VOWELS:
        by_base.setdefault(fold(vowel), "")
        by_base[fold(vowel)] += vowel
    return re.compile("|".join(f"(?<=[{vowels}]){base}+" for base, vowels in by_base.items()))


# A toned vowel followed by its bare base letter(s): "quáaa" -> "quá".
_VOWEL_ECHO_RE = _build_echo()


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
    text = _EMO_SAD.sub(" :( ", text)
    text = _EMO_SMILE.sub(lambda m: " <3 " if m.group(0).startswith("<") else " :) ", text)
    return text


def _normalize_once(text: str) -> str:
    text = normalize_tones(text.lower())
    text = nfc(text)
    text = _emoji_tokens(text)
    text = _DOTTED_RE.sub(_join_dotted, text)
    text = _SPACED_RE.sub(_join_spaced, text)
    text = _LEET_TOKEN.sub(_unleet, text)
    text = _REPEAT_RE.sub(r"\1", text)
    text = _VOWEL_ECHO_RE.sub("", text)
    text = normalize_tones(text)
    text = _expand_teencode(text)
    return _SPACES.sub(" ", text).strip()


def normalize(text) -> str:
    """The classifier and matching form of a text. Never raises; idempotent.

    Each step is idempotent on its own; a few Unicode corner cases (lower-casing that leaves
    combining marks) settle on a second pass, so those iterate to a fixed point (bounded).
    """
    text = clean(text)
    if not text:
        return ""
    out = _normalize_once(text)
    if not out.isascii() and any(unicodedata.combining(ch) for ch in out):
        # Rare: lower-casing left combining marks that compose differently on a second pass.
        for _ in range(3):
            again = _normalize_once(out)
            if again == out:
                break
            out = again
    return out


# --- entities --------------------------------------------------------------------------------------
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TLDS = ("vn|com|net|org|info|xyz|top|site|online|io|me|ly|gl|co|cc|tk|ml|ga|cf|gq|shop|click|link|club|"
         "live|app|biz|asia|store|vip|icu|cn|ru|pro|page|win|bid|gov|edu")
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


def extract_entities(text: str) -> dict[str, list[dict]]:
    """URLs, e-mails, phones, bank-account-like numbers and citizen IDs, each `{value, start, end}`.

    Offsets are in `clean(text)` (NFC). Never raises.
    """
    text = clean(text)
    out: dict[str, list[dict]] = {"urls": [], "emails": [], "phones": [], "bank_accounts": [], "citizen_ids": []}
    if not text:
        return out
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for m in _EMAIL_RE.finditer(text):
        out["emails"].append({"value": m.group(0), "start": m.start(), "end": m.end()})
        taken.append(m.span())
    for m in _URL_RE.finditer(text):
        value = m.group(0).rstrip(_TRAIL_PUNCT)
        start, end = m.start(), m.start() + len(value)
        if value and free(start, end):
            out["urls"].append({"value": value, "start": start, "end": end})
            taken.append((start, end))
    for m in _PHONE_RE.finditer(text):
        if not free(*m.span()):
            continue
        digits = _phone_digits(m.group(0))
        if digits:
            out["phones"].append({"value": digits, "start": m.start(), "end": m.end()})
            taken.append(m.span())
    for m in _DIGITS_RE.finditer(text):
        raw = m.group(0).rstrip(" .-")
        start, end = m.start(), m.start() + len(raw)
        if not free(start, end) or _MONEY_RE.match(raw):
            continue
        digits = re.sub(r"\D", "", raw)
        if is_citizen_id(digits):
            out["citizen_ids"].append({"value": digits, "start": start, "end": end})
            taken.append((start, end))
            continue
        cue = bool(_BANK_CUE_RE.search(text[max(0, start - 40):start]))
        plain = digits == raw
        if 8 <= len(digits) <= 19 and (cue or (plain and 9 <= len(digits) <= 16)):
            out["bank_accounts"].append({"value": digits, "start": start, "end": end,
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
