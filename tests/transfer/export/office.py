"""LibreOffice, run headless, turning Word files into PDFs as a recruiter's office suite would."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SOFFICE = "soffice"
TIMEOUT = 180


def to_pdfs(files: dict[str, bytes], folder: Path) -> dict[str, bytes]:
    """Each Word file converted to PDF by one LibreOffice run, with a profile of its own."""
    assert shutil.which(SOFFICE), "LibreOffice (libreoffice-writer-nogui) is not installed"
    paths = []
    for name, data in files.items():
        path = folder / f"{name}.docx"
        path.write_bytes(data)
        paths.append(str(path))
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
    subprocess.run(
        [SOFFICE, "--headless", profile, "--convert-to", "pdf", "--outdir", str(folder), *paths],
        check=True,
        capture_output=True,
        timeout=TIMEOUT,
    )
    return {name: (folder / f"{name}.pdf").read_bytes() for name in files}
