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
    408: "The request body took too long to arrive",
    412: "The resource changed since the version sent in If-Match",
    413: "Body too large",
    422: "A field is not valid; `fields` names each one",
    428: "If-Match is required",
    429: "Too many attempts; see Retry-After",
    503: "Busy; see Retry-After",
}


def responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": ErrorResponse, "description": DESCRIPTIONS[code]} for code in codes}


def document_body_limits(schema: dict[str, Any]) -> dict[str, Any]:
    """Every operation that reads a body can answer 413 (too large) or 408 (too slow): the body
    limits refuse it before any route runs, so the routes do not name these themselves."""
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            if isinstance(operation, dict) and "requestBody" in operation:
                for code in (408, 413):
                    operation["responses"].setdefault(
                        str(code), {"description": DESCRIPTIONS[code], "content": error}
                    )
    return schema
