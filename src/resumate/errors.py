"""The errors the app raises on purpose, each knowing its HTTP status and code.

    ResumateError (500 internal_error)
    ├── BadRequest (400 bad_request)
    ├── Unauthorized (401 unauthorized)
    ├── NotFound (404 not_found)            also for other users' resources
    ├── RequestTimeout (408 request_timeout)  a body that arrives too slowly
    ├── Conflict (409 conflict)
    ├── PreconditionFailed (412 stale_version)
    ├── PayloadTooLarge (413 payload_too_large)
    ├── ValidationFailed (422 validation_failed, with fields)
    ├── PreconditionRequired (428 version_required)
    ├── TooManyRequests (429 too_many_requests, with Retry-After)
    └── ServiceUnavailable (503 unavailable, with Retry-After)

Every error reaches the client as `{"error": {"code", "message", "fields"?}}`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from pydantic import BaseModel


class FieldError(BaseModel):
    field: str
    message: str


class ErrorBody(BaseModel):
    code: str
    message: str
    fields: list[FieldError] | None = None


class ErrorResponse(BaseModel):
    error: ErrorBody


class ResumateError(Exception):
    status: ClassVar[int] = 500
    code: ClassVar[str] = "internal_error"
    default_message: ClassVar[str] = "Something went wrong on our side."

    def __init__(
        self,
        message: str | None = None,
        *,
        fields: Sequence[FieldError] | None = None,
        retry_after: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.message = message or self.default_message
        self.fields = list(fields) if fields else None
        self.retry_after = retry_after
        self.extra_headers = headers or {}
        super().__init__(self.message)

    def body(self) -> dict[str, Any]:
        return ErrorResponse(
            error=ErrorBody(code=self.code, message=self.message, fields=self.fields)
        ).model_dump(exclude_none=True)

    def headers(self) -> dict[str, str]:
        headers = dict(self.extra_headers)
        if self.retry_after is not None:
            headers["Retry-After"] = str(max(1, self.retry_after))
        return headers


class BadRequest(ResumateError):
    status = 400
    code = "bad_request"
    default_message = "The request could not be understood."


class Unauthorized(ResumateError):
    status = 401
    code = "unauthorized"
    default_message = "Sign in to continue."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message, headers={"WWW-Authenticate": "Bearer"})


class NotFound(ResumateError):
    status = 404
    code = "not_found"
    default_message = "Not found."


class Conflict(ResumateError):
    status = 409
    code = "conflict"
    default_message = "That conflicts with something that already exists."


class PreconditionFailed(ResumateError):
    status = 412
    code = "stale_version"
    default_message = "This was changed elsewhere since you loaded it. Reload to see the latest."


class RequestTimeout(ResumateError):
    status = 408
    code = "request_timeout"
    default_message = "The request body took too long to arrive."

    def headers(self) -> dict[str, str]:
        return super().headers() | {"Connection": "close"}


class PayloadTooLarge(ResumateError):
    status = 413
    code = "payload_too_large"
    default_message = "The request body is too large."


class ValidationFailed(ResumateError):
    status = 422
    code = "validation_failed"
    default_message = "Some fields are not valid."


class PreconditionRequired(ResumateError):
    status = 428
    code = "version_required"
    default_message = "Send the If-Match header with the version you edited."


class TooManyRequests(ResumateError):
    status = 429
    code = "too_many_requests"
    default_message = "Too many attempts. Try again later."


class ServiceUnavailable(ResumateError):
    status = 503
    code = "unavailable"
    default_message = "The service is busy. Try again shortly."


INVALID_JSON = "The request body is not valid JSON."


def validation_error(errors: Sequence[Any]) -> ValidationFailed:
    """Pydantic's errors as the one 422, each naming its field (`data.work[0].startDate`)."""
    fields = [FieldError(field=field_path(e.get("loc", ())), message=_message(e)) for e in errors]
    if any(e.get("type") == "json_invalid" for e in errors):
        return ValidationFailed(INVALID_JSON, fields=fields)
    return ValidationFailed(fields=fields)


def _message(error: dict[str, Any]) -> str:
    if error.get("type") == "extra_forbidden":
        return "is not a field you can set"
    if error.get("type") == "missing":
        return "is required"
    message = str(error.get("msg", "is not valid"))
    return message.removeprefix("Value error, ")


def field_path(loc: Sequence[int | str]) -> str:
    """Turn a location like ('body', 'data', 'work', 0, 'name') into data.work[0].name."""
    parts = list(loc)
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        parts = parts[1:]
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "body"
