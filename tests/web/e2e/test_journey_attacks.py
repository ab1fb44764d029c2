"""The app as `make run` starts it, attacked over real HTTP: forged headers, a slow body."""

from __future__ import annotations

import contextlib
import socket
import time
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


def test_a_body_sent_a_byte_at_a_time_is_cut_off_with_408(tmp_path: Path) -> None:
    settings = {"RESUMATE_BODY_TIMEOUT_SECONDS": "2"}
    with served_like_make_run(tmp_path, settings) as base_url:
        host, port = base_url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as connection:
            connection.sendall(
                b"POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
            )
            started = time.monotonic()
            answer = b""
            while b"\r\n\r\n" not in answer and time.monotonic() - started < 8:
                try:
                    connection.sendall(b" ")
                except OSError:
                    break
                connection.settimeout(0.5)
                with contextlib.suppress(TimeoutError):
                    answer += connection.recv(4096)
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert time.monotonic() - started < 6
