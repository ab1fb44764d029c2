"""An imported document: every value kept that can be, the rest mended or left out and named."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from resumate.document.schemas import dump_resume
from resumate.transfer.contacts import email_problem, url_problem
from resumate.transfer.lenient import ImportRefused, read_leniently

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "jsonresume" / "sample.resume.json"


def read(document: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The document as stored, and each warning's message by path."""
    imported = read_leniently(document)
    return dump_resume(imported.document), {w.path: w.message for w in imported.warnings}


def test_a_valid_document_comes_in_exactly_as_it_is() -> None:
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert read(document) == (document, {})


def test_unknown_keys_are_kept_as_they_are() -> None:
    document = {"x-tool": {"v": [1, 2]}, "basics": {"pronouns": "she/her"}, "work": [{"team": 4}]}
    assert read(document) == (document, {})


def test_nulls_and_empty_dates_go_without_a_word() -> None:
    document = {"basics": {"name": "Bo", "label": None}, "work": [None, {"endDate": ""}]}
    assert read(document) == ({"basics": {"name": "Bo"}, "work": [{}]}, {})


def test_paths_name_the_file_as_written_when_an_entry_before_is_left_out() -> None:
    document = {"work": ["Acme", {"name": "Initech", "endDate": "present"}]}
    stored, warnings = read(document)
    assert stored == {"work": [{"name": "Initech"}]}
    assert warnings == {
        "work[0]": "Left out: this must be an object { … }.",
        "work[1].endDate": "Read as ongoing: no end date.",
    }


def test_the_warning_keeps_the_value_as_written() -> None:
    imported = read_leniently({"work": [{"startDate": 2016, "highlights": "Led"}]})
    assert [(w.path, w.value) for w in imported.warnings] == [
        ("work[0].startDate", "2016"),
        ("work[0].highlights", "Led"),
    ]


def test_now_is_not_a_start_date() -> None:
    stored, warnings = read({"projects": [{"name": "X", "startDate": "present"}]})
    assert stored == {"projects": [{"name": "X"}]}
    assert warnings["projects[0].startDate"].startswith("Left out: it says “now”")


def test_an_unreadable_end_date_says_the_entry_now_reads_as_ongoing() -> None:
    _, warnings = read({"work": [{"endDate": "Summer 2019"}]})
    assert warnings["work[0].endDate"].endswith("The entry reads as ongoing until it has one.")


def test_an_old_key_is_read_as_todays_unless_both_are_there() -> None:
    stored, warnings = read({"work": [{"company": "A"}, {"company": "B", "name": "B Inc."}]})
    assert stored == {"work": [{"name": "A"}, {"company": "B", "name": "B Inc."}]}
    assert warnings == {"work[0].company": "Read as name, its name in JSON Resume 1.0."}


def test_an_old_key_left_out_is_named_as_the_file_has_it() -> None:
    _, warnings = read({"basics": {"website": "N/A"}})
    assert warnings == {"basics.website": "Left out: a placeholder, not a link."}


def test_an_address_is_read_without_spaces_or_mailto() -> None:
    stored, warnings = read({"basics": {"email": " mailto:ada@lovelace.org"}})
    assert stored == {"basics": {"email": "ada@lovelace.org"}}
    assert warnings == {"basics.email": "Read as ada@lovelace.org."}


def test_too_long_a_list_keeps_its_first_items() -> None:
    stored, warnings = read({"skills": [{"keywords": [f"k{i}" for i in range(60)]}]})
    assert stored["skills"][0]["keywords"] == [f"k{i}" for i in range(50)]
    assert warnings == {"skills[0].keywords": "Kept the first 50 of 60 items, the most it holds."}


def test_a_section_that_is_text_is_left_out() -> None:
    stored, warnings = read({"basics": {"name": "Bo"}, "interests": "chess"})
    assert stored == {"basics": {"name": "Bo"}}
    assert warnings == {"interests": "Left out: text cannot go here."}


def test_a_document_larger_than_any_resume_is_refused() -> None:
    with pytest.raises(ImportRefused, match="at most 512 KB"):
        read_leniently({"notes": "x" * 600_000})


@pytest.mark.parametrize(
    "address",
    ["N/A", "your@email", "email@example", "your@example.com", "me@site.test", "a b@c.de"],
)
def test_placeholder_and_broken_addresses_are_caught(address: str) -> None:
    assert email_problem(address) is not None


@pytest.mark.parametrize("address", ["maya.okafor@example.com", "ada@lovelace.org", "x@mail.co.uk"])
def test_real_looking_addresses_are_kept(address: str) -> None:
    assert email_problem(address) is None


@pytest.mark.parametrize(
    "link", ["N/A", "-", "http://", "your-website.com", "https://a b.com", "TBD"]
)
def test_placeholder_and_broken_links_are_caught(link: str) -> None:
    assert url_problem(link) is not None


@pytest.mark.parametrize(
    "link", ["https://ada.dev", "github.com/ada", "data:image/png;base64,AAAA", "/me.png"]
)
def test_links_that_can_be_followed_are_kept(link: str) -> None:
    assert url_problem(link) is None
