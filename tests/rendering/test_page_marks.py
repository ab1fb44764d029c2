"""Later pages' name and page numbers: off unless chosen, never on the first page."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from resumate.document.theme import Theme
from resumate.rendering.page_style import resolve

DATA = {"basics": {"name": "Ada  Lovelace\n"}}


def test_both_are_off_by_default() -> None:
    assert "@top-right" not in resolve({}, {}, DATA).css()
    assert "@bottom-right" not in resolve({}, {}, DATA).css()


def test_the_running_header_shows_the_name_on_later_pages() -> None:
    css = resolve({"runningHeader": True}, {}, DATA).css()
    assert '@top-right { content: "Ada Lovelace";' in css
    assert "counter(page)" not in css
    assert "@page :first { @top-right { content: none; }" in css


def test_page_numbers_count_every_page() -> None:
    css = resolve({"pageNumbers": True}, {}, {}).css()
    assert 'content: counter(page) " / " counter(pages);' in css
    assert "@top-right {" not in css.split("@page :first")[0]


def test_no_name_no_running_header() -> None:
    assert "@top-right {" not in resolve({"runningHeader": True}, {}, {}).css()


def test_the_marks_use_the_body_font() -> None:
    css = resolve({"pageNumbers": True, "fontFamily": "inter"}, {}, {}).css()
    assert (
        '@bottom-right { content: counter(page) " / " counter(pages); font-family: "Inter"' in css
    )


def test_a_right_to_left_resume_has_its_marks_at_the_left() -> None:
    both = {"runningHeader": True, "pageNumbers": True, "language": "he"}
    css = resolve(both, {}, DATA).css()
    assert '@top-left { content: "Ada Lovelace";' in css
    assert '@bottom-left { content: counter(page) " / " counter(pages);' in css
    assert "@page :first { @top-left { content: none; } @bottom-left { content: none; } }" in css
    assert "-right {" not in css


@pytest.mark.parametrize("value", [0, 1, "yes", None])
def test_the_switches_take_true_or_false_only(value: object) -> None:
    with pytest.raises(ValidationError):
        Theme.model_validate({"pageNumbers": value})
