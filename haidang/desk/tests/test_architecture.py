"""The layers hold: every part of `haidang` is placed in a layer, and nothing imports in a circle.

`lint-imports` (run by `make test`) enforces the contracts in pyproject.toml; these tests make the
same promises fail inside pytest too, and check what a contract cannot: that it covers every app."""

from __future__ import annotations

import pkgutil
import tomllib
from pathlib import Path

import grimp

import haidang

ROOT = Path(__file__).resolve().parents[3]


def _contracts() -> dict:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["id"]: c for c in config["tool"]["importlinter"]["contracts"]}


def _production_graph():
    graph = grimp.build_graph("haidang")
    for module in list(graph.modules):
        if ".tests" in module:
            graph.remove_module(module)
    return graph


def test_the_layers_cover_every_app_and_module():
    placed = {name.strip() for layer in _contracts()["layers"]["layers"] for name in layer.split("|")}
    present = {f"haidang.{info.name}" for info in pkgutil.iter_modules(haidang.__path__)}
    assert present - placed == set(), "every part of haidang belongs to a layer"
    assert placed - present == set(), "the layers name only what exists"


def test_at_most_three_ignored_imports_and_each_explained():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    ignores = [c.get("ignore_imports", []) for c in _contracts().values()]
    assert sum(len(i) for i in ignores) <= 3
    for line in text.splitlines():
        if "ignore_imports" in line and "]" in line and "->" in line:
            assert "#" in line, "an ignored import says why"


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_two_modules_import_each_other():
    graph = _production_graph()
    edges = {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    assert _cycles(edges) == []


def test_no_two_apps_import_each_other():
    graph = _production_graph()
    edges: dict[str, set[str]] = {}
    for module in graph.modules:
        app = ".".join(module.split(".")[:2])
        for imported in graph.find_modules_directly_imported_by(module):
            other = ".".join(imported.split(".")[:2])
            if other != app:
                edges.setdefault(app, set()).add(other)
            edges.setdefault(other, set())
    assert _cycles(edges) == []
