"""The one Jinja2 environment templates run in: sandboxed, immutable data, autoescaped."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Template, Undefined
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from resumate.rendering.markup import SAFE_SCHEMES, breakable, inline, paragraphs

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_year(value: object) -> str:
    """A JSON Resume date (YYYY, YYYY-MM or YYYY-MM-DD) as a reader writes it: "Mar 2021"."""
    if not isinstance(value, str) or not value:
        return ""
    year, _, rest = value.partition("-")
    month = rest[:2]
    if month.isdigit() and 1 <= int(month) <= 12:
        return f"{MONTHS[int(month) - 1]} {year}"
    return year


def date_range(start: object, end: object, present: str = "Present") -> str:
    first, last = month_year(start), month_year(end)
    if first and last:
        return first if first == last else f"{first} – {last}"
    if first:
        return f"{first} – {present}"
    return last


def safe_url(value: object) -> str:
    """The address if a reader could safely follow it (http, https, mailto), else nothing."""
    text = str(value or "").strip()
    return text if text.lower().startswith(SAFE_SCHEMES) else ""


def display_url(value: object) -> str:
    """An address as people print it: without the scheme or a trailing slash."""
    text = str(value or "").strip()
    for prefix in ("https://", "http://", "mailto:"):
        if text.lower().startswith(prefix):
            text = text[len(prefix) :]
            break
    return text.rstrip("/")


class ResumeEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, made strict: reaching for an unsafe attribute is an error, not a blank."""

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        raise SecurityError(f"templates may not use {attribute!r}")


def _environment() -> ResumeEnvironment:
    env = ResumeEnvironment(
        autoescape=True,
        undefined=Undefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["inline"] = inline
    env.filters["month_year"] = month_year
    env.filters["url"] = safe_url
    env.filters["display_url"] = display_url
    env.filters["breakable"] = breakable
    env.filters["paragraphs"] = paragraphs
    env.globals["date_range"] = date_range
    return env


ENVIRONMENT = _environment()


@lru_cache(maxsize=64)
def compile_template(source: str) -> Template:
    """Compile once per distinct source; compiling costs far more than rendering."""
    return ENVIRONMENT.from_string(source)
