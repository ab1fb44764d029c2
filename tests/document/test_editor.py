"""The editor's field table is tied to the document's models: no key can drift from them."""

from __future__ import annotations

from typing import Any

import pytest

from resumate.document.editor import (
    BASICS,
    KEPT_BY_FORM,
    LOCATION,
    PROFILE,
    SECTIONS,
    Field,
    Section,
    checked,
    keys_of,
)
from resumate.document.fields import DATE_PATTERN, EMAIL_PATTERN, MAX_LONG_TEXT, ResumeModel
from resumate.document.schemas import JsonResume
from resumate.document.sections import Basics, Location, Work

# The one key the form leaves alone: it travels with the document untouched.
NOT_EDITED = {"basics": {"image"}}


def property_of(model: type[ResumeModel], key: str) -> dict[str, Any]:
    found: dict[str, Any] = model.model_json_schema()["properties"][key]
    return found


def groups() -> list[tuple[str, type[ResumeModel], tuple[Field, ...]]]:
    listed = [(s.key, s.model, s.fields) for s in (*SECTIONS, PROFILE)]
    return [
        *listed,
        ("basics", Basics, (*BASICS, *KEPT_BY_FORM)),
        ("location", Location, LOCATION),
    ]


def test_a_misspelt_key_is_refused_when_the_table_is_declared() -> None:
    with pytest.raises(ValueError, match="Work has no field startdate"):
        checked(Work, Field("startdate", "Start date", "date"))


def test_a_section_heading_must_name_a_field_the_form_shows() -> None:
    with pytest.raises(ValueError, match="heading"):
        Section(Work, "work", "Work", "job", ("company",), (Field("name", "Company"),))


@pytest.mark.parametrize(("name", "model", "fields"), groups(), ids=lambda v: str(v)[:20])
def test_every_key_of_the_model_has_an_input_or_is_known_to_be_kept(
    name: str, model: type[ResumeModel], fields: tuple[Field, ...]
) -> None:
    assert keys_of(model) - {f.key for f in fields} == NOT_EDITED.get(name, set())


@pytest.mark.parametrize(("name", "model", "fields"), groups(), ids=lambda v: str(v)[:20])
def test_each_input_kind_matches_the_model_field(
    name: str, model: type[ResumeModel], fields: tuple[Field, ...]
) -> None:
    for field in fields:
        schema = property_of(model, field.key)
        if field.kind == "list":
            assert schema["type"] == "array", field.key
        elif field.kind == "date":
            assert schema["pattern"] == DATE_PATTERN, field.key
        elif field.kind == "long":
            assert schema["maxLength"] == MAX_LONG_TEXT, field.key
        elif field.kind == "email":
            assert schema["pattern"] == EMAIL_PATTERN, field.key
        elif field.key not in ("location", "profiles"):
            assert schema["type"] == "string", field.key


def test_the_editor_has_a_section_for_every_list_in_the_document() -> None:
    lists = {
        key
        for key, field in JsonResume.model_fields.items()
        if property_of(JsonResume, field.alias or key).get("type") == "array"
    }
    # The person's own sections have a card each, from CUSTOM (see test_custom_sections.py).
    assert {s.key for s in SECTIONS} == lists - {"custom_sections"}
