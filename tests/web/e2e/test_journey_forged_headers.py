"""The app as `make run` starts it, attacked with forged forwarding headers over real HTTP."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.web.e2e.conftest import served_like_make_run

# The embedded default (RESUMATE_AUTH_THROTTLE_PER_ADDRESS): twenty failures per address.
PER_ADDRESS = 20


def test_a_new_forwarded_for_value_buys_no_new_sign_in_budget(tmp_path: Path) -> None:
    with served_like_make_run(tmp_path, {}) as base_url, httpx.Client(base_url=base_url) as http:
        statuses = [
            http.post(
                "/api/auth/login",
                json={"email": f"nobody{n}@example.com", "password": "not-the-password-1"},
                headers={"X-Forwarded-For": f"198.51.100.{n}", "X-Real-IP": f"198.51.100.{n}"},
            ).status_code
            for n in range(PER_ADDRESS + 2)
        ]
    assert statuses[:PER_ADDRESS] == [401] * PER_ADDRESS
    assert statuses[PER_ADDRESS:] == [429, 429]
