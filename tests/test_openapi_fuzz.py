"""Fuzz every API operation against the app's own OpenAPI document, in-process, with schemathesis.

Every generated request is sent as a real signed-in user who owns a real resume (and one in the
trash): three in four well-formed resume and template ids are swapped for the real ones, and then
three in four requests carry the resume's current ETag as `If-Match`, so the routes on one resume
get past 404 and 412 to their real work. A request passes when the server does not fail (no
5xx) and the answer is one the document promises: a documented status, content type, headers and
body.

Generation is seeded and derandomized, so every run sends the same requests.
"""

from __future__ import annotations

import random
import tempfile
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import hypothesis
import pytest
import requests
import schemathesis
from fastapi import FastAPI
from requests.structures import CaseInsensitiveDict
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.python import asgi
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from resumate.ai.generation.deps import current_provider
from resumate.app import create_app
from resumate.deps import SETTINGS
from tests import databases
from tests.ai.scripted import Answering
from tests.helpers import PASSWORD, unique_email
from tests.mailbox import last_mail, link_token
from tests.resumes.photo.images import small_png

MAX_EXAMPLES = 25  # per operation in the fuzzing phase; the coverage phase adds its own cases
SEED = 20_240_601

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
# Left out: `positive_data_acceptance`, because a schema-valid body can still break a rule the
# schema cannot state (a common password, an unknown template id, a wrong current password), and
# the API rightly answers those with 422.

CONFIG = SchemathesisConfig.from_dict(
    {
        "seed": SEED,
        "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True, "database": "none"},
        "checks": {
            # schemathesis's default list plus 412 and 413. FastAPI runs a route's dependencies
            # before it reports their parameters' errors, so a request with an invalid resume id
            # and a stale If-Match is refused with 412 rather than 422: refused all the same. A
            # body of many over-long strings is refused by the body limit (413) before any route.
            "negative_data_rejection": {
                "expected-statuses": [
                    *(400, 401, 403, 404, 405, 406, 409, 412, 413, 415, 422, 428, 429),
                    "5xx",
                ],
            },
        },
        # The coverage phase walks every property of a JSON Resume document, about 1,200 cases a
        # body. It does so for POST /api/resumes and /api/resumes/import; PUT and PATCH take the
        # same document, so they get twice the fuzzing instead, which keeps the run near a minute.
        "operations": [
            {
                "include-name": ["PUT /api/resumes/{resume_id}", "PATCH /api/resumes/{resume_id}"],
                "phases": {"coverage": {"enabled": False}},
                "generation": {"max-examples": 2 * MAX_EXAMPLES},
            },
        ],
    }
)

# Successes that may end the session, move the live resume or give it a new version...
LIVE_CHANGING = {
    "POST /api/auth/logout",
    "POST /api/account/password",
    "DELETE /api/account",
    "PUT /api/resumes/{resume_id}",
    "PATCH /api/resumes/{resume_id}",
    "DELETE /api/resumes/{resume_id}",
    "POST /api/resumes/{resume_id}/versions/{number}/restore",
    "POST /api/resumes/{resume_id}/ai/apply",
}
# ...and those that may take the resume in the trash out of it.
TRASH_CHANGING = {
    "DELETE /api/resumes/trash",
    "DELETE /api/resumes/trash/{resume_id}",
    "POST /api/resumes/{resume_id}/restore",
}
PHOTO_PUT = "PUT /api/resumes/{resume_id}/photo"
PHOTO_GET = "GET /api/resumes/{resume_id}/photo"
PHOTO_DELETE = "DELETE /api/resumes/{resume_id}/photo"
# Routes whose `{resume_id}` names a resume in the trash; every other one names a live resume.
TRASH_ROUTES = {
    "DELETE /api/resumes/trash/{resume_id}",
    "POST /api/resumes/{resume_id}/restore",
}


def _operation(case: schemathesis.Case[Any]) -> str:
    return f"{case.operation.method.upper()} {case.operation.path}"


def _is_uuid(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


@dataclass
class World:
    """The user, resumes and template the fuzzed requests act on, repaired when they change."""

    client: requests.Session
    # Where the app mails the sign-up links.
    outbox: Path
    token: str = ""
    resume_id: str = ""
    etag: str = ""
    trashed_id: str = ""
    template_id: str = ""
    # A share link of the live resume and its record of what was sent, and whose they are.
    share_id: str = ""
    record_id: str = ""
    links_of: str = ""
    # The digest of the live resume's stored photo, and whose it is.
    photo: str = ""
    photo_of: str = ""
    stale: bool = True
    # One seeded coin per operation: a run makes the same swaps every time, and a change to one
    # operation's cases leaves the others' swaps alone.
    coins: dict[str, random.Random] = field(default_factory=dict)
    # The answers per operation, e.g. {"GET /api/resumes/{resume_id}": {200: 9, 404: 3}}
    statuses: defaultdict[str, Counter[int]] = field(default_factory=lambda: defaultdict(Counter))

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def ensure(self) -> None:
        """A working session, a live resume (and its ETag), a resume in the trash, a template."""
        if self.stale:
            probe = self.client.get(
                f"/api/resumes/{self.resume_id or uuid.uuid4()}", headers=self.headers
            )
            if probe.status_code == 401:  # not signed up yet, or the fuzzer ended the session
                self._sign_up()
            elif probe.status_code == 200:
                self.etag = probe.headers["ETag"]
            else:
                self.resume_id = ""
            self.stale = False
        if not self.trashed_id:
            self.trashed_id = self._create()
            trashed = self.client.delete(f"/api/resumes/{self.trashed_id}", headers=self.headers)
            assert trashed.status_code == 204, trashed.text
        if not self.resume_id:
            self.resume_id = self._create()
        if not self.template_id:
            templates = self.client.get("/api/templates", headers=self.headers)
            self.template_id = templates.json()[0]["id"]

    def aim(self, case: schemathesis.Case[Any]) -> None:
        """Point well-formed ids at the real resumes and template, and send the resume's ETag,
        three times in four."""
        operation = _operation(case)
        coin = self.coins.setdefault(operation, random.Random(f"{SEED} {operation}"))
        path = dict(case.path_parameters)
        if _is_uuid(path.get("resume_id")) and coin.random() < 0.75:
            trash = operation in TRASH_ROUTES
            path["resume_id"] = self.trashed_id if trash else self.resume_id
            number = path.get("number")
            if isinstance(number, int) and number >= 1 and coin.random() < 0.5:
                path["number"] = 1  # every resume has a first version
            takes_if_match = any(p.name == "if-match" for p in case.operation.headers)
            if takes_if_match and coin.random() < 0.75:
                headers = CaseInsensitiveDict(case.headers)
                headers["If-Match"] = self.etag
                case.headers = headers
        if path.get("resume_id") == self.resume_id and coin.random() < 0.75:
            for name in ("share_id", "record_id"):
                if _is_uuid(path.get(name)):
                    path[name] = self._links()[name]
        if _is_uuid(path.get("template_id")) and coin.random() < 0.75:
            path["template_id"] = self.template_id
        mine = path.get("resume_id") == self.resume_id
        if operation == PHOTO_GET and mine and coin.random() < 0.75:
            case.query = {**case.query, "v": self._photo()}
        if path != case.path_parameters:
            case.path_parameters = path
        # Reassigned, not edited in place, so schemathesis re-checks whether the case is negative.
        if _is_uuid(case.query.get("templateId")) and coin.random() < 0.75:
            case.query = {**case.query, "templateId": self.template_id}
        body = case.body if isinstance(case.body, dict) else {}
        if _is_uuid(body.get("templateId")) and coin.random() < 0.75:
            case.body = {**body, "templateId": self.template_id}

    def record(self, case: schemathesis.Case[Any], status: int) -> None:
        """Note the answer and whatever it may have changed."""
        operation = _operation(case)
        self.statuses[operation][status] += 1
        succeeded = 200 <= status < 300
        if succeeded and operation in TRASH_CHANGING:
            self.trashed_id = ""
        if succeeded and operation in (PHOTO_PUT, PHOTO_DELETE):
            self.photo_of = ""  # the stored photo was replaced or deleted
        if status == 401 or (succeeded and operation in LIVE_CHANGING):
            self.stale = True

    def _links(self) -> dict[str, str]:
        """A share link of the live resume and the record kept when it was made."""
        if self.links_of != self.resume_id:
            shares = f"/api/resumes/{self.resume_id}/shares"
            made = self.client.post(shares, json={"label": "Fuzz"}, headers=self.headers)
            assert made.status_code == 201, made.text
            sent = self.client.get(f"/api/resumes/{self.resume_id}/sent", headers=self.headers)
            self.share_id, self.record_id = made.json()["id"], sent.json()["items"][0]["id"]
            self.links_of = self.resume_id
        return {"share_id": self.share_id, "record_id": self.record_id}

    def _photo(self) -> str:
        """The digest of a photo stored for the live resume."""
        if self.photo_of != self.resume_id:
            files = {"file": ("me.png", small_png(), "image/png")}
            path = f"/api/resumes/{self.resume_id}/photo"
            made = self.client.put(path, files=files, headers=self.headers)
            assert made.status_code == 200, made.text
            self.photo, self.photo_of = made.json()["image"].rsplit("v=", 1)[1], self.resume_id
        return self.photo

    def _sign_up(self) -> None:
        body: dict[str, Any] = {"email": unique_email("fuzz"), "password": PASSWORD}
        response = self.client.post("/api/auth/register", json=body)
        assert response.status_code == 202, response.text
        token = link_token(last_mail(self.outbox, body["email"]), "/verify-email/")
        response = self.client.post("/api/auth/verify-email", json={"token": token})
        assert response.status_code == 201, response.text
        self.token = response.json()["accessToken"]
        self.resume_id = self.trashed_id = ""

    def _create(self) -> str:
        # With a summary and a bullet, so writing help has prose to work on.
        data = {
            "basics": {"name": "Ada", "summary": "Engineer."},
            "work": [{"name": "Acme", "highlights": ["Built the billing service"]}],
        }
        body: dict[str, Any] = {"title": "Fuzzed resume", "data": data}
        response = self.client.post("/api/resumes", json=body, headers=self.headers)
        assert response.status_code == 201, response.text
        self.etag = response.headers["ETag"]
        created: str = response.json()["id"]
        return created


def _document() -> dict[str, Any]:
    """The OpenAPI document, from an app built only to describe itself (it never starts).

    schemathesis's pytest integration needs the schema when the module is collected, before any
    fixture exists; `test_fuzzed_document_is_the_served_one` checks it is the served one.
    """
    with tempfile.TemporaryDirectory() as data_dir:
        app = create_app(databases.test_settings(f"sqlite:///{data_dir}/unused.db", Path(data_dir)))
        return app.openapi()


DOCUMENT = _document()
schema = schemathesis.openapi.from_dict(DOCUMENT, config=CONFIG)


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    """The app on its own SQLite database, run by schemathesis's in-process ASGI client."""
    data_dir = tmp_path_factory.mktemp("fuzz")
    with databases.migrated_database("sqlite", data_dir) as url:
        # The fuzzer registers many addresses from one client; the world's own sign-ups must
        # still get their mail.
        auth = {"mail_per_client": 1_000_000}
        ai = {"calls_per_minute": 1000, "daily_tokens_per_user": 100_000_000}
        app = create_app(databases.test_settings(url, data_dir, auth=auth, ai=ai))
        # Writing help on, answered by a scripted model, so its routes do their work too.
        app.dependency_overrides[current_provider] = lambda: Answering()
        yield app
        # The client started the app's lifespan; ending it disposes of the database engine.
        asgi.shutdown_lifespans()


@pytest.fixture(scope="module")
def world(fuzz_app: FastAPI) -> Iterator[World]:
    # cast: schemathesis types an ASGI app's scope and messages as dicts, Starlette as mappings.
    with asgi.get_client(cast(Any, fuzz_app)) as client:
        yield World(client, SETTINGS.of(fuzz_app).outbox_dir)


def test_fuzzed_document_is_the_served_one(world: World) -> None:
    assert world.client.get("/api/openapi.json").json() == DOCUMENT


def test_errors_are_documented_in_the_one_error_shape() -> None:
    """Every 4xx names ErrorResponse, FastAPI's own 422 schema appears nowhere, and each
    operation that takes input documents its 422."""
    error = {"$ref": "#/components/schemas/ErrorResponse"}
    assert not {"HTTPValidationError", "ValidationError"} & set(DOCUMENT["components"]["schemas"])
    for path, item in DOCUMENT["paths"].items():
        for method, operation in item.items():
            answers = operation["responses"]
            for status, answer in answers.items():
                if status.startswith("4"):
                    assert answer["content"]["application/json"]["schema"] == error, (
                        f"{method.upper()} {path} {status}"
                    )
            if operation.get("parameters") or "requestBody" in operation:
                assert "422" in answers, f"{method.upper()} {path}"


@schema.parametrize()
@hypothesis.settings(deadline=None, derandomize=True, database=None)
def test_api_matches_its_openapi_document(
    case: schemathesis.Case[Any], fuzz_app: FastAPI, world: World
) -> None:
    world.ensure()
    world.aim(case)
    # Called and validated apart (not call_and_validate), so the answer is noted even if it fails.
    response = case.call(app=fuzz_app, headers=world.headers)
    world.record(case, response.status_code)
    case.validate_response(
        response,
        checks=CHECKS,
        headers=world.headers,
        transport_kwargs={"app": fuzz_app, "headers": world.headers},
    )


def test_resume_routes_got_past_not_found(world: World) -> None:
    """Each route on one resume did its work (2xx, or the PDF's 307) at least once."""
    if not world.statuses:
        pytest.skip("runs after test_api_matches_its_openapi_document, in the same session")
    routes = [
        f"{method.upper()} {path}"
        for path, item in DOCUMENT["paths"].items()
        for method in item
        if "{resume_id}" in path
    ]
    assert routes
    for route in routes:
        if route == PHOTO_PUT:
            # Random bytes are never a photo, and a photo put in the case's body is refused by
            # schemathesis, which cannot check bytes against `format: binary`, as invalid data
            # the app accepted: tests/resumes/photo uploads real ones.
            continue
        answers = world.statuses[route]
        assert any(200 <= status < 400 for status in answers), f"{route}: {dict(answers)}"
