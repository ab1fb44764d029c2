"""Limits and field kinds of a JSON Resume document, and the base all its objects share."""

from __future__ import annotations

import math
from typing import Annotated, Any, Self, TypeVar

from annotated_types import MaxLen
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StrictStr,
    StringConstraints,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)
from pydantic.alias_generators import to_camel
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from resumate.document.dates import date_mismatch

MAX_SHORT_TEXT = 500
MAX_LONG_TEXT = 10_000
MAX_LIST_ITEMS = 100
MAX_HIGHLIGHTS = 50
MAX_EXTRA_DEPTH = 8
MAX_DOCUMENT_BYTES = 512 * 1024
# The deepest JSON a document may come in as, however it comes (API body, uploaded file): the
# standard needs 4 levels and unknown keys may add MAX_EXTRA_DEPTH. Checked before anything
# walks the data, so a file nested 100,000 deep is refused with this, never with a crash.
MAX_JSON_DEPTH = 32
TOO_DEEP = f"nests more than {MAX_JSON_DEPTH} levels deep"

# The schema's own iso8601 pattern, digit ranges included, so "2013-19-39" passes as it does there.
DATE_PATTERN = r"^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$"
# format: email, loosely: imported resumes often carry "" and odd but deliverable addresses.
EMAIL_PATTERN = r"^([^@\s]+@[^@\s]+)?$"

T = TypeVar("T")


def _reject_null(value: object) -> object:
    """Refuse JSON null, which the schema never allows for a known field."""
    if value is None:
        raise PydanticCustomError("null_not_allowed", "may be omitted but must not be null")
    return value


class _NullFreeSchema:
    """Drop the null branch from the JSON schema of an `Opt` field, as validation rejects null."""

    @staticmethod
    def __get_pydantic_json_schema__(
        schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        branches = [b for b in json_schema.pop("anyOf", []) if b != {"type": "null"}]
        return {**branches[0], **json_schema} if len(branches) == 1 else json_schema


def _explain_mismatch(kind: str, message: str) -> WrapValidator:
    """Replace pydantic's regex-quoting pattern error with one a user can act on."""

    def validate(value: object, handler: ValidatorFunctionWrapHandler) -> object:
        try:
            return handler(value)
        except ValidationError as exc:
            if exc.errors()[0]["type"] == "string_pattern_mismatch":
                raise PydanticCustomError(kind, message) from None
            raise

    return WrapValidator(validate)


def _check_json(value: object, depth_left: int) -> None:
    """Raise unless value is plain JSON nested at most depth_left containers deep."""
    if isinstance(value, dict | list):
        if depth_left == 0:
            raise PydanticCustomError(
                "extra_too_deep",
                "must be nested at most {max_depth} levels deep",
                {"max_depth": MAX_EXTRA_DEPTH},
            )
        if isinstance(value, dict) and not all(isinstance(key, str) for key in value):
            raise PydanticCustomError("extra_not_json", "must be JSON data")
        for child in value.values() if isinstance(value, dict) else value:
            _check_json(child, depth_left - 1)
    # bool and int need no check; NaN and infinity would serialize as null and break round trips.
    elif not isinstance(value, str | int | float | None) or (
        isinstance(value, float) and not math.isfinite(value)
    ):
        raise PydanticCustomError("extra_not_json", "must be JSON data")


def _check_extra(value: Any) -> Any:
    """Validate one unknown key's value."""
    _check_json(value, MAX_EXTRA_DEPTH)
    return value


# Absent fields read as None; pydantic never validates defaults, so only an explicit null fails.
Opt = Annotated[T | None, _NullFreeSchema, BeforeValidator(_reject_null)]
ShortText = Annotated[StrictStr, StringConstraints(max_length=MAX_SHORT_TEXT)]
LongText = Annotated[StrictStr, StringConstraints(max_length=MAX_LONG_TEXT)]
# format: uri is not enforced: the schema's own valid cases include "$schema": "foo-bar-baz".
Url = ShortText
Email = Annotated[
    StrictStr,
    StringConstraints(max_length=MAX_SHORT_TEXT, pattern=EMAIL_PATTERN),
    _explain_mismatch("email_format", "must be an email address like name@example.com"),
]


def _explain_date(value: object, handler: ValidatorFunctionWrapHandler) -> object:
    """Say what is wrong with a date as specifically as its shape tells (see document.dates)."""
    try:
        return handler(value)
    except ValidationError as exc:
        if exc.errors()[0]["type"] != "string_pattern_mismatch" or not isinstance(value, str):
            raise
        raise PydanticCustomError(
            "date_format", "{reason}", {"reason": date_mismatch(value)}
        ) from None


Date = Annotated[StrictStr, StringConstraints(pattern=DATE_PATTERN), WrapValidator(_explain_date)]
Highlights = Annotated[list[LongText], MaxLen(MAX_HIGHLIGHTS)]
Keywords = Annotated[list[ShortText], MaxLen(MAX_HIGHLIGHTS)]
Section = Annotated[list[T], MaxLen(MAX_LIST_ITEMS)]
ExtraValue = Annotated[Any, AfterValidator(_check_extra)]


class ResumeModel(BaseModel):
    """Base for every JSON Resume object: camelCase keys, strict types, unknown keys kept."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        # JSON keys only, also when FastAPI validates a request body: "start_date" stays an
        # unknown key instead of being read as startDate and written back renamed.
        validate_by_alias=True,
        validate_by_name=False,
        serialize_by_alias=True,
        extra="allow",
        strict=True,
        validate_assignment=True,
    )

    __pydantic_extra__: dict[str, ExtraValue] = Field(init=False)

    @model_validator(mode="after")
    def _unmark_stray_names(self) -> Self:
        # An unknown key spelled like a field's Python name ("start_date") also marks that field
        # as set; no field is ever null, so a None one was not given and must not be dumped.
        stray = self.__pydantic_extra__.keys() & type(self).model_fields.keys()
        self.__pydantic_fields_set__ -= {name for name in stray if getattr(self, name) is None}
        return self


def json_depth(value: object) -> int:
    """How many arrays and objects deep a parsed JSON value nests (without recursion)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            depth += 1
            deepest = max(deepest, depth)
            if depth <= MAX_JSON_DEPTH:
                children = node.values() if isinstance(node, dict) else node
                stack.extend((child, depth) for child in children)
    return deepest
