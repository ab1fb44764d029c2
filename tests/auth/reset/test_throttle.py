"""Reset requests are limited per address asked about and per client, known or not."""

from __future__ import annotations

import httpx

from tests.auth.reset.conftest import ReadMail, ask
from tests.helpers import AppParts, sign_up, unique_email


async def test_an_address_gets_a_few_mails_then_429_known_or_not(
    client: httpx.AsyncClient, context: AppParts, read_mail: ReadMail
) -> None:
    account = await sign_up(client)
    stranger = unique_email("nobody")
    limit = context.settings.auth.reset_per_email

    for email in (account.email, stranger):
        answers = [(await ask(client, email)).status_code for _ in range(limit + 1)]
        assert answers == [202] * limit + [429]
    refused = await ask(client, stranger)
    assert int(refused.headers["Retry-After"]) > 0
    assert refused.json()["error"]["code"] == "too_many_requests"
    assert len(await read_mail(account.email)) == limit


async def test_a_client_cannot_ask_about_address_after_address(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    limit = context.settings.auth.reset_per_address
    answers = [(await ask(client, unique_email("spray"))).status_code for _ in range(limit + 1)]
    assert answers == [202] * limit + [429]
