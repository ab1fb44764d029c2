"""The history as people read it: saves grouped into editing bursts.

Every save stays a row of its own (restoring any of them works as before); only the listing
groups them. A burst is a run of saves each less than `BURST_GAP` after the one before. A
burst also ends at a state the person named, so a named version is always the last of its
entry and shows with its name; the resume's creation and each restore stand apart too, so the
state before a restore stays one click away.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

# Saves closer together than this are one sitting of typing.
BURST_GAP = timedelta(minutes=5)


@dataclass(frozen=True)
class Stamp:
    """One saved version, without its content."""

    version: int
    created_at: datetime
    name: str | None = None
    restored_from: int | None = None


@dataclass(frozen=True)
class Burst:
    first: Stamp
    last: Stamp  # the state the burst ended in: what the entry shows and restores
    edits: int
    restored: Stamp | None = None  # the version a restore that began the burst brought back

    @property
    def version(self) -> int:
        return self.last.version

    @property
    def name(self) -> str | None:
        return self.last.name

    @property
    def restored_from(self) -> int | None:
        return self.first.restored_from

    @property
    def created(self) -> bool:
        """The resume as it was made (imported, duplicated, written from scratch)."""
        return self.first.version == 1


def _starts_burst(previous: Stamp, stamp: Stamp, gap: timedelta) -> bool:
    return (
        stamp.created_at - previous.created_at >= gap
        or previous.name is not None
        or previous.version == 1
        or stamp.restored_from is not None
    )


def bursts(stamps: Sequence[Stamp], gap: timedelta = BURST_GAP) -> list[Burst]:
    """The saves (oldest first) as bursts, newest first."""
    by_number = {stamp.version: stamp for stamp in stamps}

    def burst(first: Stamp, last: Stamp, edits: int) -> Burst:
        restored = by_number.get(first.restored_from) if first.restored_from else None
        return Burst(first, last, edits, restored)

    found: list[Burst] = []
    start: Stamp | None = None
    previous: Stamp | None = None
    count = 0
    for stamp in stamps:
        if previous is not None and start is not None and _starts_burst(previous, stamp, gap):
            found.append(burst(start, previous, count))
            start, count = None, 0
        start = start or stamp
        previous = stamp
        count += 1
    if previous is not None and start is not None:
        found.append(burst(start, previous, count))
    found.reverse()
    return found
