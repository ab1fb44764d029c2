"""The Terraform under infra/terraform: formatted, parseable, wired up, and as strict as promised.

Providers cannot be downloaded here, so `terraform validate` cannot run; these checks read the
HCL itself (python-hcl2) and run checkov, which evaluates module calls with their arguments.
The readers below, shared by the test modules of this package, turn that HCL into dicts.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import hcl2

from tests.infra.conftest import REPO_ROOT

TERRAFORM = REPO_ROOT / "infra" / "terraform"
MODULES = TERRAFORM / "modules"
ENVS = ("staging", "production")
ROOTS = [TERRAFORM / "envs" / env for env in ENVS] + [TERRAFORM / "bootstrap"]
TF_FILES = sorted(TERRAFORM.rglob("*.tf"))
OPTIONS = hcl2.SerializationOptions(
    with_comments=False, explicit_blocks=False, strip_string_quotes=True
)

Block = dict[str, Any]


@cache
def parse(path: Path) -> dict[str, list[Any]]:
    with path.open(encoding="utf-8") as handle:
        parsed: dict[str, list[Any]] = hcl2.load(handle, serialization_options=OPTIONS)
    return parsed


@cache
def directory(path: Path) -> dict[str, list[Any]]:
    """Every top-level block of one Terraform directory, across its files."""
    merged: dict[str, list[Any]] = {}
    for file in sorted(path.glob("*.tf")):
        for kind, blocks in parse(file).items():
            merged.setdefault(kind, []).extend(blocks)
    return merged


def named(path: Path, kind: str) -> dict[str, Block]:
    """Blocks with one label (variable, module, output) by name."""
    return {name: body for block in directory(path).get(kind, []) for name, body in block.items()}


def typed(path: Path, kind: str = "resource") -> dict[str, Block]:
    """Blocks with two labels (resource, data) by `type.name`."""
    found: dict[str, Block] = {}
    for block in directory(path).get(kind, []):
        for type_, instances in block.items():
            for name, body in instances.items():
                found[f"{type_}.{name}"] = body
    return found


def resource(module: str, address: str) -> Block:
    return typed(MODULES / module)[address]


def of_type(path: Path, type_: str, kind: str = "resource") -> dict[str, Block]:
    return {
        address: body
        for address, body in typed(path, kind).items()
        if address.startswith(f"{type_}.")
    }


def locals_of(path: Path) -> Block:
    merged: Block = {}
    for block in directory(path).get("locals", []):
        merged.update(block)
    return merged


def every_directory() -> list[Path]:
    return sorted({file.parent for file in TF_FILES})
