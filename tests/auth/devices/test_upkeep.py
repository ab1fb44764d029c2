"""The app's upkeep forgets the devices whose sessions ended."""

from __future__ import annotations

import asyncio
import contextlib

import httpx
from sqlalchemy import func, select

from resumate.app import _upkeep_forever
from resumate.auth.devices.models import DeviceSession
from tests.auth.devices.devices import bearer, two_devices
from tests.helpers import AppParts


async def rows(context: AppParts) -> int:
    async with context.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(DeviceSession)) or 0)


async def test_the_upkeep_loop_forgets_signed_out_devices(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    windows, _ = await two_devices(client)
    headers = bearer(windows.access_token)
    sessions = (await client.get("/api/auth/sessions", headers=headers)).json()
    other = next(s for s in sessions if not s["current"])
    assert (await client.delete(f"/api/auth/sessions/{other['id']}", headers=headers)).is_success
    assert await rows(context) == 2
    upkeep = asyncio.create_task(_upkeep_forever(context.components))
    try:
        for _ in range(200):  # ten seconds at most; the first round runs at once
            if await rows(context) == 1:
                break
            await asyncio.sleep(0.05)
    finally:
        upkeep.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await upkeep
    assert await rows(context) == 1
    listed = (await client.get("/api/auth/sessions", headers=headers)).json()
    assert [s["current"] for s in listed] == [True]
