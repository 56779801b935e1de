"""The layout keeps its promises: no import cycles (imports inside functions count), HTTP stays in api/."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("classifier", "training", "traffic", "api", "promptprism")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _import_graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            for target in targets:
                # An import of a package's member resolves to the deepest module of ours that it names.
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycles_counting_imports_inside_functions():
    graph = _import_graph()
    # A package's __init__ importing its own submodules is not a cycle between modules of different jobs.
    for name in graph:
        graph[name] = {
            t for t in graph[name] if not (t.startswith(name + ".") and (ROOT / name.replace(".", "/")).is_dir())
        }
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_layers_point_one_way():
    graph = _import_graph()
    allowed = {
        "classifier": {"classifier"},
        "training": {"classifier", "training"},
        "traffic": {"classifier", "traffic"},
        "api": {"classifier", "training", "traffic", "api", "promptprism"},
    }
    for module, targets in graph.items():
        package = module.split(".")[0]
        if package in allowed:
            wrong = {t for t in targets if t.split(".")[0] not in allowed[package]}
            # api reads only the settings object from the user-facing package.
            if package == "api":
                wrong = {t for t in wrong if t != "promptprism.settings"}
                wrong |= {t for t in targets if t.startswith("promptprism") and t != "promptprism.settings"}
            assert not wrong, f"{module} imports {sorted(wrong)} against the layering"


def test_traffic_and_the_core_do_not_import_fastapi():
    for package in ("classifier", "training", "traffic"):
        for path in (ROOT / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "import fastapi" not in text and "from fastapi" not in text, path


def test_api_is_at_most_about_a_third_of_the_code():
    def lines(package: str) -> int:
        return sum(len(p.read_text(encoding="utf-8").splitlines()) for p in (ROOT / package).rglob("*.py"))

    total = sum(lines(p) for p in (*PACKAGES, "bench"))
    assert lines("api") / total <= 0.35
