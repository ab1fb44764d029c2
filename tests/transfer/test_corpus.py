"""Real-world-shaped JSON Resume files come in whole: each problem named, all the rest kept.

The corpus holds files as people and other tools write them (informal dates in many languages,
placeholders, empty strings and nulls, old keys, wrong kinds, a byte order mark, trailing
text). `corpus/expected.toml` says what importing each must report, path by path.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from resumate.transfer.service import read_json_resume
from tests.helpers import Account, sign_up
from tests.pages import PageClient

CORPUS = Path(__file__).parent / "corpus"
FILES = sorted(path.name for path in CORPUS.glob("*.json"))
EXPECTED: dict[str, dict[str, str]] = tomllib.loads((CORPUS / "expected.toml").read_text())


def leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every scalar in a JSON value with its path (work[0].name), leaving out nulls."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield from leaves(child, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from leaves(child, f"{path}[{index}]")
    elif value is not None:
        yield path, value


def covered(path: str, warned: set[str]) -> bool:
    return any(path == w or path.startswith((f"{w}.", f"{w}[")) for w in warned)


def original(name: str) -> dict[str, Any]:
    text = (CORPUS / name).read_bytes().decode("utf-8-sig")
    document, _ = json.JSONDecoder().raw_decode(text.lstrip())
    assert isinstance(document, dict)
    return document


def test_the_corpus_is_varied_enough() -> None:
    assert len(FILES) >= 18
    assert set(EXPECTED) <= set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_each_file_reports_exactly_its_problems_in_file_order(name: str) -> None:
    imported = read_json_resume((CORPUS / name).read_bytes())
    reported = [(warning.path, warning.message) for warning in imported.warnings]
    assert reported == list(EXPECTED.get(name, {}).items())


@pytest.mark.parametrize("name", FILES)
def test_each_file_keeps_every_value_nothing_was_said_about(name: str) -> None:
    imported = read_json_resume((CORPUS / name).read_bytes())
    warned = {warning.path for warning in imported.warnings}
    stored = json.dumps(imported.document.model_dump(mode="json", by_alias=True))
    kept = {json.dumps(value) for _, value in leaves(json.loads(stored))}
    lost = [
        (path, value)
        for path, value in leaves(original(name))
        if not covered(path, warned) and json.dumps(value) not in kept
    ]
    assert lost == []


def api_url(editor: str) -> str:
    return "/api" + editor.removesuffix("/edit")


async def imported_through_the_page(
    pages: PageClient, client: httpx.AsyncClient, name: str
) -> tuple[Account, str]:
    account = await sign_up(client)
    await pages.sign_in(account)
    upload = {"file": (name, (CORPUS / name).read_bytes(), "application/json")}
    response = await pages.post("/resumes/import", files=upload)
    assert response.status_code == 303, response.text
    return account, response.headers["location"]


@pytest.mark.parametrize("name", FILES)
async def test_each_file_opens_in_the_editor_with_its_notes(
    pages: PageClient, client: httpx.AsyncClient, name: str
) -> None:
    account, editor = await imported_through_the_page(pages, client, name)
    assert (await pages.get(editor)).status_code == 200
    notes = pages.last.context["import_notes"]
    expected = list(EXPECTED.get(name, {}).items())
    assert [(note["path"], note["message"]) for note in notes] == expected
    preview = await client.get(f"{api_url(editor)}/preview", headers=account.headers)
    assert preview.status_code == 200
    assert preview.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize("name", FILES)
async def test_each_file_prints(pages: PageClient, client: httpx.AsyncClient, name: str) -> None:
    account, editor = await imported_through_the_page(pages, client, name)
    printed = await client.post(f"{api_url(editor)}/generate-pdf", headers=account.headers)
    assert printed.status_code == 200, printed.text
    assert printed.json()["pages"] >= 1
