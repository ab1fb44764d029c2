"""A provider with a timeout per call, one retry, a concurrency limit and a circuit breaker.

`Guards` is the process's one set: a gate for calls in flight (more wait briefly, then get 503
with Retry-After) and a breaker per provider (after `breaker_failures` transient failures in a
row — timeouts, 5xx, lost connections — the provider rests `breaker_seconds` and every call
fails at once; then one trial call decides). A refused key or output mode is an answer, not an
outage, and does not count.
`Guards.wrap(provider)` gives the provider behind all of them.

A whole answer (`complete`) must arrive within `timeout_seconds`; a stream must bring its next
piece within it, so a long letter from a slow model still streams while a silent one fails.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING

from resumate.ai.errors import ProviderUnavailable
from resumate.ai.providers.base import (
    ModeRefused,
    Prompt,
    Provider,
    Reply,
    Transient,
    Wrapped,
)

if TYPE_CHECKING:
    from resumate.config import AISettings

# How long a call waits for a free slot before it is turned away.
QUEUE_SECONDS = 10.0
# A pause before the one retry, so a server that just dropped a connection can recover.
RETRY_PAUSE_SECONDS = 0.5


class Breaker:
    """Closed, open after `failures` failures in a row, half-open (one trial) after `seconds`."""

    def __init__(
        self, failures: int, seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._limit = failures
        self._seconds = seconds
        self._clock = clock
        self._failures = 0
        self._open_until: float | None = None
        self._trial = False

    @property
    def state(self) -> str:
        if self._open_until is None:
            return "closed"
        return "open" if self._clock() < self._open_until or self._trial else "half-open"

    def admit(self) -> bool:
        """Let a call through, or raise ProviderUnavailable. True when the call is the trial."""
        if self._open_until is None:
            return False
        wait = self._open_until - self._clock()
        if wait > 0 or self._trial:
            raise ProviderUnavailable(
                "The language model is resting after repeated failures. Try again shortly.",
                retry_after=max(1, math.ceil(wait)),
            )
        self._trial = True
        return True

    def succeeded(self) -> None:
        self._failures = 0
        self._open_until = None
        self._trial = False

    def failed(self) -> None:
        self._failures += 1
        if self._trial or self._failures >= self._limit:
            self._open_until = self._clock() + self._seconds
        self._trial = False

    def abandoned(self, trial: bool) -> None:
        """A call ended without a verdict (cancelled): its trial goes to the next call."""
        if trial:
            self._trial = False


class Gate:
    """At most `limit` calls in flight; more wait up to `wait_seconds`, then get 503."""

    def __init__(self, limit: int, wait_seconds: float = QUEUE_SECONDS) -> None:
        self._slots = asyncio.Semaphore(limit)
        self._wait = wait_seconds

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        try:
            await asyncio.wait_for(self._slots.acquire(), self._wait)
        except TimeoutError:
            raise ProviderUnavailable(
                "The language model is busy with other requests. Try again shortly.",
                retry_after=max(1, math.ceil(self._wait)),
            ) from None
        try:
            yield
        finally:
            self._slots.release()


class Guards:
    """The process's gate and breakers, built once from the settings."""

    def __init__(self, settings: AISettings, wait_seconds: float = QUEUE_SECONDS) -> None:
        self.settings = settings
        self.gate = Gate(settings.concurrency, wait_seconds)
        self._breakers: dict[str, Breaker] = {}

    def breaker(self, provider: Provider, scope: str = "") -> Breaker:
        """The provider's breaker; `scope` keeps one person's own provider apart from others'."""
        key = f"{provider.name} {provider.description} {provider.model} {scope}"
        if key not in self._breakers:
            settings = self.settings
            self._breakers[key] = Breaker(settings.breaker_failures, settings.breaker_seconds)
        return self._breakers[key]

    def wrap(self, provider: Provider, scope: str = "") -> Guarded:
        breaker = self.breaker(provider, scope)
        return Guarded(provider, self.gate, breaker, self.settings.timeout_seconds)


class Guarded(Wrapped):
    """A provider behind the timeout, the retry, the gate and its breaker (see the module)."""

    def __init__(self, inner: Provider, gate: Gate, breaker: Breaker, timeout: float) -> None:
        super().__init__(inner)
        self._gate = gate
        self._breaker = breaker
        self._timeout = timeout

    async def complete(self, prompt: Prompt) -> Reply:
        trial = self._breaker.admit()
        settled = False
        try:
            async with self._gate.slot():
                for attempt in (1, 2):
                    try:
                        async with asyncio.timeout(self._timeout):
                            reply = await self.inner.complete(prompt)
                    except (TimeoutError, Transient) as error:
                        if attempt == 1:
                            await asyncio.sleep(RETRY_PAUSE_SECONDS)
                            continue
                        raise self._unavailable(error) from error
                    break
            settled = True
            self._breaker.succeeded()
            return reply
        except Transient:
            settled = True
            self._breaker.failed()
            raise
        except (ModeRefused, ProviderUnavailable):
            # It answered: refusing a mode or a key is not being down.
            settled = True
            self._breaker.succeeded()
            raise
        finally:
            if not settled:
                self._breaker.abandoned(trial)

    async def stream(self, prompt: Prompt) -> AsyncIterator[str | Reply]:
        trial = self._breaker.admit()
        settled = False
        try:
            async with self._gate.slot():
                for attempt in (1, 2):
                    started = False
                    pieces = self.inner.stream(prompt)
                    try:
                        while True:
                            try:
                                async with asyncio.timeout(self._timeout):
                                    piece = await anext(pieces)
                            except StopAsyncIteration:
                                break
                            started = True
                            yield piece
                    except (TimeoutError, Transient) as error:
                        # Text already shown cannot be taken back: only a silent failure is retried.
                        if attempt == 1 and not started:
                            await asyncio.sleep(RETRY_PAUSE_SECONDS)
                            continue
                        raise self._unavailable(error) from error
                    finally:
                        close = getattr(pieces, "aclose", None)
                        if close is not None:
                            await close()
                    break
            settled = True
            self._breaker.succeeded()
        except Transient:
            settled = True
            self._breaker.failed()
            raise
        except (ModeRefused, ProviderUnavailable):
            settled = True
            self._breaker.succeeded()
            raise
        finally:
            if not settled:
                self._breaker.abandoned(trial)

    def _unavailable(self, error: Exception) -> ProviderUnavailable:
        if isinstance(error, ProviderUnavailable):
            return error
        return Transient(f"The language model did not answer within {self._timeout:g} seconds.")
