"""The code stays readable as it grows: small modules, one package per sub-feature.

Which package may import which is checked by import-linter (`lint-imports`, in `make test`).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "resumate"
SCRIPTS = SRC / "web" / "static" / "js"
FIXED = ("router", "pages", "service", "repository", "models", "schemas", "deps")
MAX_PYTHON_LINES = 400
MAX_SCRIPT_LINES = 300


def lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def packages() -> list[Path]:
    return sorted(p.parent for p in SRC.rglob("__init__.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("module", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_python_module_is_over_400_lines(module: Path) -> None:
    assert lines(module) <= MAX_PYTHON_LINES


@pytest.mark.parametrize(
    "script", sorted(SCRIPTS.rglob("*.js")), ids=lambda p: str(p.relative_to(SCRIPTS))
)
def test_no_script_of_the_app_is_over_300_lines(script: Path) -> None:
    assert lines(script) <= MAX_SCRIPT_LINES


@pytest.mark.parametrize("package", packages(), ids=lambda p: str(p.relative_to(SRC)) or ".")
def test_sub_features_are_packages_not_name_prefixes(package: Path) -> None:
    """`pdf/router.py`, not `pdf_router.py` beside `router.py`; no family of `page_*` modules."""
    stems = [m.stem for m in package.glob("*.py") if not m.stem.startswith("__")]
    assert [s for s in stems if s.endswith(tuple(f"_{name}" for name in FIXED))] == []
    prefixes = Counter(s.split("_")[0] for s in stems if "_" in s)
    assert [prefix for prefix, count in prefixes.items() if count > 1] == []
