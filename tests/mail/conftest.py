"""Mail fixtures: a real SMTP server on loopback, over STARTTLS or implicit TLS."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.smtp import SmtpServer, smtp_server


@pytest.fixture
def smtp(tmp_path: Path) -> Iterator[SmtpServer]:
    with smtp_server(tmp_path) as server:
        yield server


@pytest.fixture
def smtp_tls(tmp_path: Path) -> Iterator[SmtpServer]:
    with smtp_server(tmp_path, security="tls") as server:
        yield server
