"""Fixtures for the infrastructure checks: where the repository and the infra linters are."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
INFRA_BIN = REPO_ROOT / ".venv-infra" / "bin"
INFRA_TOOLS = ("checkov", "hadolint", "actionlint")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def infra_bin() -> Path:
    """`.venv-infra/bin`, where `make install-infra` puts checkov, hadolint and actionlint."""
    missing = [tool for tool in INFRA_TOOLS if not (INFRA_BIN / tool).is_file()]
    if missing:
        pytest.fail(
            f"{', '.join(missing)} missing from .venv-infra/bin: run `make install-infra` "
            "(`make test` does it for you)",
            pytrace=False,
        )
    return INFRA_BIN
