"""Errors on pages: a friendly page for a full load, a toast for an htmx request, never a trace."""

from __future__ import annotations

from functools import cache
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from resumate.errors import NotFound, ResumateError, Unauthorized
from resumate.web.templating import page_headers, render, templates

NOT_PAGES = ("/api/", "/files/", "/assets/", "/.well-known/", "/healthz", "/readyz")
TITLES = {
    401: "Please sign in",
    403: "Let's try that again",
    404: "We couldn't find that page",
    413: "That file is too large",
    422: "Something in that request isn't right",
    429: "Too many attempts",
    503: "We're busy right now",
}


class SignInRequired(ResumateError):
    """A page that needs a session was asked for without one (or with one that ended)."""

    status = 401
    code = "unauthorized"
    default_message = "Sign in to continue."


def is_page(path: str) -> bool:
    return not path.startswith(NOT_PAGES)


def is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"


def sign_in_redirect(request: Request) -> str:
    """Where a page without a session sends the visitor: a session renewal, then back here."""
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return f"/renew?next={quote(here, safe='')}"


def readable(error: ResumateError) -> str:
    """The error's message, naming the fields at fault when it has any."""
    if isinstance(error, NotFound) and error.message == NotFound.default_message:
        return "The link may be old or mistyped, or the page was deleted."
    if not error.fields:
        return error.message
    named = "; ".join(f"{f.field} {f.message}" for f in error.fields[:3])
    return f"{error.message} ({named})"


def page_error(request: Request, error: ResumateError) -> Response:
    headers = error.headers()
    if is_htmx(request):
        # htmx swaps the toast into the page's toast list, wherever the request meant to go.
        response = render(
            request,
            "partials/toast.html",
            {"kind": "error", "message": readable(error)},
            status_code=error.status,
            headers=headers | {"HX-Retarget": "#toasts", "HX-Reswap": "beforeend"},
        )
        return response
    if isinstance(error, SignInRequired | Unauthorized) and request.method == "GET":
        return RedirectResponse(sign_in_redirect(request), status_code=303)
    return render(
        request,
        "error.html",
        {
            "status": error.status,
            "title": TITLES.get(error.status, "Something went wrong"),
            "message": readable(error),
        },
        status_code=error.status,
        headers=headers,
    )


@cache
def server_error_page() -> bytes:
    """The 500 page, rendered once: the crash path must not depend on anything that can fail."""
    html = templates.get_template("error_static.html").render(
        status=500,
        title="Something went wrong on our side",
        message="We've been told about it. Your saved work is safe; try again in a moment.",
    )
    return html.encode()


@cache
def server_error_toast() -> bytes:
    html = templates.get_template("partials/toast.html").render(
        kind="error", message="Something went wrong on our side. Please try again."
    )
    return html.encode()


def server_error_response(*, htmx: bool = False) -> Response:
    if htmx:
        headers = page_headers({"HX-Retarget": "#toasts", "HX-Reswap": "beforeend"})
        return Response(server_error_toast(), 500, headers, media_type="text/html")
    return Response(server_error_page(), 500, page_headers(), media_type="text/html")
