"""Verified tokens are remembered until they expire; nothing else is."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from resumate.auth.tokens import AccessClaims, VerifiedTokens
from resumate.errors import Unauthorized
from tests.auth.test_tokens import ISSUER, SESSION, USER, claims, signed


class Counting:
    """The real verification, counting how often it runs."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, token: str) -> AccessClaims:
        self.calls += 1
        return ISSUER.verify(token)


def test_a_good_token_is_verified_once() -> None:
    verify = Counting()
    tokens = VerifiedTokens(verify)
    token = ISSUER.issue(USER, 2, datetime.now(UTC), SESSION)
    assert [tokens(token).token_version for _ in range(3)] == [2, 2, 2]
    assert verify.calls == 1


def test_a_forged_token_is_checked_and_refused_every_time() -> None:
    verify = Counting()
    tokens = VerifiedTokens(verify)
    forged = ISSUER.issue(USER, 0, datetime.now(UTC), SESSION)[:-4] + "AAAA"
    for _ in range(2):
        with pytest.raises(Unauthorized):
            tokens(forged)
    assert verify.calls == 2


def test_a_remembered_token_stops_working_when_it_expires() -> None:
    now = int(time.time())  # the signature check itself uses the real clock
    clock = [float(now)]
    tokens = VerifiedTokens(ISSUER.verify, clock=lambda: clock[0])
    token = signed(claims(iat=now, exp=now + 60))
    tokens(token)
    clock[0] += 60 + 6  # past the expiry and the 5 s leeway
    with pytest.raises(Unauthorized):
        tokens(token)


def test_the_store_keeps_only_the_newest_tokens() -> None:
    verify = Counting()
    tokens = VerifiedTokens(verify, size=2)
    first, second, third = (ISSUER.issue(USER, n, datetime.now(UTC), SESSION) for n in range(3))
    for token in (first, second, third, first):
        tokens(token)
    assert verify.calls == 4
