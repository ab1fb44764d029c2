"""Tidying a file's reading: read it as the dry run does, ask the person's assistant to move
misplaced text, keep only what is text of the file, and say what changed.

The model is called as writing help calls it: the person's own provider or the operator's,
behind the same timeout, retry, concurrency gate and breaker, against the same daily budget and
calls per minute. No database connection is held while the file is read or the model works.
Whatever goes wrong with the model, the answer is the reading as it was, with a note.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Any

import anyio
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumate.ai.fields import all_text
from resumate.ai.generation.budget import Budget, Reservation, estimate_tokens
from resumate.ai.providers.base import Prompt, Provider
from resumate.ai.providers.structured import UnusableAnswer, structured
from resumate.auth.provider import Authenticator, Identity
from resumate.document.schemas import dump_resume
from resumate.errors import ResumateError
from resumate.tidy import prompts
from resumate.tidy.answer import TidiedResume
from resumate.tidy.changes import ASSISTANT_NOTE, Changes
from resumate.tidy.check import FileText
from resumate.tidy.merge import Merge
from resumate.tidy.private import Private
from resumate.tidy.schemas import Tidied
from resumate.tidy.source import Source, read_source
from resumate.transfer.lenient import ImportRefused, ImportWarning, read_leniently
from resumate.transfer.reading.worker import ReadingWorker
from resumate.transfer.upload import UploadedFile

log = logging.getLogger("resumate.tidy")

# The most a tidied reading may cost in output; the operator's max_output_tokens caps it.
OUTPUT_TOKENS = 4000
IN_FIELDS = (
    "This file is already in fields (a JSON Resume file or LinkedIn's export of your data):"
    " there is nothing for the assistant to tidy."
)
NOTHING_SENT = "There is no text in this reading for the assistant to tidy."
UNCHANGED = "The assistant found nothing to move: this is the reading as it was."
FAILED = "The assistant could not tidy this reading, so it is shown as read. {why}"


@dataclass(frozen=True)
class Tidying:
    provider: Provider
    budget: Budget
    sessionmaker: async_sessionmaker[AsyncSession]
    authenticator: Authenticator
    caller: Identity
    reader: ReadingWorker
    max_tokens: int

    async def tidy(self, body: dict[str, Any] | UploadedFile) -> Tidied:
        """The file's reading tidied by the assistant, or as read with a note saying why not."""
        user_id = await self._user_id()
        source = await read_source(self.reader, body)
        if not source.lines:
            return _as_read(source, IN_FIELDS)
        reading = dump_resume(source.parsed.imported.document)
        private = Private(reading)
        prompt, sent = prompts.tidy(private.view(reading), min(OUTPUT_TOKENS, self.max_tokens))
        if not sent:
            return _as_read(source, NOTHING_SENT)
        reservation = await self.budget.reserve(user_id, _tokens(prompt) + prompt.max_tokens)
        try:
            answer = private.show(await self._ask(prompt, reservation))
            file = FileText(source.lines, all_text(reading))
            merge = Merge(reading, answer, file)
            tidied = dump_resume(read_leniently(merge.document(sent)).document)
        except (ResumateError, ImportRefused) as failed:
            return _as_read(source, FAILED.format(why=str(failed)))
        except Exception as failed:  # a provider's own bug must not cost the person the reading
            log.warning("tidying a reading failed: %s", type(failed).__name__)
            return _as_read(source, FAILED.format(why=""))
        return _tidied(source, reading, tidied, merge.reverted)

    async def _user_id(self) -> uuid.UUID:
        """The caller's account, in a session that ends before anything slow starts."""
        async with self.sessionmaker() as session:
            user = await self.authenticator.user(session, self.caller)
            return user.id

    async def _ask(self, prompt: Prompt, reservation: Reservation) -> dict[str, Any]:
        """The model's answer; the reservation is settled however the call ends."""
        used: int | None = None
        try:
            answer, usage = await structured(self.provider, prompt, TidiedResume)
            used = usage.total
        except UnusableAnswer as unusable:
            used = unusable.usage.total
            raise
        finally:
            # Shielded: a cancelled request still records what its call cost.
            with anyio.CancelScope(shield=True):
                await self.budget.settle(reservation, _tokens(prompt) if used is None else used)
        shown: dict[str, Any] = answer.model_dump(exclude_none=True)
        return shown


def _tidied(
    source: Source, reading: dict[str, Any], tidied: dict[str, Any], reverted: list[ImportWarning]
) -> Tidied:
    parsed = source.parsed
    changes = Changes(reading, tidied)
    changed = changes.paths()
    notes = [*changes.carried(parsed.imported.warnings), *reverted, *changes.left_out()]
    if not changed and not reverted:
        notes.append(ImportWarning(ASSISTANT_NOTE, "", UNCHANGED))
    sure = changes.sureness(parsed.confidence)
    return Tidied(tidied, sure, notes, parsed.kind, parsed.pages, changed)


def _as_read(source: Source, why: str) -> Tidied:
    """The dry run's answer as it was, with a note on why the assistant changed nothing."""
    parsed = source.parsed
    notes = [*parsed.imported.warnings, ImportWarning(ASSISTANT_NOTE, "", why.strip())]
    document = dump_resume(parsed.imported.document)
    return Tidied(document, parsed.confidence, notes, parsed.kind, parsed.pages)


def _tokens(prompt: Prompt) -> int:
    return estimate_tokens("".join(message.content for message in prompt.messages))
