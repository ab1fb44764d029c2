"""A path in a document is named by the label the editor gives its field."""

from __future__ import annotations

import pytest

from resumate.document.labels import field_label, labelled, path_parts


def test_a_path_splits_into_keys_and_indices() -> None:
    assert path_parts("work[2].highlights[0]") == ["work", 2, "highlights", 0]


@pytest.mark.parametrize(
    ("path", "label"),
    [
        ("basics.email", "Personal details · Email"),
        ("basics", "Personal details"),
        ("basics.pronouns", "Personal details"),
        ("basics.location.postalCode", "Location · Postal code"),
        ("basics.profiles[0].url", "Profiles 1 · URL"),
        ("work[2].endDate", "Work experience 3 · End date"),
        ("work[1]", "Work experience 2"),
        ("skills[0].keywords[3]", "Skills 1 · Keywords"),
        ("publications[0].releaseDate", "Publications 1 · Release date"),
    ],
)
def test_a_field_the_editor_shows_is_named_by_its_label(path: str, label: str) -> None:
    assert field_label(path) == label


@pytest.mark.parametrize("path", ["x-tool", "meta.canonical", "$schema", "(after the JSON)"])
def test_a_path_the_editor_has_no_place_for_has_no_label(path: str) -> None:
    assert field_label(path) is None


def test_notes_get_their_labels_and_keep_the_rest() -> None:
    notes = [{"path": "basics.email", "value": "N/A", "message": "Left out."}]
    assert labelled(notes) == [{**notes[0], "label": "Personal details · Email"}]
    assert labelled(None) == []
