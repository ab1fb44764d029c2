"""Password hashing (argon2id) and the password policy: length only, common passwords refused."""

from __future__ import annotations

import asyncio
import os
import weakref
from collections.abc import Callable
from functools import cache
from typing import TypeVar

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn.frequency_lists import FREQUENCY_LISTS

from resumate.errors import ServiceUnavailable

MIN_LENGTH = 8
MAX_LENGTH = 256

# OWASP ASVS / cheat-sheet floor for argon2id: 19 MiB of memory, 2 passes, 1 lane.
HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1, type=Type.ID)

# Hashes run at most this many at a time (each holds 19 MiB and a core for tens of ms). A hash
# that cannot start within HASH_WAIT seconds is refused with 503 and Retry-After instead of
# queueing without bound while memory and latency grow.
HASH_SLOTS = max(2, 2 * (os.cpu_count() or 1))
HASH_WAIT = 5.0
_slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
    weakref.WeakKeyDictionary()
)
T = TypeVar("T")

# A real hash, so an unknown email costs the same time as a wrong password.
_DUMMY_HASH = HASHER.hash("resumate timing equaliser")


@cache
def _common_passwords() -> frozenset[str]:
    return frozenset(word.casefold() for word in FREQUENCY_LISTS["passwords"])


def policy_problem(password: str, email: str | None = None) -> str | None:
    """Why this password is refused, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return f"must be at least {MIN_LENGTH} characters"
    if len(password) > MAX_LENGTH:
        return f"must be at most {MAX_LENGTH} characters"
    folded = password.casefold()
    if folded in _common_passwords():
        return "is one of the most common passwords; choose something less guessable"
    if email and folded in {email.casefold(), email.split("@", 1)[0].casefold()}:
        return "must not be your email address"
    return None


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return HASHER.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return HASHER.check_needs_rehash(password_hash)


async def hash_password_async(password: str) -> str:
    """Hash in a worker thread: argon2 releases the GIL, and the event loop keeps serving."""
    return await in_hash_slot(hash_password, password)


async def verify_password_async(password_hash: str | None, password: str) -> bool:
    return await in_hash_slot(verify_password, password_hash, password)


async def in_hash_slot(work: Callable[..., T], *args: object) -> T:
    """Run a hash in a worker thread once one of the HASH_SLOTS is free, or answer 503."""
    slots = _slots.setdefault(asyncio.get_running_loop(), asyncio.Semaphore(HASH_SLOTS))
    try:
        async with asyncio.timeout(HASH_WAIT):
            await slots.acquire()
    except TimeoutError:
        raise ServiceUnavailable(retry_after=1) from None
    try:
        return await asyncio.to_thread(work, *args)
    finally:
        slots.release()
