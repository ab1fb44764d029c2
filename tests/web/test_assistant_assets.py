"""The editor's Assistant scripts agree with the server on what a proposal may change."""

from __future__ import annotations

import re
from pathlib import Path

from resumate.ai.fields import WRITABLE_PATH

FIELDS_JS = (
    Path(__file__).resolve().parents[2] / "src/resumate/web/static/js/editor/assistant/fields.js"
)


def test_the_rewrite_buttons_and_the_server_name_the_same_writable_fields() -> None:
    declared = re.search(r"export const WRITABLE = /(.+)/;", FIELDS_JS.read_text(encoding="utf-8"))
    assert declared is not None
    assert declared.group(1) == WRITABLE_PATH.pattern
