"""A reset request takes as long for an unknown address as for a known one."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from resumate.config import Settings
from tests.auth.reset.conftest import ask, own_app
from tests.databases import test_settings
from tests.helpers import AppParts, sign_up, unique_email

ROUNDS = 25


async def test_known_and_unknown_addresses_take_the_same_time(
    database_url: str, data_dir: Path, context: AppParts
) -> None:
    roomy = {"reset_per_email": ROUNDS * 2, "reset_per_address": ROUNDS * 4}
    settings: Settings = test_settings(database_url, data_dir, auth=roomy)
    async with own_app(settings) as (client, parts):
        account = await sign_up(client)
        known: list[float] = []
        unknown: list[float] = []
        for _ in range(ROUNDS):
            for email, times in ((account.email, known), (unique_email("nobody"), unknown)):
                started = time.perf_counter()
                response = await ask(client, email)
                times.append(time.perf_counter() - started)
                assert response.status_code == 202
                # Mail goes out between requests, never inside a measured one.
                await parts.postbox.drain()

    ratio = statistics.median(unknown) / statistics.median(known)
    assert 0.5 < ratio < 2, f"unknown/known = {ratio:.2f}"
