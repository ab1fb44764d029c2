"""What every printed PDF must be, whichever test printed it."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from tests.resume_parser import private_use, text_items

# The families bundled in resumate/rendering/fonts, as Chromium names them in a PDF.
BUNDLED = (
    "Inter",
    "SourceSans3",
    "SourceSerif4",
    "JetBrainsMono",
    "IBMPlexSansArabic",
    "NotoSansHebrew",
    "NotoSansSC",
    "NotoSansTC",
    "NotoSansJP",
    "NotoSansKR",
    "NotoEmoji",
)


def page_fonts(pdf: bytes) -> list[DictionaryObject]:
    """The font dictionaries of every page of a PDF."""
    found = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        for ref in (fonts.get_object() if fonts is not None else DictionaryObject()).values():
            found.append(ref.get_object())
    return found


def font_names(pdf: bytes) -> set[str]:
    """Every font a PDF's pages use, without the subset tag (`AAAAAA+Inter-Bold` → `Inter-Bold`)."""
    names = set()
    for font in page_fonts(pdf):
        base = str(font.get("/BaseFont", f"<{font.get('/Subtype')} without a name>"))
        names.add(base.lstrip("/").split("+", 1)[-1])
    return names


def assert_no_type3(pdf: bytes) -> None:
    """No Type 3 font: Chromium draws one where a face is missing (synthetic bold) or variable;
    it triples the file and splits a bold title apart in the text layer."""
    drawn = [font for font in page_fonts(pdf) if font.get("/Subtype") == "/Type3"]
    assert not drawn, f"the PDF draws glyphs with {len(drawn)} Type 3 font(s), not a bundled face"


def assert_bundled_fonts(pdf: bytes) -> None:
    """Only the bundled families: any other font means Chromium fell back to the system's."""
    foreign = sorted(name for name in font_names(pdf) if not name.startswith(BUNDLED))
    assert not foreign, f"the PDF uses fonts that are not bundled: {foreign}"


def assert_readable(pdf: bytes) -> None:
    """What a reader and a parser get: the bundled fonts (none drawn as Type 3), real characters,
    nothing off the page.

    The text layer is read twice, by pdfminer.six (which trusts the PDF's own character maps, as
    most résumé parsers do) and by poppler (`pdftotext`): neither may meet a private-use or
    unassigned code point, and no run of text may reach past the page's edges.
    """
    assert_bundled_fonts(pdf)
    assert_no_type3(pdf)
    items, widths = text_items(pdf)
    mined = "".join(item.text for item in items)
    assert private_use(mined) == [], f"pdfminer reads {private_use(mined)!r}"
    outside = [item.text for item in items if item.x0 < -0.5 or item.x1 > widths[item.page] + 0.5]
    assert outside == [], f"text runs off the page: {outside[:3]}"
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "printed.pdf"
        path.write_bytes(pdf)
        popped = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
        ).stdout.decode()
    assert private_use(popped) == [], f"poppler reads {private_use(popped)!r}"
