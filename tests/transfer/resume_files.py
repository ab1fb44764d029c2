"""Resume files to import, made small and on the spot: a LinkedIn export, a text, hostile files."""

from __future__ import annotations

import csv
import io
import random
import zipfile

from resumate.transfer.reading.worker import READ_RESUME

# The reader the worker runs when a test makes a file hang or crash it (see `readers.py`).
TOLD = "tests.transfer.reading.readers:told"
assert TOLD != READ_RESUME
# The reader's time limit while the test reader runs: a hanging file is refused this soon.
TOLD_TIMEOUT = 3.0

TEXT_RESUME = """\
# Ada Lovelace
Analyst

ada@example.com | +44 20 7946 0958 | London

## Experience

**Analyst**, Babbage & Co
Jan 1842 – Dec 1843
- Wrote the first published program

## Skills
Mathematics, Poetry
"""


def csv_text(header: list[str], *rows: dict[str, str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([row.get(column, "") for column in header] for row in rows)
    return out.getvalue()


def zipped(files: dict[str, str | bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def linkedin_export() -> bytes:
    """LinkedIn's "copy of your data": a profile (with a birth date, which JSON Resume has no
    field for) and a position."""
    profile = ["First Name", "Last Name", "Headline", "Birth Date", "Geo Location"]
    positions = ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"]
    return zipped(
        {
            "Profile.csv": csv_text(
                profile,
                {
                    "First Name": "Grace",
                    "Last Name": "Hopper",
                    "Headline": "Rear Admiral",
                    "Birth Date": "Dec 9, 1906",
                    "Geo Location": "Arlington, Virginia",
                },
            ),
            "Positions.csv": csv_text(
                positions,
                {
                    "Company Name": "US Navy",
                    "Title": "Computer scientist",
                    "Started On": "Jan 1943",
                },
            ),
        }
    )


def random_bytes(size: int = 4096) -> bytes:
    return random.Random(7).randbytes(size)


def zip_bomb() -> bytes:
    """A ZIP of 30 KB that unpacks to 30 MB: a part a thousand times its size."""
    return zipped({"word/document.xml": b"\0" * (30 * 2**20)})


def old_word_file() -> bytes:
    """The start of a Word 97 to 2003 file (an OLE compound document)."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096
