"""One Jinja2 environment for the pages (not the sandboxed one that renders resumes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

from resumate.components import Slot
from resumate.deps import SETTINGS
from resumate.document.editor import FILTERS
from resumate.web.assets import asset_url
from resumate.web.csrf import ACCESS_COOKIE, CSRF, CSRF_COOKIE

TEMPLATES_DIR = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class UploadTarget:
    """Where pages send a resume file on a site with an uploads bucket: `api` hands out forms
    for the bucket at `origin` (which the pages may then connect to) for files of `max_bytes`."""

    origin: str
    api: str
    max_bytes: int


UPLOAD_TARGET: Slot[UploadTarget] = Slot("uploads bucket for pages")


def upload_target(request: Request) -> UploadTarget | None:
    return UPLOAD_TARGET.find(request.app)


def page_csp(*, frame_src: str = "'self'", connect_src: str = "'self'") -> str:
    """The pages' policy; a page may widen what it frames, and the site where files are sent
    (`UploadTarget`) what they connect to; nothing else."""
    # Scripts only from the app itself; inline styles are allowed because the live preview (an
    # srcdoc frame, which inherits this policy) is the resume's own HTML with its <style>.
    return (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; font-src 'self'; "
        f"connect-src {connect_src}; frame-src {frame_src}; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


PAGE_CSP = page_csp()

templates = Jinja2Templates(directory=TEMPLATES_DIR)
templates.env.globals["asset"] = asset_url
templates.env.globals["upload_target"] = upload_target
templates.env.trim_blocks = True
templates.env.lstrip_blocks = True


RELATIVE_UNITS = ((3600, "minute", 60), (86400, "hour", 3600), (86400 * 7, "day", 86400))


def when(moment: datetime | None) -> str:
    """A calm relative time: "just now", "5 minutes ago", "3 days ago", or the date."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    seconds = (datetime.now(UTC) - moment).total_seconds()
    if seconds < 60:
        return "just now"
    for limit, unit, size in RELATIVE_UNITS:
        if seconds < limit:
            count = int(seconds // size)
            return f"{count} {unit}{'' if count == 1 else 's'} ago"
    return f"{moment:%-d %b %Y}"


def iso(moment: datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat()


templates.env.filters["when"] = when
templates.env.filters["iso"] = iso
templates.env.filters.update(FILTERS)


def csrf_token(request: Request) -> str:
    """The token forms echo back: the visitor's CSRF cookie, made anew when it is missing or
    was made for another session than the one this request carries."""
    token: str = getattr(request.state, "csrf_token", "") or request.cookies.get(CSRF_COOKIE, "")
    tokens = CSRF.find(request.app)
    access = request.cookies.get(ACCESS_COOKIE)
    if tokens is not None and not (token and tokens.valid(token, access)):
        token = tokens.issue(access)
        request.state.csrf_token = token
        request.state.new_csrf_cookie = True
    return token


def page_headers(extra: dict[str, str] | None = None) -> dict[str, str]:
    return {"Content-Security-Policy": PAGE_CSP, "Cache-Control": "no-store", **(extra or {})}


def page_policy(request: Request, *, frame_src: str = "'self'") -> str:
    """The policy of a page of this site: with an uploads bucket, pages may send files there."""
    target = upload_target(request)
    connect_src = f"'self' {target.origin}" if target is not None else "'self'"
    return page_csp(frame_src=frame_src, connect_src=connect_src)


def render(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """A page or fragment; `request.state.user` (when signed in) is in every context."""
    full = {
        "user": getattr(request.state, "user", None),
        "csrf_token": csrf_token(request),
        "is_htmx": request.headers.get("HX-Request") == "true",
        **(context or {}),
    }
    policy = {"Content-Security-Policy": page_policy(request)}
    headers = page_headers(policy | (headers or {}))
    response = templates.TemplateResponse(
        request, name, full, status_code=status_code, headers=headers
    )
    if getattr(request.state, "new_csrf_cookie", False):
        settings = SETTINGS.find(request.app)
        secure = settings.secure_cookies if settings is not None else True
        response.set_cookie(
            CSRF_COOKIE, full["csrf_token"], secure=secure, samesite="lax", httponly=False
        )
    return response
