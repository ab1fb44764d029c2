"""What the assistant is shown and answers: the sections of a JSON Resume document it may tidy.

The answer's shape is derived from the document's own models (`resumate.document.sections`), so
a field added there is one the assistant may fill here, with every string and list bounded as the
structured-output ladder requires. Its strings are loose (a date may come as "March 2016"): the
answer is checked against the file, then read as leniently as any import.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from resumate.document.fields import MAX_LIST_ITEMS, ResumeModel
from resumate.document.sections import (
    Award,
    Basics,
    Certificate,
    Education,
    Interest,
    Language,
    Project,
    Publication,
    Skill,
    Volunteer,
    Work,
)

# The sections the assistant sees and may answer; references (other people) and meta never.
SECTIONS: dict[str, type[ResumeModel]] = {
    "work": Work,
    "volunteer": Volunteer,
    "education": Education,
    "projects": Project,
    "awards": Award,
    "certificates": Certificate,
    "publications": Publication,
    "skills": Skill,
    "languages": Language,
    "interests": Interest,
}
# Of the basics only these: the rest names, reaches or places the person.
BASICS_KEYS = ("label", "summary")
# A date has no length of its own (a pattern); written out ("15 September 2016") it fits this.
DATE_LENGTH = 40


class Loose(BaseModel):
    """Unknown keys ignored, and a null taken as a key left out (models write both)."""

    model_config = ConfigDict(extra="ignore")

    @model_validator(mode="before")
    @classmethod
    def _without_nulls(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {key: value for key, value in data.items() if value is not None}
        return data


def keys_of(model: type[ResumeModel]) -> tuple[str, ...]:
    """The JSON keys of a document model, in its order."""
    return tuple(field.alias or name for name, field in model.model_fields.items())


def _loose(model: type[ResumeModel], keys: tuple[str, ...]) -> type[BaseModel]:
    """`model`'s fields named by `keys`, each an optional string or list of strings, bounded."""
    properties = model.model_json_schema(by_alias=True)["properties"]
    fields: dict[str, Any] = {}
    for key in keys:
        shape = properties[key]
        if shape.get("type") == "array":
            item = Field(max_length=shape["items"].get("maxLength", DATE_LENGTH))
            words: Any = list[Annotated[str, item]]
            bound = Field(default=None, max_length=shape["maxItems"])
            fields[key] = (words, bound)
        else:
            bound = Field(default=None, max_length=shape.get("maxLength", DATE_LENGTH))
            fields[key] = (str, bound)
    answer: type[BaseModel] = create_model(f"Tidied{model.__name__}", __base__=Loose, **fields)
    return answer


def _list_of(item: Any) -> Any:
    """`list[item]` of a model made while the module loads, which a type checker cannot see."""
    return list[item]


def _answer() -> type[BaseModel]:
    sections: dict[str, Any] = {
        key: (_list_of(_loose(model, keys_of(model))), Field(None, max_length=MAX_LIST_ITEMS))
        for key, model in SECTIONS.items()
    }
    basics = _loose(Basics, BASICS_KEYS)
    answer: type[BaseModel] = create_model(
        "TidiedResume", __base__=Loose, basics=(basics, None), **sections
    )
    return answer


TidiedResume = _answer()
