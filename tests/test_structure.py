"""The package's shape: no import cycles, every module importable on its own."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import summarizer

PACKAGE = Path(summarizer.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _all_imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import: module level, inside functions, and under TYPE_CHECKING.

    An import hidden in a function or behind TYPE_CHECKING still ties two modules
    together; a cycle through one is a cycle all the same.
    """
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node


def _imports(name: str, path: Path) -> set[str]:
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in _all_imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        found.update(t for t in targets if t in MODULES and t != name)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _cycle_from(start: str) -> list[str] | None:
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, trail = stack.pop()
        for nxt in GRAPH[node]:
            if nxt == start:
                return [*trail, start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*trail, nxt]))
    return None


def test_no_module_imports_itself_back() -> None:
    # A package __init__ that re-exports its own modules is not a cycle of concern:
    # those edges point down into the package. Module-to-module cycles are.
    cycles = []
    for name in sorted(GRAPH):
        if MODULES[name].name == "__init__.py":
            continue
        cycle = _cycle_from(name)
        if cycle and not any(MODULES[m].name == "__init__.py" for m in cycle[1:-1]):
            cycles.append(" -> ".join(cycle))
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_the_cycle_finder_finds_a_cycle() -> None:
    saved = dict(GRAPH)
    try:
        GRAPH["summarizer.models"] = {*GRAPH["summarizer.models"], "summarizer.api"}
        assert _cycle_from("summarizer.models") is not None
    finally:
        GRAPH.clear()
        GRAPH.update(saved)


def test_summarize_does_not_import_the_test_doubles() -> None:
    code = (
        "import sys, summarizer\n"
        "summarizer.summarize('The council voted 7 to 2 on Monday to close the pool, "
        "said Mayor Ann Lee.', engine='extractive')\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('summarizer.testing', 'vcr')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("name", sorted(set(MODULES) - {"summarizer.__main__"}))
def test_each_module_imports_on_its_own(name: str) -> None:
    # A fresh interpreter per module: a hidden cycle or an import-time side
    # effect shows up as an ImportError or output here.
    out = subprocess.run(
        [sys.executable, "-c", f"import {name}"], capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout == ""


TOP_LEVEL = {
    "summarizer",
    "summarizer.__main__",
    "summarizer.api",
    "summarizer.config",
    "summarizer.errors",
    "summarizer.models",
    "summarizer.resources",
    "summarizer.results",
    "summarizer.schema",
}


def test_top_level_holds_only_the_entry_points() -> None:
    top = {n for n, p in MODULES.items() if p.parent == PACKAGE}
    assert top == TOP_LEVEL
