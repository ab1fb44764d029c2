"""The package ships every file the app reads at run time: templates, scripts, icons, fonts."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "resumate"
SKIPPED = (".py", ".pyc")


def package_data() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns: list[str] = config["tool"]["setuptools"]["package-data"]["resumate"]
    return patterns


def test_every_resource_file_is_in_the_package_data() -> None:
    patterns = package_data()
    resources = [
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*")
        if path.is_file() and path.suffix not in SKIPPED and "__pycache__" not in path.parts
    ]
    left_out = [name for name in resources if not any(fnmatch(name, p) for p in patterns)]
    assert left_out == []
