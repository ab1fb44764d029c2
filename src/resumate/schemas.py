"""The base for every JSON body: camelCase on the wire, snake_case in Python."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError


class ApiModel(BaseModel):
    """A response body."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, from_attributes=True)


class ApiInput(ApiModel):
    """A request body: unknown keys are refused, so a client cannot set owner, version or dates."""

    model_config = ConfigDict(extra="forbid")


def not_blank(value: str) -> str:
    """The text without its surrounding whitespace, which must leave something."""
    value = value.strip()
    if not value:
        raise PydanticCustomError("blank", "is required")
    return value
