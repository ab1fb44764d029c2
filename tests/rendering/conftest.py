"""What the rendering tests share; the `renderer` fixture lives in tests/conftest.py."""

from __future__ import annotations

from pathlib import Path


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    import subprocess

    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
