import io

from pypdf import PdfReader

from resumate.rendering.pdf_metadata import page_count, with_document_info

# A minimal one-page PDF with a classic xref table, as Chromium writes them.
MINIMAL = (
    b"%PDF-1.4\n1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n"
    b"2 0 obj\n<</Type /Pages /Kids [3 0 R] /Count 1>>\nendobj\n"
    b"3 0 obj\n<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>\nendobj\n"
)


def minimal_pdf() -> bytes:
    offsets, body = [], MINIMAL
    for number in (1, 2, 3):
        offsets.append(body.index(b"%d 0 obj" % number))
    xref = len(body)
    table = b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return body + table + b"trailer\n<</Size 4 /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % xref


def test_title_and_author_are_readable_in_any_script() -> None:
    pdf = with_document_info(
        minimal_pdf(), title="Ada — CV", author="Ада 你好", creator="Resumate AI"
    )
    reader = PdfReader(io.BytesIO(pdf), strict=True)
    assert reader.metadata is not None
    assert reader.metadata.title == "Ada — CV"
    assert reader.metadata.author == "Ада 你好"
    assert len(reader.pages) == 1


def test_the_original_bytes_are_kept() -> None:
    original = minimal_pdf()
    assert with_document_info(original, title="t", author="a", creator="c").startswith(original)


def test_an_unusual_trailer_is_left_alone() -> None:
    odd = b"%PDF-1.5\nno classic trailer here\n"
    assert with_document_info(odd, title="t", author="a", creator="c") == odd


def test_pages_are_counted() -> None:
    assert page_count(minimal_pdf()) == 1
