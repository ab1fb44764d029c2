"""Plain text and Markdown read into lines with the cues their markup gives."""

from __future__ import annotations

import pytest

from resumate.transfer.reading.limits import Unreadable
from resumate.transfer.reading.lines import CELL, Line, Span
from resumate.transfer.reading.text import MAX_CHARS, read_text

RESUME = """\
# Jane Doe
jane@example.com | [LinkedIn](https://www.linkedin.com/in/jane) | Berlin

## Experience
**Senior Engineer, Acme GmbH**        03/2019 – present
- Built the **payments** service in *Go*
- Cut build times by 40%

## Skills
| Area | Tools |
|------|-------|
| Languages | Python, Go |
"""


def lines(text: str | bytes) -> list[Line]:
    return read_text(text).lines


def only(text: str | bytes) -> Line:
    [line] = lines(text)
    return line


def test_a_markdown_resume_reads_into_lines_in_order() -> None:
    source = read_text(RESUME)
    assert source.kind == "text"
    assert [line.text for line in source.lines] == [
        "Jane Doe",
        "jane@example.com | LinkedIn | Berlin",
        "Experience",
        f"Senior Engineer, Acme GmbH{CELL}03/2019 – present",
        "Built the payments service in Go",
        "Cut build times by 40%",
        "Skills",
        f"Area{CELL}Tools",
        f"Languages{CELL}Python, Go",
    ]


def test_hash_headings_are_headings_sized_by_level() -> None:
    found = lines("# Jane\n## Experience\n### Acme\nbody")
    assert [(line.heading, line.size) for line in found] == [
        (True, 2.0),
        (True, 1.5),
        (True, 1.2),
        (False, 1.0),
    ]


def test_setext_underlines_make_the_line_above_a_heading() -> None:
    found = lines("Jane Doe\n========\nExperience\n----------\nAcme")
    assert [(line.text, line.heading, line.size) for line in found] == [
        ("Jane Doe", True, 2.0),
        ("Experience", True, 1.5),
        ("Acme", False, 1.0),
    ]


def test_a_rule_is_dropped_and_counts_as_a_gap() -> None:
    found = lines("Jane Doe\n\n---\nExperience\n***\nAcme")
    assert [(line.text, line.heading, line.gap) for line in found] == [
        ("Jane Doe", False, 0.0),
        ("Experience", False, 1.0),
        ("Acme", False, 1.0),
    ]


def test_blank_lines_give_a_gap_to_the_next_line_only() -> None:
    found = lines("\n\nJane\n\n\nExperience\nAcme")
    assert [line.gap for line in found] == [0.0, 1.0, 0.0]


def test_bold_markers_around_the_whole_line_make_it_bold() -> None:
    line = only("**Senior Engineer**")
    assert (line.text, line.bold, line.spans) == (
        "Senior Engineer",
        True,
        (Span("Senior Engineer", bold=True),),
    )


def test_inline_emphasis_becomes_spans_and_the_line_is_not_bold() -> None:
    line = only("Built __payments__ in _Go_ and *Rust*")
    assert line.text == "Built payments in Go and Rust"
    assert not line.bold
    assert line.spans == (
        Span("Built "),
        Span("payments ", bold=True),
        Span("in "),
        Span("Go ", italic=True),
        Span("and "),
        Span("Rust", italic=True),
    )


def test_a_markdown_link_keeps_its_text_and_gives_its_address() -> None:
    line = only("Code on [GitHub](https://github.com/jane)")
    assert (line.text, line.links) == ("Code on GitHub", ("https://github.com/jane",))


def test_bare_addresses_and_emails_stay_text_and_are_links_too() -> None:
    line = only("jane@example.com · github.com/jane · https://jane.dev/cv_2024.")
    assert line.text == "jane@example.com · github.com/jane · https://jane.dev/cv_2024."
    assert line.links == ("mailto:jane@example.com", "github.com/jane", "https://jane.dev/cv_2024")


def test_underscores_inside_words_are_not_emphasis() -> None:
    line = only("first_name_last wrote snake_case_code")
    assert line.spans == (Span("first_name_last wrote snake_case_code"),)


def test_escaped_markers_stay_as_written() -> None:
    assert only(r"C\# and 5 \* 3").text == "C# and 5 * 3"


@pytest.mark.parametrize("marker", ["-", "*", "+", "•", "1.", "12)"])
def test_list_markers_are_taken_off_and_make_bullets(marker: str) -> None:
    line = only(f"{marker} Shipped the app")
    assert (line.text, line.bullet) == ("Shipped the app", True)


def test_a_year_at_the_start_is_not_a_numbered_item() -> None:
    assert not only("2019. A good year").bullet


def test_runs_of_spaces_between_text_become_cells() -> None:
    line = only("Acme GmbH, Berlin      03/2019 – present")
    assert line.cells == ["Acme GmbH, Berlin", "03/2019 – present"]


def test_two_spaces_after_a_full_stop_stay_a_space() -> None:
    assert only("Led a team.  Shipped v2").cells == ["Led a team. Shipped v2"]


def test_a_tab_is_a_cell() -> None:
    assert only("Acme\t2019").cells == ["Acme", "2019"]


def test_a_pipe_table_row_is_cells_and_its_separator_row_is_dropped() -> None:
    found = lines("| Area | Tools |\n| :--- | ---: |\n| Languages | Python |")
    assert [line.cells for line in found] == [["Area", "Tools"], ["Languages", "Python"]]


def test_capitals_are_marked_upper_but_not_a_heading() -> None:
    line = only("EXPERIENCE")
    assert (line.upper, line.heading) == (True, False)


def test_utf8_with_a_byte_order_mark_is_read() -> None:
    assert only("\ufeffJürgen Müller".encode()).text == "Jürgen Müller"


def test_cp1252_is_read_when_the_bytes_are_not_utf8() -> None:
    assert only("Jürgen Müller – Köln".encode("cp1252")).text == "Jürgen Müller – Köln"


def test_utf16_with_a_byte_order_mark_is_read() -> None:
    assert only("Jürgen Müller".encode("utf-16")).text == "Jürgen Müller"


def test_nul_bytes_are_refused() -> None:
    with pytest.raises(Unreadable, match="not a text file"):
        read_text(b"Jane\x00Doe")


def test_a_binary_of_control_characters_is_refused() -> None:
    with pytest.raises(Unreadable, match="not a text file"):
        read_text(bytes(range(1, 32)) * 10)


def test_a_text_over_the_limit_is_refused() -> None:
    with pytest.raises(Unreadable, match="too long"):
        read_text("word " * (MAX_CHARS // 5 + 1))


def test_a_very_long_line_is_read_without_its_emphasis() -> None:
    line = only("_a " * 20_000)
    assert line.text.startswith("_a _a")
    assert not line.italic
