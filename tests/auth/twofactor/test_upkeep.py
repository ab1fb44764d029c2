"""The app's upkeep forgets pending sign-ins that ran out, of accounts that never come back."""

from __future__ import annotations

import asyncio
import contextlib
import uuid

import httpx
from sqlalchemy import func, select, update

from resumate.app import _upkeep_forever
from resumate.auth.twofactor.models import PendingSignIn
from resumate.auth.twofactor.signin import prune_pending
from tests.auth.twofactor.flows import enrolled, password_step, second_step
from tests.helpers import AppParts


async def rows(context: AppParts) -> int:
    async with context.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(PendingSignIn)) or 0)


async def run_out(context: AppParts, user_id: str) -> None:
    async with context.sessionmaker.begin() as session:
        await session.execute(
            update(PendingSignIn)
            .where(PendingSignIn.user_id == uuid.UUID(user_id))
            .values(expires_at=PendingSignIn.created_at)
        )


async def test_used_and_expired_pending_sign_ins_are_pruned_and_live_ones_kept(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    gone, used, waiting = [await enrolled(client) for _ in range(3)]
    await password_step(client, gone.account)
    await run_out(context, gone.account.user_id)
    token = await password_step(client, used.account)
    assert (await second_step(client, token, used.code())).status_code == 200
    live = await password_step(client, waiting.account)
    assert await rows(context) == 3
    assert await prune_pending(context.sessionmaker) == 2
    assert await rows(context) == 1
    assert (await second_step(client, live, waiting.code())).status_code == 200


async def test_the_upkeep_loop_prunes_them(client: httpx.AsyncClient, context: AppParts) -> None:
    person = await enrolled(client)
    await password_step(client, person.account)
    await run_out(context, person.account.user_id)
    upkeep = asyncio.create_task(_upkeep_forever(context.components))
    try:
        for _ in range(200):  # ten seconds at most; the first round runs at once
            if await rows(context) == 0:
                break
            await asyncio.sleep(0.05)
    finally:
        upkeep.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await upkeep
    assert await rows(context) == 0
