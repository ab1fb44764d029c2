"""Signed double-submit CSRF, bound to the session: the CSRF cookie, echoed by every write.

Scripts echo the cookie in the `X-CSRF-Token` header; plain forms (which work without
JavaScript) send it as the `csrf_token` field. API clients that use the Authorization header
need neither.

The token is `nonce.mac`, the mac an HMAC of the nonce and the session's access cookie under
the app's secret. A token planted from elsewhere (another session's, or one an attacker made)
does not match this session's cookie, so echoing it proves nothing; the token changes with
every new session, when the cookies are set. Before signing in, the token is bound to "no
session", which still keeps other sites from posting the sign-in form.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from fastapi import Depends, Request

from resumate.components import Slot
from resumate.errors import ResumateError

CSRF_COOKIE = "resumate_csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
# The cookie the session's access token travels in (auth.cookies names it for the pages).
ACCESS_COOKIE = "resumate_access"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class CsrfFailed(ResumateError):
    status = 403
    code = "csrf_failed"
    default_message = "This form has expired. Reload the page and try again."


@dataclass(frozen=True)
class CsrfTokens:
    """Makes and checks tokens under the app's secret."""

    secret: bytes

    def issue(self, access: str | None) -> str:
        nonce = secrets.token_urlsafe(18)
        return f"{nonce}.{self._mac(nonce, access)}"

    def valid(self, token: str, access: str | None) -> bool:
        nonce, _, mac = token.partition(".")
        return bool(nonce and mac) and hmac.compare_digest(mac, self._mac(nonce, access))

    def _mac(self, nonce: str, access: str | None) -> str:
        session = hashlib.sha256((access or "").encode()).hexdigest()
        message = f"csrf|{nonce}|{session}".encode()
        return hmac.new(self.secret, message, hashlib.sha256).hexdigest()[:32]


CSRF: Slot[CsrfTokens] = Slot("csrf")


def _checked(request: Request, sent: str) -> None:
    cookie = request.cookies.get(CSRF_COOKIE, "")
    echoed = bool(cookie) and hmac.compare_digest(cookie.encode(), sent.encode())
    if not echoed or not CSRF.of(request.app).valid(cookie, request.cookies.get(ACCESS_COOKIE)):
        raise CsrfFailed()


def check_csrf(request: Request) -> None:
    """A cookie-authenticated API write: the header must echo this session's cookie."""
    _checked(request, request.headers.get(CSRF_HEADER, ""))


async def check_form_csrf(request: Request) -> None:
    """A page write: the header (htmx, fetch) or the form field (plain forms) echoes it."""
    sent = request.headers.get(CSRF_HEADER, "")
    if not sent and request.headers.get("content-type", "").startswith(FORM_TYPES):
        sent = str((await request.form()).get(CSRF_FIELD) or "")
    _checked(request, sent)


CsrfChecked = Depends(check_form_csrf)
