"""A taken address is answered like a new one, in the same time: the answer's time is measured
until its last byte left, and the work that differs (store, mail) comes after it."""

from __future__ import annotations

import statistics
import time

import httpx
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from resumate.app import create_app
from resumate.config import Settings
from tests.databases import test_settings
from tests.helpers import PASSWORD, AppParts, sign_up, unique_email

RUNS = 15


class AnswerClock:
    """Notes when each answer's last byte was sent (background tasks run after that)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.answered_at = 0.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def timed(message: Message) -> None:
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                self.answered_at = time.perf_counter()

        await self.app(scope, receive, timed)


async def test_a_taken_address_is_answered_alike_and_as_fast_as_a_new_one(
    settings: Settings, context: AppParts
) -> None:
    # Limits out of the way: the same taken address is asked for again and again.
    unthrottled = test_settings(
        settings.database_url,
        settings.data_dir,
        auth={"mail_per_email": 10_000, "mail_per_client": 10_000},
    )
    app = create_app(unthrottled)
    clock = AnswerClock(app)
    times: dict[str, list[float]] = {"taken": [], "new": []}
    bodies: dict[str, set[str]] = {"taken": set(), "new": set()}
    try:
        transport = httpx.ASGITransport(app=clock)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            account = await sign_up(client)
            for run in range(RUNS + 2):
                for kind, email in (("taken", account.email), ("new", unique_email())):
                    body = {"email": email, "password": PASSWORD}
                    started = time.perf_counter()
                    response = await client.post("/api/auth/register", json=body)
                    assert response.status_code == 202
                    bodies[kind].add(response.text.replace(email, "<address>"))
                    if run >= 2:  # the first runs warm the hasher and the connections
                        times[kind].append(clock.answered_at - started)
    finally:
        await AppParts.of(app).close()
    assert bodies["taken"] == bodies["new"]
    ratio = statistics.median(times["taken"]) / statistics.median(times["new"])
    assert 0.8 < ratio < 1.25, times
