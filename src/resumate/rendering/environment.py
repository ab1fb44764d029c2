"""The one Jinja2 environment templates run in: sandboxed, immutable data, autoescaped."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, get_args

from jinja2 import Template, Undefined, pass_context
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from resumate.document.countries import country_name
from resumate.document.language import DEFAULT_LANGUAGE
from resumate.document.theme import DateFormat
from resumate.rendering.dates import DEFAULT_FORMAT, date_range, month_year
from resumate.rendering.markup import SAFE_SCHEMES, breakable, inline, paragraphs

DATE_STYLES: tuple[DateFormat, ...] = get_args(DateFormat)


def page_language(context: Context) -> str:
    """The language the page is printed in: its theme's, so template code names no language."""
    language = getattr(context.get("theme"), "language", None)
    return language if isinstance(language, str) else DEFAULT_LANGUAGE


def page_date_format(context: Context) -> DateFormat:
    """How the page prints dates: its theme's `dateFormat` ("Mar 2021" unless it says)."""
    chosen = getattr(context.get("theme"), "date_format", None)
    return next((style for style in DATE_STYLES if style == chosen), DEFAULT_FORMAT)


@pass_context
def month_year_in(context: Context, value: object) -> str:
    """The `month_year` filter: a date in the page's language and date format."""
    return month_year(value, page_language(context), page_date_format(context))


@pass_context
def date_range_in(context: Context, start: object, end: object) -> str:
    """The `date_range` global: a span of dates in the page's language and date format."""
    return date_range(start, end, page_language(context), page_date_format(context))


@pass_context
def country_name_in(context: Context, value: object) -> str:
    """The `country_name` filter: "DE" as the page's language names it ("Germany")."""
    return country_name(value, page_language(context))


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
    env.filters["month_year"] = month_year_in
    env.filters["url"] = safe_url
    env.filters["country_name"] = country_name_in
    env.filters["display_url"] = display_url
    env.filters["breakable"] = breakable
    env.filters["paragraphs"] = paragraphs
    env.globals["date_range"] = date_range_in
    return env


ENVIRONMENT = _environment()


@lru_cache(maxsize=64)
def compile_template(source: str) -> Template:
    """Compile once per distinct source; compiling costs far more than rendering."""
    return ENVIRONMENT.from_string(source)
