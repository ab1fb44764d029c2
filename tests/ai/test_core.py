"""The shared pieces: prose fields by path, applying changes, and the skill gazetteer."""

from __future__ import annotations

from typing import Any

import pytest

from resumate.ai.changes import Change, apply_changes
from resumate.ai.fields import prose_fields, without_contact, writable
from resumate.ai.skills import find_skills, gazetteer


def resume() -> dict[str, Any]:
    return {
        "basics": {"name": "Ada", "email": "ada@example.com", "summary": "Engineer."},
        "work": [{"name": "Acme", "highlights": ["Built A", "Built B", "Built C"]}],
    }


def test_prose_fields_name_each_bullet_by_path() -> None:
    paths = [field.path for field in prose_fields(resume())]
    assert paths == [
        "basics.summary",
        "work[0].highlights[0]",
        "work[0].highlights[1]",
        "work[0].highlights[2]",
    ]


@pytest.mark.parametrize(
    ("path", "ok"),
    [
        ("basics.summary", True),
        ("work[3].highlights[12]", True),
        ("projects[0].description", True),
        ("basics.name", False),
        ("basics.email", False),
        ("work[0].name", False),
        ("work[0].startDate", False),
        ("skills[0].keywords[0]", False),
    ],
)
def test_only_prose_is_writable(path: str, ok: bool) -> None:
    assert writable(path) is ok


def test_a_change_applies_only_while_its_original_holds() -> None:
    changes = [
        Change(path="work[0].highlights[0]", original="Built A", new="Shipped A"),
        Change(path="work[0].highlights[1]", original="Built something else", new="X"),
    ]
    outcome = apply_changes(resume(), changes)
    assert outcome.data["work"][0]["highlights"] == ["Shipped A", "Built B", "Built C"]
    assert [(d.change.path, d.reason) for d in outcome.dropped] == [
        ("work[0].highlights[1]", "changed")
    ]


def test_removals_and_additions_do_not_shift_other_changes() -> None:
    changes = [
        Change(path="work[0].highlights[0]", original="Built A", new=""),
        Change(path="work[0].highlights[2]", original="Built C", new="Built C well"),
        Change(path="work[0].highlights[3]", original="", new="Built D"),
    ]
    outcome = apply_changes(resume(), changes)
    assert outcome.data["work"][0]["highlights"] == ["Built B", "Built C well", "Built D"]
    assert outcome.dropped == []


def test_facts_and_missing_fields_are_never_written() -> None:
    changes = [
        Change(path="basics.name", original="Ada", new="Grace"),
        Change(path="work[5].summary", original="", new="Invented"),
    ]
    outcome = apply_changes(resume(), changes)
    assert outcome.data == resume()
    assert [d.reason for d in outcome.dropped] == ["not_writable", "missing"]


def test_a_provider_never_sees_contact_details() -> None:
    assert without_contact(resume())["basics"] == {"summary": "Engineer."}


def test_the_gazetteer_finds_whole_names_and_skips_everyday_words() -> None:
    text = "Python or Go, REST APIs, AWS (ECS). C#, .NET and CI/CD. In spring we rest. QA, ai."
    assert [hit.term for hit in find_skills(text)] == [
        "python", "go", "rest apis", "aws", "ecs", "c#", ".net", "ci/cd", "qa",
    ]  # fmt: skip
    assert len(gazetteer()) > 30_000
