"""Keys and download names: only a portable, harmless subset gets through."""

from __future__ import annotations

import pytest

from resumate.storage.base import content_disposition, validate_filename, validate_key


@pytest.mark.parametrize(
    "key",
    [
        "pdfs/3f2a9c1e-0000-4000-8000-000000000000/ab12.pdf",
        "thumbnails/classic.png",
        "a",
        "a.b-c_d",
    ],
)
def test_portable_keys_are_accepted(key: str) -> None:
    assert validate_key(key) == key


@pytest.mark.parametrize(
    "key",
    [
        "",
        "/etc/passwd",
        "../x",
        "a/../b",
        "a/..",
        "a..b",
        "a//b",
        "a/./b",
        "a/",
        "with space",
        "r\u00e9sum\u00e9.pdf",
        "a\\b",
        "%2e%2e/x",
        "a|b",
        "x" * 513,
    ],
)
def test_keys_that_could_escape_or_confuse_are_refused(key: str) -> None:
    with pytest.raises(ValueError, match="storage key"):
        validate_key(key)


def test_a_key_may_be_512_characters_long() -> None:
    assert validate_key("k" * 512)


def test_a_plain_filename_is_quoted_as_is() -> None:
    assert content_disposition("resume.pdf") == 'attachment; filename="resume.pdf"'


def test_a_unicode_filename_gets_an_ascii_fallback_and_the_exact_name() -> None:
    header = content_disposition("R\u00e9sum\u00e9 Jos\u00e9.pdf")
    assert header == (
        'attachment; filename="Resume Jose.pdf"; '
        "filename*=UTF-8''R%C3%A9sum%C3%A9%20Jos%C3%A9.pdf"
    )


def test_quotes_and_separators_cannot_break_out_of_the_header() -> None:
    header = content_disposition('../a"; filename="evil.exe')
    assert header.startswith('attachment; filename="_a_ filename_evil.exe"')
    assert header.count('"') == 2


def test_a_filename_with_control_characters_is_refused() -> None:
    with pytest.raises(ValueError, match="filename"):
        validate_filename("resume\r\nSet-Cookie: x.pdf")
