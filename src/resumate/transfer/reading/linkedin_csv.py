"""The CSV files of a LinkedIn data export: found in its ZIP, read past any notes, cell by cell.

LinkedIn writes UTF-8 CSVs, some with a byte order mark and some ("Connections.csv") with lines
of notes above the header row; an export unzipped and zipped again may hold them in a folder.
Each cell is read through a `Row`, which says in a warning what it could not keep and where it
is in the file ("Positions.csv, row 3"), so a person can find it; `Export.entries` makes a
file's rows a section's entries, their empty values left out.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from resumate.document.fields import MAX_HIGHLIGHTS, MAX_LIST_ITEMS, MAX_LONG_TEXT, MAX_SHORT_TEXT
from resumate.transfer.contacts import url_problem
from resumate.transfer.dates import means_now, read_date
from resumate.transfer.reading import limits

WHAT = "LinkedIn export"
# The files only a LinkedIn export has, one of which every export holds.
MARKERS = frozenset({"profile.csv", "positions.csv"})
NOT_AN_EXPORT = "This ZIP is not a LinkedIn data export: it has no Profile.csv or Positions.csv."
YEAR = re.compile(r"^[12]\d{3}$")
# LinkedIn writes some dates the American way, month first: 01/15/2020.
US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
# A description's line that starts like a bullet point: "• Led", "- Led", "* Led".
BULLET = re.compile(r"^(?:[•▪◦‣·]\s*|[-*–]\s+)")
MAX_SHOWN = 100


def file_key(name: str) -> str:
    """A member's name as compared: its file name in any case, spaces and underscores aside."""
    return re.sub(r"[\s_]", "", name.replace("\\", "/").rsplit("/", 1)[-1].casefold())


def csv_members(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The archive's CSV files by `file_key`; of two with one name, the one nearer the top."""
    found: dict[str, zipfile.ZipInfo] = {}
    for member in sorted(archive.infolist(), key=lambda member: member.filename.count("/")):
        if not member.is_dir() and member.filename.casefold().endswith(".csv"):
            found.setdefault(file_key(member.filename), member)
    return found


def listed(items: list[str]) -> str:
    """Items as a person lists them: "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def shown(value: str) -> str:
    """A value quoted in a warning, cut short when it is long."""
    return f"“{value}”" if len(value) <= MAX_SHOWN else f"“{value[:MAX_SHOWN]}…”"


def pruned(value: Any) -> Any:
    """The value without what is empty at any depth: no None, "", [] or {}."""
    if isinstance(value, dict):
        kept = {key: pruned(item) for key, item in value.items()}
        return {key: item for key, item in kept.items() if not _empty(item)}
    if isinstance(value, list):
        return [item for item in map(pruned, value) if not _empty(item)]
    return value


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


@dataclass
class Row:
    """One row of a file: its cells by lower-cased column, each stripped, the empty ones absent."""

    where: str
    cells: dict[str, str]
    warnings: list[str]

    def get(self, column: str) -> str:
        return self.cells.get(column.casefold(), "")

    def warn(self, message: str) -> None:
        self.warnings.append(f"{self.where}: {message}")

    def text(self, column: str, limit: int = MAX_SHORT_TEXT) -> str | None:
        return self.fit(self.get(column), column, limit)

    def long_text(self, column: str) -> str | None:
        return self.text(column, MAX_LONG_TEXT)

    def fit(self, value: str, what: str, limit: int = MAX_SHORT_TEXT) -> str | None:
        """The value, unless it is empty or longer than the field it goes to may be."""
        if len(value) > limit:
            self.warn(f"the {what} is longer than the {limit:,} characters it may have; left out.")
            return None
        return value or None

    def items(self, column: str) -> list[str]:
        """The items of a cell listing several: "[a], [b]", "a, b" or "[a,b]"."""
        return [item.strip(" []") for item in self.get(column).split(",") if item.strip(" []")]

    def described(self, column: str, key: str) -> dict[str, Any]:
        """A description: its bulleted lines as highlights, the rest as the text under `key`."""
        text = self.long_text(column)
        if text is None:
            return {}
        lines = [line.strip() for line in text.split("\n")]
        bullets = [BULLET.sub("", line) for line in lines if BULLET.match(line)]
        bullets = [bullet for bullet in bullets if bullet]
        if not bullets or len(bullets) > MAX_HIGHLIGHTS:
            return {key: text}
        prose = "\n".join(line for line in lines if not BULLET.match(line))
        return {key: re.sub(r"\n{3,}", "\n\n", prose).strip(), "highlights": bullets}

    def date(self, column: str) -> str | None:
        """The column's date as YYYY, YYYY-MM or YYYY-MM-DD; None when empty, "now" or unread."""
        written = self.get(column)
        if not written or means_now(written):
            return None
        iso = read_date(written) or (written if YEAR.match(written) else None) or us_date(written)
        if iso is None:
            self.warn(f"the {column} {shown(written)} is not a date the import can read; left out.")
        return iso

    def link(self, column: str) -> str | None:
        return self.checked_link(self.get(column), column)

    def checked_link(self, link: str, what: str) -> str | None:
        """The link, unless it is empty, cannot be followed or is too long for a link."""
        problem = url_problem(link) if link else None
        if problem:
            self.warn(f"the {what} {shown(link)} is {problem}; left out.")
            return None
        return self.fit(link, what)


def us_date(text: str) -> str | None:
    found = US_DATE.match(text)
    if not found:
        return None
    month, day, year = (int(part) for part in found.groups())
    try:
        return date(year, month, day).isoformat() if 1000 <= year <= 2999 else None
    except ValueError:
        return None


def header_index(records: list[list[str]], known: set[str]) -> int | None:
    """Which record is the header: the first naming one of the file's columns, past any notes."""
    for index, record in enumerate(records):
        if known & {cell.strip().casefold() for cell in record}:
            return index
    return None


class Export:
    """A LinkedIn export's CSV files, and the warnings reading them gathers."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.members = csv_members(archive)
        self.warnings: list[str] = []
        if not MARKERS & self.members.keys():
            raise limits.Unreadable(NOT_AN_EXPORT)

    def rows(
        self, name: str, columns: tuple[str, ...], unplaced: tuple[str, ...] = ()
    ) -> list[Row]:
        """The rows of one file under its header; none when the export does not hold it.

        `columns` are LinkedIn's columns for the file, which find its header row; `unplaced`
        those of them a JSON Resume has no field for, named in a warning when they hold text.
        """
        member = self.members.get(file_key(name))
        if member is None:
            return []
        title = member.filename.replace("\\", "/").rsplit("/", 1)[-1]
        records = self._records(member, title)
        known = {column.casefold() for column in (*columns, *unplaced)}
        index = header_index(records, known)
        if index is None:
            if any(cell.strip() for record in records for cell in record):
                self.warnings.append(f"{title} has no header row LinkedIn writes; left out.")
            return []
        header = [cell.strip().casefold() for cell in records[index]]
        rows = []
        for number, record in enumerate(records[index + 1 :], start=index + 2):
            cells = {
                column: cell.strip()
                for column, cell in zip(header, record, strict=False)
                if column and cell.strip()
            }
            if cells:
                rows.append(Row(f"{title}, row {number}", cells, self.warnings))
        left_out = [column for column in unplaced if any(row.get(column) for row in rows)]
        if left_out:
            verb = "has" if len(left_out) == 1 else "have"
            self.warnings.append(
                f"{title}: {listed(left_out)} {verb} no place in a JSON Resume; left out."
            )
        return rows

    def entries(
        self,
        name: str,
        columns: tuple[str, ...],
        entry: Callable[[Row], dict[str, Any]],
        unplaced: tuple[str, ...] = (),
    ) -> list[dict[str, Any]]:
        """A section's entries, one a row, their empty values left out, as many as it holds."""
        rows = self.rows(name, columns, unplaced)
        entries = [kept for row in rows if (kept := pruned(entry(row)))]
        if len(entries) > MAX_LIST_ITEMS:
            self.warnings.append(
                f"{name}: kept the first {MAX_LIST_ITEMS} of its {len(entries)} entries, "
                "the most a resume section holds."
            )
        return entries[:MAX_LIST_ITEMS]

    def _records(self, member: zipfile.ZipInfo, title: str) -> list[list[str]]:
        try:
            data = limits.read_member(self.archive, member.filename, limits.MAX_BYTES)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError):
            raise limits.Unreadable(
                f"This {WHAT} is damaged: its {title} cannot be unpacked."
            ) from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.warnings.append(f"{title} is not UTF-8 text, as LinkedIn writes it; left out.")
            return []
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        try:
            return list(csv.reader(io.StringIO(text)))
        except csv.Error:
            self.warnings.append(f"{title} is not a CSV file as LinkedIn writes it; left out.")
            return []
