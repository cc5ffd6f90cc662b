"""The app's modules import each other in one direction: no circle, and no import hidden inside a
function without a comment saying why (read from the source files with ``ast``, not imported)."""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "factcheck"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


SOURCES = {
    module_name(path): path
    for path in sorted(APP.rglob("*.py"))
    if "migrations" not in path.relative_to(APP).parts
}


def _targets(node: ast.Import | ast.ImportFrom, importer: str) -> Iterator[str]:
    """The app modules an import statement loads: ``from a import b`` is ``a.b`` when that is a
    module, else ``a``."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
        return
    assert node.level == 0, "the app imports by absolute name (from factcheck… import …)"
    base = node.module or ""
    for alias in node.names:
        yield f"{base}.{alias.name}" if f"{base}.{alias.name}" in SOURCES else base


def _load_time_imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Imports run when the module loads: not inside functions, not under ``if TYPE_CHECKING``."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from _load_time_imports(ast.Module(body=node.orelse, type_ignores=[]))
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        yield from _load_time_imports(node)


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, path in SOURCES.items():
        tree = ast.parse(path.read_text(), filename=str(path))
        graph[name] = {
            target
            for node in _load_time_imports(tree)
            for target in _targets(node, name)
            if target in SOURCES and target != name
        }
    return graph


def find_circle(graph: dict[str, set[str]]) -> list[str]:
    """One import circle as [a, b, …, a], or [] when the graph has none."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = "open"
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return [*path[path.index(target) :], target]
            if target not in state and (circle := visit(target)):
                return circle
        state[node] = "done"
        path.pop()
        return []

    for node in sorted(graph):
        if node not in state and (circle := visit(node)):
            return circle
    return []


def function_imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of every import inside a function or method."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    yield node.lineno, ast.unparse(node)


def has_reason(lines: list[str], lineno: int) -> bool:
    """A comment on the import's line, or on the line above it (or above the imports grouped
    with it)."""
    index = lineno - 1
    if "#" in lines[index]:
        return True
    while index > 0 and lines[index - 1].strip().startswith(("import ", "from ")):
        index -= 1
    return index > 0 and lines[index - 1].strip().startswith("#")


def test_the_app_has_no_import_circle():
    graph = import_graph()
    assert graph["factcheck.review"] >= {"factcheck.webhooks"}  # the graph sees real imports
    assert find_circle(graph) == []


def test_the_circle_finder_finds_a_circle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_circle(graph) == ["a", "b", "c", "a"]
    assert find_circle({"a": {"b"}, "b": set()}) == []


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_an_import_inside_a_function_says_why(name):
    path = SOURCES[name]
    lines = path.read_text().splitlines()
    silent = [text for lineno, text in function_imports(path) if not has_reason(lines, lineno)]
    assert silent == [], f"{path.relative_to(ROOT)}: give the reason in a comment, or move it up"


def test_no_domain_module_imports_tasks_and_only_queue_spells_task_names():
    graph = import_graph()
    assert [name for name, targets in graph.items() if "factcheck.tasks" in targets] == []
    spelled = [
        str(path.relative_to(ROOT))
        for path in [*APP.rglob("*.py"), ROOT / "workbench" / "settings.py"]
        if '"factcheck.tasks.' in path.read_text() and path.name != "queue.py"
    ]
    assert spelled == []
