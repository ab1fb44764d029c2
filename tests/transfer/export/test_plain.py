"""Plain text: every field, in the design's order and language, one paragraph a line."""

from __future__ import annotations

import pytest

from resumate.document.sample import sample_resume
from resumate.transfer.export.plain import plain_text
from tests.transfer.export.fields import missing
from tests.transfer.export.resumes import MAKERS, arabic, german, outlined


@pytest.mark.parametrize("resume", sorted(MAKERS))
def test_every_field_is_in_the_text(resume: str) -> None:
    data = MAKERS[resume]()
    written = outlined(data)
    assert missing(data, plain_text(written), written.style.language) == {}


def test_links_are_written_out_since_a_form_keeps_none() -> None:
    text = plain_text(outlined(sample_resume()))
    assert "https://mayaokafor.example.com" in text
    assert "https://linkedin.com/in/mayaokafor" in text
    data = {"basics": {"summary": "See [my talk](https://example.com/talk) and **this**."}}
    assert "See my talk (https://example.com/talk) and this." in plain_text(outlined(data))


def test_a_paragraph_is_one_line_for_the_form_to_wrap() -> None:
    summary = "word " * 400
    text = plain_text(outlined({"basics": {"name": "Ada", "summary": summary.strip()}}))
    assert summary.strip() in text.splitlines()


def test_headings_and_dates_are_in_the_resume_language() -> None:
    lines = plain_text(outlined(german())).splitlines()
    assert {"Berufserfahrung", "Kenntnisse", "März 2020 – heute"} <= set(lines)


def test_right_to_left_text_keeps_its_logical_order() -> None:
    data = arabic()
    text = plain_text(outlined(data))
    assert data["basics"]["name"] in text.splitlines()
    assert "layla@example.com" in text


def test_sections_follow_the_design_and_hidden_ones_are_left_out() -> None:
    theme = {"sectionOrder": ["skills", "work"], "hiddenSections": ["education"]}
    text = plain_text(outlined(sample_resume(), theme))
    assert text.index("Skills") < text.index("Experience")
    assert "University of Leeds" not in text


def test_characters_no_form_takes_are_left_out() -> None:
    data = {"basics": {"name": "Ada\x00 Love\x1b[31mlace", "summary": "a\u200bb\tc"}}
    text = plain_text(outlined(data))
    assert "Ada Love[31mlace" in text
    assert not {"\x00", "\x1b"} & set(text)
    assert "a\u200bb\tc" in text  # not control characters: kept as written
