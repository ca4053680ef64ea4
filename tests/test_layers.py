"""The house keeps its layers: every import points down, and no two modules import each other.

Read from the source with `ast`, so function-level imports count as much as module-level ones.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHELL = {"config", "home", "demo", "ops"}  # the packages under site/
LAYERS = {
    "core": set(),
    "exemplars": {"core"},
    "campaigns": {"core", "exemplars"},
    "search": {"core", "exemplars", "campaigns"},
    "radio": {"core", "exemplars", "campaigns"},
}
PROJECT = set(LAYERS) | SHELL


def _modules():
    """(module name, path) for every project module outside migrations and tests."""
    for top in LAYERS:
        for path in (ROOT / top).rglob("*.py"):
            yield path, top
    for top in SHELL:
        for path in (ROOT / "site" / top).rglob("*.py"):
            yield path, top


def _name(path: Path) -> str:
    rel = path.relative_to(ROOT / "site" if path.is_relative_to(ROOT / "site") else ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    module = _name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            # `from . import x` / `from .pkg import mod` may name a module.
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return {name for name in found if name.split(".")[0] in PROJECT}


def test_every_import_points_down_the_house():
    wrong = []
    for path, top in _modules():
        if "migrations" in path.parts:
            continue
        for target in _imports(path):
            head = target.split(".")[0]
            if head == top or top in SHELL:
                continue
            if head in SHELL or head not in LAYERS[top]:
                wrong.append(f"{path.relative_to(ROOT)} imports {target}")
    assert not wrong, "imports that point up the house:\n" + "\n".join(sorted(wrong))


def test_no_import_cycles():
    paths = {_name(path): path for path, _ in _modules() if "migrations" not in path.parts}
    graph = {name: {t for t in _imports(path) if t in paths and t != name} for name, path in paths.items()}
    # A package's __init__ re-exporting its own modules is not a cycle back from those modules.
    for name in graph:
        graph[name] = {t for t in graph[name] if not name.startswith(t + ".")}
    cycles, state = [], {}

    def visit(node, stack):
        state[node] = "open"
        stack.append(node)
        for nxt in graph[node]:
            if state.get(nxt) == "open":
                cycles.append(" → ".join([*stack[stack.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)
