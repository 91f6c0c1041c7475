"""Reading a push body so that one bad record cannot cost the others.

The fast path is one `json.loads`. Only when that fails for a reason confined to part of the body
(nesting deeper than Python's recursion limit, an integer of more than 4,300 digits) is the body
split into its records by a scanner that follows only strings and brackets, and each record is
parsed on its own: the bad ones become `BadRecord`s (rejected with their index), the rest are kept.
"""

from __future__ import annotations

import json
import re
from typing import Any

from haidang.sources.parsers import BadRecord

# A JSON string (escapes included) or one structural character; everything else is skipped.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},:]', re.DOTALL)
_CLOSE = {"[": "]", "{": "}"}


class BodyError(ValueError):
    """The body as a whole cannot be read; `str()` is a one-line reason."""


def read_push_body(text: str) -> tuple[Any, Any]:
    """(source name or None, items) from a push body: a list of items or {"source", "items"}.

    `items` is what the body holds (the caller checks that it is a list); records that could not
    be parsed are `BadRecord`s in it."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BodyError(f"not valid JSON: {exc}")
    except (RecursionError, ValueError):
        return _read_record_by_record(text)
    if isinstance(data, dict):
        return data.get("source"), data.get("items")
    return None, data


def _read_record_by_record(text: str) -> tuple[Any, Any]:
    start = _skip_space(text, 0)
    if start >= len(text) or text[start] not in _CLOSE:
        raise BodyError("send a JSON list of items, or an object with an \"items\" list")
    children, end = _children(text, start)
    if _skip_space(text, end) != len(text):
        raise BodyError("not valid JSON: extra data after the body")
    if text[start] == "[":
        return None, [_parse_record(n, text[a:b]) for n, (a, b) in enumerate(children, 1)]
    source, items = None, None
    for a, b in children:
        key, value_at = _member(text, a, b)
        if key == "source":
            source = _parse_whole(text[value_at:b])
        elif key == "items":
            value_at = _skip_space(text, value_at)
            if text.startswith("[", value_at):
                spans, _end = _children(text, value_at)
                items = [_parse_record(n, text[x:y]) for n, (x, y) in enumerate(spans, 1)]
            else:
                items = _parse_whole(text[value_at:b])
    return source, items


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _children(text: str, open_pos: int) -> tuple[list[tuple[int, int]], int]:
    """Spans of the direct children of the container opening at `open_pos`, and the position after
    its closing bracket. Only the nesting is followed: the children are parsed later, one by one."""
    opener = text[open_pos]
    depth = 0
    spans: list[tuple[int, int]] = []
    child_start = open_pos + 1
    for match in _TOKEN.finditer(text, open_pos + 1):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
        elif token in ("]", "}"):
            if depth == 0:
                if token != _CLOSE[opener]:
                    raise BodyError("not valid JSON: brackets do not match")
                if text[child_start:match.start()].strip() or spans:
                    spans.append((child_start, match.start()))
                return spans, match.end()
            depth -= 1
        elif token == "," and depth == 0:
            spans.append((child_start, match.start()))
            child_start = match.end()
    raise BodyError("not valid JSON: the body ends before its last bracket closes")


def _member(text: str, a: int, b: int) -> tuple[str | None, int]:
    """An object member `"key": value` as (key, where the value starts)."""
    for match in _TOKEN.finditer(text, a, b):
        if match.group() == ":":
            try:
                key = json.loads(text[a:match.start()])
            except ValueError:
                raise BodyError("not valid JSON: an object key is not a string")
            return (key if isinstance(key, str) else None), match.end()
        if match.group() in "[]{},":
            break
    raise BodyError("not valid JSON: an object member has no value")


def _parse_whole(value: str):
    try:
        return json.loads(value)
    except RecursionError:
        raise BodyError("not valid JSON: nested too deeply")
    except ValueError as exc:
        raise BodyError(f"not valid JSON: {exc}"[:200])


def _parse_record(number: int, chunk: str):
    try:
        return json.loads(chunk)
    except RecursionError:
        return BadRecord(number, "nested too deeply to read")
    except json.JSONDecodeError as exc:
        return BadRecord(number, f"not valid JSON: {exc}")
    except ValueError:
        return BadRecord(number, "a number in it has more than 4300 digits")
