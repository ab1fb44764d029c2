"""A Word export opened by LibreOffice and printed to PDF: a parser reading that PDF finds the
name, contact details, employers and job titles of every resume.

Links and Chinese characters are not compared: LibreOffice here prints hyperlinks as plain text
(no link annotations) and has no Chinese font, so those characters print as empty boxes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from resumate.transfer.export.word import word_file
from resumate.transfer.reading.files import read_resume
from tests.transfer.export.office import to_pdfs
from tests.transfer.export.resumes import RESUMES, outlined
from tests.transfer.reading.recall import recall


def key_fields(data: dict[str, Any]) -> set[str]:
    paths = {"basics.name", "basics.email", "basics.phone"}
    for index, _ in enumerate(data.get("work", [])):
        paths |= {f"work[{index}].name", f"work[{index}].position"}
    return paths


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    files = {name: word_file(outlined(make())) for name, make in RESUMES.items()}
    return to_pdfs(files, Path(tmp_path_factory.mktemp("office")))


@pytest.mark.parametrize("resume", sorted(RESUMES))
def test_a_parser_finds_the_key_fields_in_the_pdf_libreoffice_prints(
    printed: dict[str, bytes], resume: str
) -> None:
    data = RESUMES[resume]()
    found = recall(data, read_resume(printed[resume]).document)
    assert key_fields(data) <= found.expected.keys()
    assert {path: found.missed[path] for path in key_fields(data) if path in found.missed} == {}
    # Everything else but links and Chinese characters (see above) reads back too.
    others = {
        path: value
        for path, value in found.missed.items()
        if not path.endswith("url") and not any("\u4e00" <= c <= "\u9fff" for c in value[0])
    }
    assert others == {}
