"""/assets: the pages' CSS, scripts, icons and fonts, all shipped in the package.

Links carry a content hash (`?v=`), so a browser keeps each file for a year and still sees a
new one the moment it changes.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from resumate.rendering.fonts import FONTS_DIR

STATIC_DIR = Path(__file__).parent / "static"
PREFIX = "/assets"
FONTS_PREFIX = "fonts/"
IMMUTABLE = "public, max-age=31536000, immutable"
TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".ttf": "font/ttf",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".webmanifest": "application/manifest+json",
}


def locate(path: str) -> Path | None:
    """The file an asset path names, only if it is inside the asset folders."""
    root, relative = (
        (FONTS_DIR, path.removeprefix(FONTS_PREFIX))
        if path.startswith(FONTS_PREFIX)
        else (STATIC_DIR, path)
    )
    candidate = (root / relative).resolve()
    if not candidate.is_relative_to(root.resolve()) or not candidate.is_file():
        return None
    if candidate.suffix not in TYPES:
        return None
    return candidate


@cache
def fingerprint(path: str) -> str:
    found = locate(path)
    if found is None:
        raise LookupError(f"no asset {path!r}")
    return hashlib.sha256(found.read_bytes()).hexdigest()[:12]


def asset_url(path: str) -> str:
    return f"{PREFIX}/{path}?v={fingerprint(path)}"
