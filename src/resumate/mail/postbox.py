"""Mail sent after the request is answered, so its time and its failure tell the client nothing.

A route posts a job (`postbox.post(prepare)`) once the answer is decided. The job runs detached
from the request: `prepare` does whatever depends on who the mail is for (find the account,
write a token, in a short session of its own) and returns the mail or None, and the mail is
then sent with no database session held. Whatever fails is logged and dropped; the person asks
again. The answer, and the time it took, are the same whether or not a mail goes out.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from resumate.mail.base import Mail, Mailer, deliver

log = logging.getLogger("resumate.mail")

Prepare = Callable[[], Awaitable[Mail | None]]

# How long shutdown waits for mail still being sent.
CLOSE_WAIT_SECONDS = 30


class Postbox:
    def __init__(self, mailer: Mailer) -> None:
        self.mailer = mailer
        self._pending: set[asyncio.Task[None]] = set()

    def post(self, prepare: Prepare | Mail) -> None:
        """Prepare and send in the background; returns at once."""
        task = asyncio.get_running_loop().create_task(self._run(prepare))
        # Held here until done: the event loop keeps only a weak reference to a task.
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def drain(self) -> None:
        """Wait until everything posted so far (and whatever that posts) is sent or dropped."""
        while self._pending:
            await asyncio.gather(*self._pending, return_exceptions=True)

    async def close(self) -> None:
        try:
            async with asyncio.timeout(CLOSE_WAIT_SECONDS):
                await self.drain()
        except TimeoutError:
            log.warning("stopped with %d mail(s) unsent", len(self._pending))
            for task in self._pending:
                task.cancel()

    async def _run(self, prepare: Prepare | Mail) -> None:
        try:
            mail = prepare if isinstance(prepare, Mail) else await prepare()
        except Exception:  # a background job has nobody to answer; the log is its report
            log.exception("preparing a mail failed")
            return
        if mail is not None:
            await deliver(self.mailer, mail)
