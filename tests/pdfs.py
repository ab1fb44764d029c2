"""What every printed PDF must be, whichever test printed it."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

# The families bundled in resumate/rendering/fonts, as Chromium names them in a PDF.
BUNDLED = ("Inter", "SourceSans3", "SourceSerif4", "JetBrainsMono", "NotoSansSC")


def font_names(pdf: bytes) -> set[str]:
    """Every font a PDF's pages use, without the subset tag (`AAAAAA+Inter-Bold` → `Inter-Bold`)."""
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        for ref in (fonts.get_object() if fonts is not None else DictionaryObject()).values():
            font = ref.get_object()
            base = str(font.get("/BaseFont", f"<{font.get('/Subtype')} without a name>"))
            names.add(base.lstrip("/").split("+", 1)[-1])
    return names


def assert_bundled_fonts(pdf: bytes) -> None:
    """Only the bundled families: any other font means Chromium fell back to the system's."""
    foreign = sorted(name for name in font_names(pdf) if not name.startswith(BUNDLED))
    assert not foreign, f"the PDF uses fonts that are not bundled: {foreign}"
