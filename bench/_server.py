"""The system under test: a fresh migrated PostgreSQL database and `resumate serve` on loopback."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.databases import migrated_database
from tests.mailbox import link_token, take_mail

ROOT = Path(__file__).resolve().parents[1]
READY_TIMEOUT_SECONDS = 60.0
STOP_TIMEOUT_SECONDS = 15.0


def fresh_database(data_dir: Path) -> contextlib.AbstractContextManager[str]:
    """A new PostgreSQL database at the newest migration, dropped on the way out."""
    return migrated_database("postgresql", data_dir)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class Server:
    pid: int
    port: int
    log: Path
    # Where the server mails sign-up links (the embedded outbox folder).
    outbox: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def call(
        self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], Any]:
        """One request on its own connection: status, headers (lower-case names), parsed JSON."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            payload = None if body is None else json.dumps(body).encode()
            sent = {"Content-Type": "application/json"} | (headers or {})
            connection.request(method, path, body=payload, headers=sent)
            response = connection.getresponse()
            raw = response.read()
            found = {name.lower(): value for name, value in response.getheaders()}
            return response.status, found, json.loads(raw) if raw else None
        finally:
            connection.close()

    def sign_up(self, credentials: dict[str, str]) -> Any:
        """A new account's session: register, then confirm the link the server mailed."""
        answer = self.call("POST", "/api/auth/register", credentials)
        if answer[0] != 202:
            raise RuntimeError(f"register answered {answer[0]}: {answer[2]}")
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while not (mailed := take_mail(self.outbox, credentials["email"])):
            if time.monotonic() > deadline:
                raise RuntimeError(f"no mail reached {credentials['email']}")
            time.sleep(0.05)
        token = link_token(mailed[-1], "/verify-email/")
        verified = self.call("POST", "/api/auth/verify-email", {"token": token})
        if verified[0] != 201:
            raise RuntimeError(f"verify-email answered {verified[0]}: {verified[2]}")
        return verified[2]


def server_environment(database_url: str, data_dir: Path) -> dict[str, str]:
    """The real configuration, except that sign-in and sign-up throttling never get in the way."""
    return os.environ | {
        "RESUMATE_ENV": "test",
        "RESUMATE_DATA_DIR": str(data_dir),
        "RESUMATE_DATABASE_URL": database_url,
        "RESUMATE_AUTO_MIGRATE": "false",  # fresh_database already migrated it
        "RESUMATE_AUTH_THROTTLE_PER_ACCOUNT": "1000000",
        "RESUMATE_AUTH_THROTTLE_PER_ADDRESS": "1000000",
        "RESUMATE_AUTH_MAIL_PER_CLIENT": "1000000",
        "RESUMATE_AUTH_ACCESS_TOKEN_SECONDS": "3600",
    }


@contextlib.contextmanager
def running_server(database_url: str, data_dir: Path) -> Iterator[Server]:
    """`resumate serve` (one uvicorn worker) in its own process, ready when /readyz says so."""
    port = free_port()
    log = data_dir / "server.log"
    command = [str(ROOT / ".venv" / "bin" / "resumate"), "serve", "--host", "127.0.0.1"]
    with log.open("wb") as sink:
        process = subprocess.Popen(  # noqa: S603 - the project's own entry point
            [*command, "--port", str(port)],
            env=server_environment(database_url, data_dir),
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    server = Server(pid=process.pid, port=port, log=log, outbox=data_dir / "outbox")
    try:
        _wait_until_ready(server, process)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_ready(server: Server, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}:\n{_tail(server.log)}")
        with contextlib.suppress(OSError):
            if server.call("GET", "/readyz")[0] == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"the server was not ready in time:\n{_tail(server.log)}")


def _tail(log: Path, lines: int = 20) -> str:
    """The end of the server's log; it lives in a scratch directory removed on the way out."""
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
