"""The fast content-stream reader yields what pdfminer's own parser yields, quirks and all."""

from __future__ import annotations

import pytest
from pdfminer.pdfinterp import PDFContentParser
from pdfminer.pdftypes import PDFStream
from pdfminer.psexceptions import PSEOF

from resumate.transfer.reading.content import objects
from tests.transfer.reading.test_pdf import HELVETICA, handmade, texts


def streams(*parts: bytes) -> list[PDFStream]:
    found = []
    for number, part in enumerate(parts, start=1):
        stream = PDFStream({}, part)
        stream.objid = number
        found.append(stream)
    return found


def pdfminer(*parts: bytes) -> str:
    read: list[object] = []
    try:
        parser = PDFContentParser(streams(*parts))
        while True:
            read.append(parser.nextobject()[1])
    except PSEOF:
        pass
    except Exception as error:  # what pdfminer fails with, the reader must fail with too
        read.append(type(error))
    return repr(read)  # repr tells 1 from 1.0 and names the type of every object


def ours(*parts: bytes) -> str:
    read: list[object] = []
    try:
        read.extend(objects(streams(*parts)))
    except Exception as error:
        read.append(type(error))
    return repr(read)


@pytest.mark.parametrize(
    "parts",
    [
        [b"BT /F1 12 Tf 72 700 Td (Hello) Tj 22.307999 0 Td <0013> Tj ET"],
        [b"1 -2 +3 .5 -.5 5. 007 1.2.3 - + . -. --5 +-5 0.0 3-4"],
        [b"1" * 5000 + b" 2 Td"],
        [b"/A#20B /A#2 /A#G /#41#4 /\xe9\xff /a/b /"],
        [b"(a(b)c) (a\\)b) (\\n\\t\\\\) (\\101\\1012\\7) (\\x) (\\0) ()"],
        [b"(\\\r\nq) (\\\rq) (\\\nq) (line\r\nbreak)"],
        [b"<0013> <123> < 0 1\n2 > <> <00>> 1 <zz> 2"],
        [b"[1 (a) <00> -2.5 [/N]] TJ [ ] ] } { 1 } [ 1 } 2 ]"],
        [b"/H2 <</MCID 0 /P [1 2] /Q <</R (x)>> /S>> BDC <</A>> x"],
        [b"T* ' \" true false null abc\x00def x1-2 d0 ) @ \x80 * #"],
        [b"% a comment\r\n1 2 m\x00 3 4 l % no line end"],
        [b"q BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q 1 2 Td"],
        [b"ID 1 EI"],
        [b"(\\777) Tj", b"1 Td"],
        [b"(" + b"a" * 4093 + b"\\\r\nb) Tj (" + b"c" * 4090 + b"\\\r\nd) Tj"],
        [b"1 2 T", b"d /F", b"1 12 Tf (a", b"b) Tj [1", b"2] <0", b"1> Tj"],
        [b"/A#", b"41 x"],
        [b"/", b"F1 x"],
        [b"<", b"<>> 1 >", b"> 2"],
        [b"(abc", b""],
        [b"", b"1 2 Td", b""],
    ],
)
def test_the_reader_yields_what_pdfminer_does(parts: list[bytes]) -> None:
    assert ours(*parts) == pdfminer(*parts)


def test_a_page_with_an_inline_image_reads_the_same() -> None:
    image = b"q 1 0 0 1 0 0 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q "
    drawn = b"BT /F1 12 Tf 72 700 Td (Before) Tj ET " + image + b"BT 72 680 Td (After) Tj ET"
    assert texts(handmade(drawn, HELVETICA)) == ["Before", "After"]
