"""Rules for what labelled data cannot cover. Each rule is data (files in `data/`) plus a small function
returning signals `{"rule", "category", "score", "matches": [{"term", "start", "end"}], "detail"}`.

- `scam_signals`: transfer/prize/loan/deposit/job/credential language with urgency, account numbers,
  shortened or suspicious links, look-alike official domains (`data/official_domains.txt`).
- `impersonation_signals`: page/author names close to official agency names (rapidfuzz), and
  claims of authority asking for money or credentials.
- `personal_data_signals`: citizen IDs, phones with names, addresses (Decree 13/2023/NĐ-CP).
- `incitement_signals`: a violence lexicon together with a call to act.
- `misinformation_signals`, `grievance_signals`: weak cues, combined with classifiers downstream.

Deliberately absent: any rule about political opinion or criticism of officials or policies. Criticism
is answered, never flagged; tests pin this down.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import urlsplit

import ahocorasick
from rapidfuzz import fuzz, process

from haidang.text.normalize import fold, fold_aligned

from .choices import HarmCategory

DATA_DIR = Path(__file__).resolve().parent / "data"

# --- lexicons -------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _lexicon() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    entries: dict[str, list[tuple[str, bool]]] = {}
    for line in (DATA_DIR / "rule_terms.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        group, term = (s.strip() for s in line.split("\t", 1))
        prefix = term.endswith("*")
        key = fold(term.rstrip("*"))
        entries.setdefault(key, []).append((group, prefix))
    for key, groups in entries.items():
        automaton.add_word(key, (key, groups))
    automaton.make_automaton()
    return automaton


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def lexicon_hits(normalized: str) -> dict[str, list[dict]]:
    """Group -> hits (term, start, end) in a normalised text, accent-insensitive, whole words."""
    hay = fold_aligned(normalized)
    n = len(hay)
    out: dict[str, list[dict]] = {}
    for end_index, (key, groups) in _lexicon().iter(hay):
        start, end = end_index - len(key) + 1, end_index + 1
        if start > 0 and _word(hay[start - 1]):
            continue
        whole = end >= n or not _word(hay[end])
        for group, prefix in groups:
            if whole or prefix:
                out.setdefault(group, []).append({"term": key, "start": start, "end": end})
    return out


def _combine(*weights: float) -> float:
    """Noisy-OR of independent pieces of evidence."""
    p = 1.0
    for w in weights:
        p *= 1.0 - max(0.0, min(1.0, w))
    return round(1.0 - p, 3)


def _signal(rule: str, category: str, score: float, matches: list[dict], detail: str = "") -> dict:
    return {"rule": rule, "category": category, "score": round(score, 3), "matches": matches, "detail": detail,
            "in": "normalized"}


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


def is_official_host(host: str) -> bool:
    official = _link_lists()[2]
    return host.endswith(".gov.vn") or host == "gov.vn" or any(host == d or host.endswith("." + d) for d in official)


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
        has_gov_word = "gov" in labels[:-1] or any(b in host for b in brands)
        if has_gov_word or near or any(oc in host for oc in official_cores if len(oc) >= 5):
            detail = host + (f" ~ {near[0]}" if near else "")
            out.append({**_signal("scam.lookalike_domain", HarmCategory.SCAM, 0.85, match, detail), "in": "text"})
        elif labels[-1] in tlds:
            out.append({**_signal("scam.suspicious_tld", HarmCategory.SCAM, 0.3, match, host), "in": "text"})
    return out


# --- the rules -----------------------------------------------------------------------------------------

_BAIT = ("transfer", "prize", "loan", "deposit", "job", "credential")


def scam_signals(normalized: str, entities: dict, lex: dict | None = None) -> list[dict]:
    lex = lex if lex is not None else lexicon_hits(normalized)
    out = link_signals(entities.get("urls", []))
    bait = [h for g in _BAIT for h in lex.get(g, [])]
    bait_groups = {g for g in _BAIT if lex.get(g)}
    urgency = lex.get("urgency", [])
    if bait and urgency:
        score = _combine(0.55, 0.15 * (len(bait_groups) - 1))
        out.append(_signal("scam.bait_with_urgency", HarmCategory.SCAM, score, bait + urgency,
                           ", ".join(sorted(bait_groups))))
    elif len(bait_groups) >= 2:
        out.append(_signal("scam.bait", HarmCategory.SCAM, 0.35, bait, ", ".join(sorted(bait_groups))))
    accounts = entities.get("bank_accounts", [])
    if accounts and (bait or urgency):
        out.append({**_signal("scam.account_number", HarmCategory.SCAM, 0.5,
                              [{"term": a["value"], "start": a["start"], "end": a["end"]} for a in accounts]),
                    "in": "text"})
    return out


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


def impersonation_signals(normalized: str, *, author_name: str = "", lex: dict | None = None,
                          verified: bool = False) -> list[dict]:
    """Names close to an official agency's; authority claims asking for money or credentials."""
    out = []
    if author_name and not verified:
        names = official_names()
        folded_names = [fold(n) for n in names]
        hit = process.extractOne(fold(author_name), folded_names, scorer=fuzz.token_sort_ratio, score_cutoff=82)
        if hit:
            exact = hit[1] >= 99.5
            out.append(_signal(
                "impersonation.name", HarmCategory.IMPERSONATION, 0.45 if exact else 0.8,
                [{"term": author_name, "start": 0, "end": len(author_name)}],
                f"{'same as' if exact else 'close to'} {names[hit[2]]} ({hit[1]:.0f})",
            ) | {"in": "author"})
    lex = lex if lex is not None else lexicon_hits(normalized)
    authority = lex.get("authority", [])
    asks = lex.get("transfer", []) + lex.get("credential", [])
    if authority and asks:
        out.append(_signal("impersonation.authority_asks", HarmCategory.IMPERSONATION, 0.6, authority + asks))
    return out


_NAME_RE = re.compile(
    r"(?:(?:anh|chị|ông|bà|em|cô|chú|bạn|tên(?: là)?|họ tên:?)\s+)((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s?){2,4})"
)


def personal_data_signals(text: str, normalized: str, entities: dict, lex: dict | None = None) -> list[dict]:
    """Exposure of personal data in the sense of Decree 13/2023/NĐ-CP."""
    lex = lex if lex is not None else lexicon_hits(normalized)
    out = []
    ids = entities.get("citizen_ids", [])
    if ids:
        out.append({**_signal("personal_data.citizen_id", HarmCategory.PERSONAL_DATA, 0.8,
                              [{"term": "CCCD", "start": e["start"], "end": e["end"]} for e in ids]), "in": "text"})
    phones = entities.get("phones", [])
    names = list(_NAME_RE.finditer(text))
    cues = lex.get("personal_cue", [])
    if phones and (names or cues):
        matches = [{"term": "phone", "start": p["start"], "end": p["end"]} for p in phones]
        matches += [{"term": "name", "start": m.start(1), "end": m.end(1)} for m in names]
        out.append({**_signal("personal_data.phone_with_name", HarmCategory.PERSONAL_DATA,
                              0.6 if names else 0.4, matches), "in": "text"})
    address_cues = [c for c in cues if c["term"] in ("dia chi", "so nha", "ngo", "kiet", "thon", "to dan pho", "nha o")]
    if address_cues and (names or phones or ids) and re.search(r"\d", text):
        out.append(_signal("personal_data.address", HarmCategory.PERSONAL_DATA, 0.5, address_cues))
    return out


def incitement_signals(normalized: str, lex: dict | None = None) -> list[dict]:
    """A violence term together with a call to act. A violence word alone (news of a crime) is weak."""
    lex = lex if lex is not None else lexicon_hits(normalized)
    violence = lex.get("incite_violence", [])
    if not violence:
        return []
    calls = lex.get("incite_call", [])
    near = [c for c in calls if any(abs(c["start"] - v["start"]) <= 40 for v in violence)]
    if near:
        return [_signal("incitement.call_to_violence", HarmCategory.INCITEMENT, 0.7, violence + near)]
    return [_signal("incitement.violence_term", HarmCategory.INCITEMENT, 0.2, violence)]


SUBTOPICS = ("health", "disaster_epidemic", "security_order", "economy", "policy")


def misinformation_signals(normalized: str, lex: dict | None = None) -> list[dict]:
    """Rumour cues together with a subtopic of the national taxonomy. A weak cue, never proof."""
    lex = lex if lex is not None else lexicon_hits(normalized)
    rumour = lex.get("rumour", [])
    if not rumour:
        return []
    counts = {s: len(lex.get(f"misinfo_{s}", [])) for s in SUBTOPICS}
    subtopic = max(counts, key=counts.get)
    if not counts[subtopic]:
        return []
    signal = _signal("misinformation.rumour", HarmCategory.MISINFORMATION, 0.35,
                     rumour + lex[f"misinfo_{subtopic}"], subtopic)
    signal["subtopic"] = subtopic
    return [signal]


def grievance_signals(normalized: str, lex: dict | None = None) -> list[dict]:
    """Complaint cues about public services: grievances are answered."""
    lex = lex if lex is not None else lexicon_hits(normalized)
    cues = lex.get("grievance", [])
    if not cues:
        return []
    return [_signal("grievance.complaint", HarmCategory.GRIEVANCE, min(0.25 + 0.15 * len(cues), 0.7), cues)]


def all_signals(text: str, normalized: str, entities: dict, *, author_name: str = "",
                verified_author: bool = False) -> list[dict]:
    lex = lexicon_hits(normalized)
    return (scam_signals(normalized, entities, lex)
            + impersonation_signals(normalized, author_name=author_name, lex=lex, verified=verified_author)
            + personal_data_signals(text, normalized, entities, lex)
            + incitement_signals(normalized, lex)
            + misinformation_signals(normalized, lex)
            + grievance_signals(normalized, lex))
