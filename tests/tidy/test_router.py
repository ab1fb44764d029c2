"""POST /api/resumes/import/tidy with a scripted assistant: what it moves is taken, what it
makes up is left as read, and the reading comes back whatever the assistant does."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from resumate.ai.errors import ProviderUnavailable
from resumate.ai.providers.base import Prompt, Reply
from tests.ai.generation.conftest import Install
from tests.ai.scripted import Scripted
from tests.helpers import sign_up
from tests.tidy.reading import CONTACT, FIRST_JOB, SECOND_JOB, answer, dry_run, tidy, upload

MOVED = {"work[1].location", "work[1].summary", "work[1].highlights[0]"}


async def test_an_answer_that_moves_text_to_its_field_is_taken(
    client: httpx.AsyncClient, model: Install
) -> None:
    model(answer(work=[FIRST_JOB, SECOND_JOB]))
    account = await sign_up(client)
    read = await dry_run(client, account)
    response = await tidy(client, account)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["document"]["work"] == [FIRST_JOB, SECOND_JOB]
    assert set(body["changed"]) == MOVED
    assert body["document"]["basics"] == read["document"]["basics"]
    assert body["document"]["skills"] == read["document"]["skills"]
    assert (body["kind"], body["pages"]) == ("text", 1)
    # The first job's sureness stays; the fields the assistant changed are marked by `changed`.
    assert body["confidence"]["work[0].position"] == read["confidence"]["work[0].position"]
    assert "work[1].summary" not in body["confidence"]
    assert not [note for note in body["warnings"] if "assistant" in note["message"]]


async def test_what_is_not_in_the_file_is_left_as_read_field_by_field(
    client: httpx.AsyncClient, model: Install
) -> None:
    made_up = {
        **SECOND_JOB,
        "name": "Remington Rand",
        "startDate": "1949-06",
        "highlights": ["Built UNIVAC I programs for 40 clients"],
    }
    skills = [{"name": "Compilers"}, {"name": "COBOL"}, {"name": "Kubernetes"}]
    model(answer(work=[FIRST_JOB, made_up], skills=skills))
    account = await sign_up(client)
    body = (await tidy(client, account)).json()
    job = body["document"]["work"][1]
    assert (job["name"], job["startDate"]) == ("Eckert-Mauchly", "1949")
    assert job["location"] == "Philadelphia"  # moved, and in the file: taken
    assert "highlights" not in job  # nothing was read in its place
    assert [skill["name"] for skill in body["document"]["skills"]] == [
        "Compilers",
        "COBOL",
        "Mathematics",
    ]
    notes = {note["path"]: note for note in body["warnings"]}
    assert notes["work[1].name"]["message"] == (
        "Left as read: the assistant's “Remington Rand” was not in your file."
    )
    assert notes["work[1].startDate"]["value"] == "1949-06"
    assert notes["work[1].highlights[0]"]["message"].startswith("Left out: the assistant's")
    assert notes["skills[2].name"]["value"] == "Kubernetes"
    # The text the made-up bullet replaced is named, so it can be put back.
    left_out = [note["message"] for note in body["warnings"] if note["path"] == "(assistant)"]
    assert any("Built UNIVAC I programs for 14 clients" in message for message in left_out)
    assert "work[1].name" not in body["changed"]


async def test_contact_details_never_reach_the_assistant_and_come_back_as_read(
    client: httpx.AsyncClient, model: Install
) -> None:
    scripted = model(answer())
    account = await sign_up(client)
    read = await dry_run(client, account)
    body = (await tidy(client, account)).json()
    [prompt] = scripted.prompts
    sent = "\n".join(message.content for message in prompt.messages)
    assert "Led the team behind COBOL; reach me at [private" in sent
    assert [detail for detail in CONTACT if detail in sent] == []
    assert body["document"] == read["document"]
    assert body["changed"] == []
    assert body["warnings"][-1]["message"].startswith("The assistant found nothing to move")


class Down(Scripted):
    """An assistant that does not answer."""

    async def complete(self, prompt: Prompt) -> Reply:
        self.prompts.append(prompt)
        raise ProviderUnavailable("The language model did not answer within 30 seconds.")


@pytest.mark.parametrize(
    "assistant",
    [lambda: Scripted(["no JSON here", '{"work": "not a list"}']), lambda: Down([])],
    ids=["junk", "down"],
)
async def test_an_assistant_that_fails_gives_the_reading_as_it_was(
    client: httpx.AsyncClient, use: Callable[..., None], assistant: Callable[[], Scripted]
) -> None:
    scripted = assistant()
    use(scripted)
    account = await sign_up(client)
    read = await dry_run(client, account)
    response = await tidy(client, account)
    assert response.status_code == 200, response.text
    body = response.json()
    assert scripted.prompts
    assert (body["document"], body["confidence"]) == (read["document"], read["confidence"])
    assert body["warnings"][:-1] == read["warnings"]
    assert body["warnings"][-1]["path"] == "(assistant)"
    assert body["warnings"][-1]["message"].startswith("The assistant could not tidy this reading")
    assert body["changed"] == []


async def test_tidying_counts_against_the_budget_and_the_calls_per_minute(
    client: httpx.AsyncClient, model: Install
) -> None:
    model(answer(), answer(), per_minute=1)
    account = await sign_up(client)
    assert (await tidy(client, account)).status_code == 200
    status = (await client.get("/api/ai/status", headers=account.headers)).json()
    assert status["budget"]["usedToday"] > 0
    again = await tidy(client, account)
    assert again.status_code == 429
    assert again.json()["error"]["code"] == "ai_rate_limited"


async def test_a_file_already_in_fields_is_given_back_without_asking(
    client: httpx.AsyncClient, model: Install
) -> None:
    scripted = model()
    account = await sign_up(client)
    document: dict[str, Any] = {"basics": {"name": "Ada Lovelace"}, "work": [{"name": "Babbage"}]}
    response = await client.post(
        "/api/resumes/import/tidy",
        **upload(json.dumps(document), "cv.json"),
        headers=account.headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["document"] == document
    assert "already in fields" in response.json()["warnings"][-1]["message"]
    assert scripted.prompts == []


async def test_without_an_assistant_the_answer_says_none_is_set_up(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    response = await tidy(client, account)
    assert response.status_code == 503
    error = response.json()["error"]
    assert error["code"] == "ai_not_configured"
    assert error["message"].startswith("No assistant is set up")


async def test_a_file_that_cannot_be_read_is_refused_by_name(
    client: httpx.AsyncClient, model: Install
) -> None:
    scripted = model()
    account = await sign_up(client)
    response = await tidy(client, account, text="   ")
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"] == "file"
    assert scripted.prompts == []


async def test_signed_out_is_401_and_nothing_is_asked(
    client: httpx.AsyncClient, model: Install
) -> None:
    scripted = model(answer())
    await sign_up(client)
    client.cookies.clear()
    response = await client.post("/api/resumes/import/tidy", **upload())
    assert response.status_code == 401
    assert scripted.prompts == []
