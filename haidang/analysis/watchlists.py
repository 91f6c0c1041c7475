"""Watch-lists: boolean keyword queries, all compiled into one Aho-Corasick automaton.

Query language (keywords in capitals):

    lừa đảo                        both words (adjacent terms are ANDed)
    "lừa đảo" OR "chiếm đoạt"       quoted phrases, OR
    (vay OR "cho vay") AND lãi*     parentheses; `*` suffix matches any ending (lãi, lãii, lãisuất...)
    bão NOT "bão giá"               NOT
    sạt NEAR/3 lở                   both within 3 words of each other
    =Lừa  ~lua                      per-term flag: `=` diacritics must match, `~` diacritics ignored

A term without a flag follows the watch-list's default (diacritics ignored unless the watch-list says
otherwise). Matching is case-insensitive and treats `hoà`/`hòa` alike.

Public API:
- `compile_query(query, *, sensitive=False) -> CompiledQuery`, raising `QueryError(message, position)`;
  `CompiledQuery.matches(text) -> list[{"term", "start", "end"}]` (empty when the query does not match).
- `WatchlistIndex(topics)` with `.match(text)`: every topic of every watch-list in one automaton, so
  ten thousand terms cost about the same as ten.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import ahocorasick
from django.utils.translation import gettext as _
from lark import (
    Lark,
    Token,
    Transformer,
    UnexpectedCharacters,
    UnexpectedEOF,
    UnexpectedInput,
    UnexpectedToken,
)

from haidang.text.normalize import clean, fold_aligned, normalize, normalize_tones

MAX_QUERY_LENGTH = 5000
MAX_DEPTH = 40

GRAMMAR = r"""
?start: or_expr
?or_expr: and_expr (_OR and_expr)*
?and_expr: unary (_AND? unary)*
?unary: _NOT unary -> not_
      | near
?near: atom (NEAR atom)*
?atom: term
     | _LP or_expr _RP
term: PHRASE | WORD

_OR.3: /OR(?=[\s()"]|$)/
_AND.3: /AND(?=[\s()"]|$)/
_NOT.3: /NOT(?=[\s()"]|$)/
NEAR.3: /NEAR\/\d{1,3}(?=[\s()"]|$)/
_LP: "("
_RP: ")"
PHRASE: /[=~]?"[^"]*"/
WORD: /[=~]?[^\s()"=~][^\s()"]*/
%import common.WS
%ignore WS
"""

_PARSER = Lark(GRAMMAR, parser="lalr", propagate_positions=False, maybe_placeholders=False)


class QueryError(ValueError):
    """A watch-list query that cannot be compiled; `position` is a 0-based character offset."""

    def __init__(self, message: str, position: int | None = None):
        self.message = message
        self.position = position
        super().__init__(message if position is None else f"{message} (position {position + 1})")


@dataclass(frozen=True)
class Term:
    text: str  # normalised key as searched for
    display: str  # as written in the query
    sensitive: bool
    prefix: bool


@dataclass
class Node:
    op: str  # term, and, or, not, near
    children: list = field(default_factory=list)
    term: Term | None = None
    distance: int = 0


def _normalise_term(raw: str, sensitive: bool) -> str:
    text = normalize_tones(clean(raw).lower())
    text = re.sub(r"\s+", " ", text).strip()
    return text if sensitive else fold_aligned(text)


class _Build(Transformer):
    def __init__(self, sensitive: bool):
        super().__init__()
        self.sensitive = sensitive

    def term(self, items):
        token: Token = items[0]
        raw = str(token)
        sensitive = self.sensitive
        if raw[0] in "=~":
            sensitive = raw[0] == "="
            raw = raw[1:]
        prefix = False
        if raw.startswith('"'):
            raw = raw[1:-1]
        if raw.endswith("*"):
            prefix, raw = True, raw.rstrip("*")
        text = _normalise_term(raw, sensitive)
        if not text:
            raise QueryError(_("Empty term"), token.start_pos)
        return Node("term", term=Term(text=text, display=str(token), sensitive=sensitive, prefix=prefix))

    def or_expr(self, items):
        return Node("or", children=list(items))

    def and_expr(self, items):
        return Node("and", children=list(items))

    def not_(self, items):
        return Node("not", children=[items[0]])

    def near(self, items):
        node = items[0]
        for i in range(1, len(items), 2):
            distance = int(str(items[i]).split("/")[1])
            node = Node("near", children=[node, items[i + 1]], distance=distance)
        return node


def _depth(query: str) -> tuple[int, int]:
    depth = worst = worst_at = 0
    in_phrase = False
    for i, ch in enumerate(query):
        if ch == '"':
            in_phrase = not in_phrase
        elif not in_phrase and ch == "(":
            depth += 1
            if depth > worst:
                worst, worst_at = depth, i
    return worst, worst_at


def parse_query(query: str, *, sensitive: bool = False) -> Node:
    """Parse a query into a tree, or raise QueryError with the position of the problem."""
    query = clean(query)
    if not query.strip():
        raise QueryError(_("The query is empty."), 0)
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(_("The query is too long."), MAX_QUERY_LENGTH)
    depth, at = _depth(query)
    if depth > MAX_DEPTH:
        raise QueryError(_("Too many nested parentheses."), at)
    if query.count('"') % 2:
        raise QueryError(_("A quotation mark is not closed."), query.rfind('"'))
    try:
        tree = _PARSER.parse(query)
    except UnexpectedEOF:
        raise QueryError(_("The query ends too early: a term or a closing parenthesis is missing."), len(query))
    except UnexpectedCharacters as exc:
        raise QueryError(_("Unexpected character %(char)r.") % {"char": query[exc.pos_in_stream]}, exc.pos_in_stream)
    except UnexpectedToken as exc:
        pos = exc.token.start_pos if exc.token.start_pos is not None else len(query)
        if exc.token.type == "$END":
            raise QueryError(_("The query ends too early: a term or a closing parenthesis is missing."), len(query))
        raise QueryError(_("Unexpected %(token)r here.") % {"token": str(exc.token)}, pos)
    except UnexpectedInput as exc:  # pragma: no cover - the three above are exhaustive in lark 1.x
        raise QueryError(_("The query cannot be read."), getattr(exc, "pos_in_stream", None))
    try:
        node = _Build(sensitive).transform(tree) if not isinstance(tree, Token) else None
    except QueryError:
        raise
    except Exception as exc:  # lark wraps transformer errors in VisitError
        inner = getattr(exc, "orig_exc", None)
        if isinstance(inner, QueryError):
            raise inner
        raise QueryError(_("The query cannot be read."), None)
    if node is None or not _has_positive(node):
        raise QueryError(_("A query needs at least one term that is not negated."), 0)
    return node


def _has_positive(node: Node) -> bool:
    if node.op == "term":
        return True
    if node.op == "not":
        return False
    if node.op in ("and", "near"):
        return any(_has_positive(c) for c in node.children)
    return all(_has_positive(c) for c in node.children)


def _terms(node: Node) -> Iterable[Term]:
    if node.op == "term":
        yield node.term
    for child in node.children:
        yield from _terms(child)


@dataclass
class Topic:
    """Anything with these fields can be indexed: a `WatchList` row, or a plain record."""

    key: object
    name: str
    query: str
    sensitive: bool = False
    urgent: bool = False
    category: str = ""
    tree: Node | None = None


_WS_RUN = re.compile(r"\s{2,}|[\t\n\r\f\v]")
_SPACE_RUNS = re.compile(r"\s+")  # `\s` is `str.isspace`


def _collapse_spaces(text: str) -> tuple[str, list[int]]:
    """Each run of whitespace as one space (at the run's first character), and each kept character's offset
    in `text`; found run by run, not character by character."""
    kept, offsets = [], []
    pos = 0
    for m in _SPACE_RUNS.finditer(text):
        start, end = m.span()
        kept.append(text[pos:start])
        offsets.extend(range(pos, start))
        kept.append(" ")
        offsets.append(start)
        pos = end
    kept.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    return "".join(kept), offsets
_WORD_START = re.compile(r"\w+")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class WatchlistIndex:
    """Every term of every topic in one automaton; `match(text)` evaluates the topics that were hit."""

    def __init__(self, topics: Iterable[Topic]):
        self.topics: list[Topic] = []
        self.errors: dict[object, QueryError] = {}
        self._automaton = ahocorasick.Automaton()
        # key string -> list of (sensitive, prefix, term display, topic index)
        entries: dict[str, list[tuple[bool, bool, str, int]]] = {}
        for topic in topics:
            try:
                tree = topic.tree or parse_query(topic.query, sensitive=topic.sensitive)
            except QueryError as exc:
                self.errors[topic.key] = exc  # one bad topic must not stop the others
                continue
            topic.tree = tree
            index = len(self.topics)
            self.topics.append(topic)
            for term in _terms(tree):
                entries.setdefault(term.text, []).append((term.sensitive, term.prefix, term.text, index))
        for key, value in entries.items():
            self._automaton.add_word(key, (key, value))
        self.empty = not entries
        if not self.empty:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self.topics)

    def _scan(self, haystack: str, sensitive: bool, hits: dict, offsets: list[int] | None, origin: str):
        n = len(haystack)
        for end_index, (key, entries) in self._automaton.iter(haystack):
            start = end_index - len(key) + 1
            end = end_index + 1
            if start > 0 and _is_word(haystack[start - 1]) and _is_word(key[0]):
                continue
            whole = end >= n or not _is_word(haystack[end]) or not _is_word(key[-1])
            for term_sensitive, prefix, term_text, topic_index in entries:
                if term_sensitive != sensitive:
                    continue
                if not whole and not prefix:
                    continue
                stop = end
                if prefix:
                    while stop < n and _is_word(haystack[stop]):
                        stop += 1
                s, e = (offsets[start], offsets[stop - 1] + 1) if offsets else (start, stop)
                hits.setdefault(topic_index, {}).setdefault(term_text, []).append((s, e, origin))

    def _hits(self, text: str, origin: str) -> dict:
        hits: dict[int, dict[str, list]] = {}
        offsets = None
        if _WS_RUN.search(text):
            # Phrases are stored with single spaces: collapse whitespace, keeping a map of offsets.
            text, offsets = _collapse_spaces(text)
        lowered = normalize_tones(text.lower()) if not text.isascii() else text.lower()
        if len(lowered) != len(text):  # a few characters lower-case to two; keep offsets honest
            lowered = "".join(ch.lower()[:1] or ch for ch in text)
        self._scan(lowered, True, hits, offsets, origin)
        self._scan(fold_aligned(lowered), False, hits, offsets, origin)
        return hits

    def match(self, text: str, *, normalized: str | None = None) -> list[dict]:
        """Topics whose query matches, each with the hits (term, start, end) for highlighting.

        Offsets are into `clean(text)`; hits found only after undoing evasions (`l.ừ.a đ.ả.o`,
        teencode) are reported with `"in": "normalized"` and offsets into `normalize(text)`.
        """
        if self.empty:
            return []
        text = clean(text)
        hits = self._hits(text, "text")
        norm = normalized if normalized is not None else normalize(text)
        if norm and norm != text.lower():
            for topic_index, terms in self._hits(norm, "normalized").items():
                mine = hits.setdefault(topic_index, {})
                for term, found in terms.items():
                    mine.setdefault(term, found)
        results = []
        word_starts: list[int] | None = None
        for topic_index, terms in sorted(hits.items()):
            topic = self.topics[topic_index]
            if topic.tree.op == "near" or _uses_near(topic.tree):
                if word_starts is None:
                    word_starts = [m.start() for m in _WORD_START.finditer(text)]
                norm_starts = [m.start() for m in _WORD_START.finditer(norm)]
                ok, used = _eval_near(topic.tree, terms, word_starts, norm_starts)
            else:
                ok, used = _eval(topic.tree, terms)
            if ok:
                results.append({
                    "id": topic.key, "name": topic.name, "urgent": topic.urgent, "category": topic.category,
                    "hits": [{"term": term, "start": s, "end": e, "in": origin}
                             for term in sorted(used) for s, e, origin in terms[term]],
                })
        return results


def _uses_near(node: Node) -> bool:
    return node.op == "near" or any(_uses_near(c) for c in node.children)


def _eval(node: Node, terms: dict) -> tuple[bool, set]:
    if node.op == "term":
        return (True, {node.term.text}) if node.term.text in terms else (False, set())
    if node.op == "not":
        ok, _used = _eval(node.children[0], terms)
        return (not ok), set()
    results = [_eval(c, terms) for c in node.children]
    if node.op == "and":
        if all(ok for ok, _ in results):
            return True, set().union(*(u for _, u in results))
        return False, set()
    used = set().union(*(u for ok, u in results if ok)) if any(ok for ok, _ in results) else set()
    return any(ok for ok, _ in results), used


def _positions(term_hits: list, word_starts: list[int], norm_starts: list[int]) -> list[int]:
    out = []
    for start, _end, origin in term_hits:
        starts = word_starts if origin == "text" else norm_starts
        out.append(bisect.bisect_right(starts, start) - 1)
    return out


def _eval_near(node: Node, terms: dict, ws: list[int], ns: list[int]) -> tuple[bool, set]:
    ok, used, _pos = _near(node, terms, ws, ns)
    return ok, used


def _near(node: Node, terms: dict, ws, ns) -> tuple[bool, set, list[int]]:
    if node.op == "term":
        found = terms.get(node.term.text)
        if not found:
            return False, set(), []
        return True, {node.term.text}, _positions(found, ws, ns)
    if node.op == "not":
        ok, _u, _p = _near(node.children[0], terms, ws, ns)
        return (not ok), set(), []
    results = [_near(c, terms, ws, ns) for c in node.children]
    if node.op == "near":
        (ok_a, used_a, pos_a), (ok_b, used_b, pos_b) = results
        if not (ok_a and ok_b):
            return False, set(), []
        close_a = [a for a in pos_a if any(abs(a - b) <= node.distance for b in pos_b)]
        if not close_a:
            return False, set(), []
        close_b = [b for b in pos_b if any(abs(a - b) <= node.distance for a in close_a)]
        return True, used_a | used_b, close_a + close_b
    if node.op == "and":
        if all(ok for ok, _, _ in results):
            return True, set().union(*(u for _, u, _ in results)), [p for _, _, ps in results for p in ps]
        return False, set(), []
    good = [r for r in results if r[0]]
    if not good:
        return False, set(), []
    return True, set().union(*(u for _, u, _ in good)), [p for _, _, ps in good for p in ps]


class CompiledQuery:
    """One query, compiled: what the watch-list editor's live preview calls."""

    def __init__(self, query: str, *, sensitive: bool = False):
        self.query = query
        self.tree = parse_query(query, sensitive=sensitive)
        self._index = WatchlistIndex([Topic(key=0, name="", query=query, sensitive=sensitive, tree=self.tree)])

    @property
    def terms(self) -> list[str]:
        return sorted({t.text for t in _terms(self.tree)})

    def matches(self, text: str) -> list[dict]:
        """The hits (term, start, end, in) when the query matches `text`, else an empty list."""
        found = self._index.match(text)
        return found[0]["hits"] if found else []

    def test(self, text: str) -> bool:
        return bool(self._index.match(text))


def compile_query(query: str, *, sensitive: bool = False) -> CompiledQuery:
    """Compile one query or raise `QueryError(message, position)`."""
    return CompiledQuery(query, sensitive=sensitive)


# --- the process-wide index of active watch-lists, rebuilt when a watch-list changes ----------------
_cache: dict[str, object] = {"version": None, "index": None}


def active_index() -> WatchlistIndex:
    """The compiled index of every active watch-list; cached and rebuilt when any changes."""
    from .models import WatchList

    try:
        version = WatchList.objects.cache_version()
    except Exception:  # no database yet (e.g. the analyse CLI before migrate): no watch-lists
        return WatchlistIndex([])
    if _cache["version"] != version or _cache["index"] is None:
        topics = [
            Topic(key=w.pk, name=w.name, query=w.query, sensitive=w.term_mode == "sensitive", urgent=w.urgent,
                  category=w.category)
            for w in WatchList.objects.filter(active=True).order_by("pk")
        ]
        _cache["index"] = WatchlistIndex(topics)
        _cache["version"] = version
    return _cache["index"]


def invalidate_cache() -> None:
    _cache["version"] = None
    _cache["index"] = None
