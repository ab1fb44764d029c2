"""The error responses each route documents, in the one error shape."""

from __future__ import annotations

from typing import Any

from resumate.errors import ErrorResponse

DESCRIPTIONS = {
    400: "Bad request",
    401: "Not signed in, or the session has ended",
    403: "Forbidden",
    404: "Not found (also for another user's resource)",
    409: "Conflict",
    412: "The resource changed since the version sent in If-Match",
    413: "Body too large",
    422: "A field is not valid; `fields` names each one",
    428: "If-Match is required",
    429: "Too many attempts; see Retry-After",
    503: "Busy; see Retry-After",
}


def responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": ErrorResponse, "description": DESCRIPTIONS[code]} for code in codes}
