"""`resumate db upgrade` and `resumate serve` as a new user runs them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
RESUMATE = [sys.executable, "-m", "resumate"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def clean_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESUMATE_")}
    env["RESUMATE_DATA_DIR"] = str(data_dir)
    return env


def test_db_upgrade_builds_the_schema_and_seeds_templates(tmp_path: Path) -> None:
    result = subprocess.run(
        [*RESUMATE, "db", "upgrade"],
        env=clean_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "applying database migrations" in result.stderr
    assert (tmp_path / "resumate.db").exists()


def test_serve_starts_on_embedded_defaults_and_keeps_its_key(tmp_path: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [*RESUMATE, "serve", "--port", str(port)],
        env=clean_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        ready = None
        while time.monotonic() < deadline:
            try:
                ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert ready is not None, "the server did not start within 60 s"
        assert ready.status_code == 200
        key = (tmp_path / "jwt-signing-key.pem").read_bytes()
    finally:
        server.terminate()
        server.wait(timeout=30)
    # uvicorn shuts down cleanly, then re-raises the signal it was stopped with.
    assert server.returncode in (0, -signal.SIGTERM)
    assert (tmp_path / "jwt-signing-key.pem").read_bytes() == key


SAMPLE = ROOT.parent / "shared" / "jsonresume" / "sample.resume.json"


def test_templates_lists_the_built_ins(tmp_path: Path) -> None:
    result = subprocess.run(
        [*RESUMATE, "templates"],
        env=clean_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    slugs = [line.split()[0] for line in result.stdout.splitlines()]
    assert {"classic", "modern", "sidebar", "ats"} <= set(slugs)
    assert len(slugs) >= 8


def test_render_prints_a_json_resume_offline(tmp_path: Path) -> None:
    output = tmp_path / "resume.pdf"
    result = subprocess.run(
        [
            *RESUMATE,
            "render",
            str(SAMPLE),
            "--template",
            "modern",
            "--theme",
            "pageSize=Letter",
            "--theme",
            "accentColor=#0f766e",
            "-o",
            str(output),
        ],
        env=clean_env(tmp_path / "no-data"),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "wrote" in result.stderr
    assert output.read_bytes().startswith(b"%PDF")
    # No server and no database: nothing was created in the data directory.
    assert not (tmp_path / "no-data").exists()
    text = subprocess.run(
        ["pdftotext", str(output), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Richard Hendriks" in text


def test_render_names_a_bad_theme_option(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            *RESUMATE,
            "render",
            str(SAMPLE),
            "--theme",
            "accentColor=red",
            "-o",
            str(tmp_path / "x.pdf"),
        ],
        env=clean_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "accentColor" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_render_reads_the_page_switches_as_yes_or_no() -> None:
    from resumate.cli import parse_theme_options

    options = parse_theme_options(["runningHeader=true", "pageNumbers=off"])
    assert options == {"runningHeader": True, "pageNumbers": False}
