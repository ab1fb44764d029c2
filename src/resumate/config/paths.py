"""Paths in settings, made absolute where the app starts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator


def _absolute(path: Path) -> Path:
    # Paths go to other processes and libraries (Chromium's fontconfig, SQLite, the storage
    # folder), which do not share this process's idea of the working directory: a relative
    # setting is taken as relative to where the app starts, and passed on absolute.
    return path.expanduser().absolute()


AbsolutePath = Annotated[Path, AfterValidator(_absolute)]
