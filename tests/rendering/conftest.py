from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from resumate.config import RenderSettings
from resumate.rendering.renderer import Renderer


@pytest.fixture(scope="session")
async def renderer(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Renderer]:
    """One warm Chromium for the rendering tests, as the app keeps one per process."""
    chromium = Renderer(RenderSettings(), tmp_path_factory.mktemp("renderer"))
    yield chromium
    await chromium.close()


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    import subprocess

    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
