"""An uploaded file: refused only when it is not JSON or not one object."""

from __future__ import annotations

import pytest

from resumate.transfer.service import FileInvalid, read_json_resume


def test_a_byte_order_mark_is_skipped() -> None:
    imported = read_json_resume(b'\xef\xbb\xbf{"basics": {"name": "Ada"}}\r\n')
    assert imported.document.basics is not None
    assert imported.document.basics.name == "Ada"
    assert imported.warnings == []


def test_text_after_the_json_is_left_out_and_reported() -> None:
    imported = read_json_resume(b'{"basics": {"name": "Ada"}}\n}\n// end')
    assert [(w.path, w.value, w.message) for w in imported.warnings] == [
        ("(after the JSON)", "}\n// end", "Left out: not JSON.")
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Choose a JSON Resume file"),
        (b"\xff\xfe\x00", "This file is not text"),
        (b'\n\n  {"basics": }', "This file is not valid JSON (line 3, column 14"),
        (b'["not", "an", "object"]', "it must hold one object"),
        (b'"just text"', "it must hold one object"),
    ],
)
def test_only_what_is_not_one_json_object_is_refused(content: bytes, message: str) -> None:
    with pytest.raises(FileInvalid, match=message.replace("(", r"\(")):
        read_json_resume(content)
