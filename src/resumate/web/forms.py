"""Form input checked by the API's own schemas, with errors keyed by form field for display."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from resumate.errors import ResumateError

Model = TypeVar("Model", bound=BaseModel)

FRIENDLY = {
    "missing": "is required",
    "string_too_short": "is required",
    "blank": "is required",
    "value_error": "is not valid",
}


def field_errors(exc: ValidationError, names: dict[str, str] | None = None) -> dict[str, str]:
    """`{form field: message}`; `names` maps schema aliases back to form field names."""
    errors: dict[str, str] = {}
    for error in exc.errors():
        loc = str(error["loc"][0]) if error["loc"] else "form"
        field = (names or {}).get(loc, loc)
        message = str(error.get("msg", "is not valid")).removeprefix("Value error, ")
        if "email" in field and error["type"] == "value_error":
            message = "Enter an email address like name@example.com."
        elif error["type"] in FRIENDLY:
            message = FRIENDLY[error["type"]]
        errors.setdefault(field, message[:1].upper() + message[1:])
    return errors


def parse(model: type[Model], data: dict[str, Any], names: dict[str, str] | None = None) -> Model:
    """The validated model, or FormInvalid carrying per-field messages."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise FormInvalid(field_errors(exc, names)) from exc


class FormInvalid(ResumateError):
    status = 422
    code = "validation_failed"
    default_message = "Some fields need attention."

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__()
        self.errors = errors


def errors_from(error: ResumateError, names: dict[str, str] | None = None) -> dict[str, str]:
    """A service error's field messages, keyed by form field, or the message for the whole form."""
    if isinstance(error, FormInvalid):
        return error.errors
    if error.fields and len(error.fields) == 1:
        # The service's own sentence reads better than the bare field message.
        only = error.fields[0].field
        return {(names or {}).get(only, only): error.message}
    if error.fields:
        return {
            (names or {}).get(f.field, f.field): f.message[:1].upper() + f.message[1:]
            for f in error.fields
        }
    return {"form": error.message}
