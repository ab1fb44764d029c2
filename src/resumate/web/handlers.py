"""Render every error in the one shape: `{"error": {"code", "message", "fields"?}}`."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from resumate.document.fields import TOO_DEEP
from resumate.errors import (
    INVALID_JSON,
    FieldError,
    NotFound,
    ResumateError,
    ServiceUnavailable,
    ValidationFailed,
    validation_error,
)
from resumate.web.errors import is_page, page_error

STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "payload_too_large",
    415: "unsupported_media_type",
}


def error_response(error: ResumateError) -> JSONResponse:
    return JSONResponse(error.body(), status_code=error.status, headers=error.headers())


def install(app: FastAPI) -> None:
    async def on_resumate_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ResumateError)
        if is_page(request.url.path):
            return page_error(request, exc)
        return error_response(exc)

    async def on_validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        error = validation_error(list(exc.errors()))
        if is_page(request.url.path):
            # A page address that does not parse (a mangled id) names no page.
            return page_error(request, NotFound() if request.method == "GET" else error)
        return error_response(error)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if exc.status_code == 404:
            not_found = NotFound()
            return (
                page_error(request, not_found)
                if is_page(request.url.path)
                else error_response(not_found)
            )
        if exc.status_code == 400 and isinstance(exc.__cause__, UnicodeDecodeError):
            # FastAPI answers a body that is not UTF-8 with a bare 400; it is as much "not JSON"
            # as a syntax error is, so it gets the same documented 422.
            not_utf8 = FieldError(field="body", message="is not UTF-8 encoded JSON")
            return error_response(ValidationFailed(INVALID_JSON, fields=[not_utf8]))
        if exc.status_code == 400 and isinstance(exc.__cause__, RecursionError):
            # Nested deeper than the JSON parser goes: the same limit an uploaded file meets.
            too_deep = FieldError(field="body", message=TOO_DEEP)
            return error_response(
                ValidationFailed(f"The request body {TOO_DEEP}.", fields=[too_deep])
            )
        code = STATUS_CODES.get(exc.status_code, "bad_request")
        if is_page(request.url.path):
            return page_error(request, HttpError(exc.status_code, code, str(exc.detail)))
        body = {"error": {"code": code, "message": str(exc.detail)}}
        return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)

    async def on_pool_exhausted(request: Request, exc: Exception) -> Response:
        # Every database connection was busy for POOL_TIMEOUT seconds: the server is
        # overloaded, which the client may retry, not a fault of its request or of the code.
        return await on_resumate_error(request, ServiceUnavailable(retry_after=2))

    app.add_exception_handler(ResumateError, on_resumate_error)
    app.add_exception_handler(PoolTimeout, on_pool_exhausted)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)


class HttpError(ResumateError):
    """A plain HTTP error from the framework (405, 406, ...), shown on a page."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status  # type: ignore[misc]
        self.code = code  # type: ignore[misc]
