"""Where a page goes after signing in: only a path on this site."""

from __future__ import annotations

HOME = "/resumes"


def safe_next(target: str | None) -> str:
    """Only a path on this site: never another origin (`//evil`, `/\\evil`, `https://...`)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return HOME
    return target
