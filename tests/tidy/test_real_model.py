"""Tidying on the real small model (SmolLM2-135M-Instruct, in process): whatever it writes,
the answer is a valid document whose every text is the file's. Structure only, never quality."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from resumate.ai.fields import all_text
from resumate.ai.generation.deps import current_provider
from resumate.ai.providers.local import LocalModel
from resumate.app import create_app
from resumate.document.schemas import parse_resume
from resumate.tidy.check import evened
from tests.databases import migrated_database, test_settings
from tests.helpers import AppParts, sign_up
from tests.tidy.reading import RESUME, dry_run, tidy


@pytest.fixture(scope="module")
def own_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    data_dir: Path = tmp_path_factory.mktemp("tidy-real-model")
    with migrated_database("sqlite", data_dir) as url:
        yield create_app(test_settings(url, data_dir))


@pytest.fixture
async def client(own_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=own_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http
    own_app.dependency_overrides.clear()
    await AppParts.of(own_app).close()


async def test_the_local_model_tidies_into_a_valid_document_of_the_files_text(
    own_app: FastAPI, client: httpx.AsyncClient, local_model: LocalModel
) -> None:
    own_app.dependency_overrides[current_provider] = lambda: local_model
    account = await sign_up(client)
    read = await dry_run(client, account)
    response = await tidy(client, account)
    assert response.status_code == 200, response.text
    body = response.json()
    parse_resume(body["document"])
    assert {"document", "confidence", "warnings", "kind", "pages", "changed"} <= set(body)
    text = evened(RESUME)
    as_read = {evened(value) for value in all_text(read["document"])}
    for value in all_text(body["document"]):
        assert evened(value) in as_read or evened(value) in text, value
