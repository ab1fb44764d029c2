"""Recovery codes: ten per set, each single-use, stored as SHA-256.

A code is 12 random characters of Crockford's base32 (60 bits). Slow password hashes exist to
stretch guessable secrets; nothing here is guessable, so one SHA-256 is enough and lets a code
be found by its hash in one indexed query.
"""

from __future__ import annotations

import hashlib
import secrets

COUNT = 10
ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
LENGTH = 12
GROUP = 4
# What people misread, as Crockford's base32 reads it.
READ_AS = str.maketrans({"o": "0", "i": "1", "l": "1"})


def new_codes() -> list[str]:
    return [_format("".join(secrets.choice(ALPHABET) for _ in range(LENGTH))) for _ in range(COUNT)]


def _format(raw: str) -> str:
    return "-".join(raw[i : i + GROUP] for i in range(0, len(raw), GROUP))


def normalise(code: str) -> str | None:
    """The code's characters as generated (case, spaces and dashes aside), or None."""
    raw = "".join(code.split()).replace("-", "").casefold().translate(READ_AS)
    if len(raw) != LENGTH or any(ch not in ALPHABET for ch in raw):
        return None
    return raw


def hash_code(code: str) -> str | None:
    """The SHA-256 a typed code is stored as, or None when it cannot be a recovery code."""
    raw = normalise(code)
    return hashlib.sha256(raw.encode()).hexdigest() if raw else None


def new_set() -> tuple[list[str], list[str]]:
    """A fresh set: the codes to show once, and the hashes to keep."""
    codes = new_codes()
    return codes, [hashlib.sha256(code.replace("-", "").encode()).hexdigest() for code in codes]


def looks_like_recovery_code(code: str) -> bool:
    return normalise(code) is not None
