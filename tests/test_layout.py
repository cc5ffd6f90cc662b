"""The layout stays readable: no module of the app grows past 500 lines (STYLE.md: make it a
package first)."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 500


def app_modules(root: Path = ROOT) -> list[Path]:
    """Every Python module under root's factcheck/ and workbench/, migrations excepted."""
    found = [*root.joinpath("factcheck").rglob("*.py"), *root.joinpath("workbench").rglob("*.py")]
    return sorted(path for path in found if "migrations" not in path.relative_to(root).parts)


def long_modules(root: Path = ROOT, limit: int = MAX_LINES) -> dict[str, int]:
    """{path relative to root: lines} for each app module over limit lines."""
    counts = {str(p.relative_to(root)): len(p.read_text().splitlines()) for p in app_modules(root)}
    return {path: lines for path, lines in counts.items() if lines > limit}


def test_no_module_of_the_app_passes_500_lines():
    assert long_modules() == {}


def test_the_check_reads_the_app_and_skips_migrations():
    modules = {str(p.relative_to(ROOT)) for p in app_modules()}
    assert {"factcheck/http/client.py", "workbench/settings.py"} <= modules
    assert not any("/migrations/" in path for path in modules)


@pytest.mark.parametrize(("lines", "too_long"), [(500, False), (501, True)])
def test_a_module_over_the_limit_is_named(tmp_path, lines, too_long):
    for module in ("factcheck/big.py", "factcheck/migrations/0001_initial.py"):
        (tmp_path / module).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / module).write_text("x = 1\n" * lines)
    expected = {"factcheck/big.py": lines} if too_long else {}
    assert long_modules(tmp_path) == expected
