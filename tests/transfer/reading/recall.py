"""How much of a resume an import gives back: its fields, compared one by one with the source.

A field is a leaf of the JSON Resume document (`work[0].highlights[2]`); it is recovered when
the import has the same value at the same path. Fields are read as the parser report reads
them (`resumate.transfer.report.compare.leaves`): dates at the precision templates print, a
bare site's link without its final slash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from resumate.transfer.report.compare import UNPRINTED, leaves

__all__ = ["Recall", "leaves", "recall"]


@dataclass
class Recall:
    expected: dict[str, str]
    found: dict[str, str]
    missed: dict[str, tuple[str, str | None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.missed = {
            path: (value, self.found.get(path))
            for path, value in self.expected.items()
            if self.found.get(path) != value
        }

    @property
    def share(self) -> float:
        return 1 - len(self.missed) / len(self.expected) if self.expected else 1.0


def recall(source: dict[str, Any], imported: dict[str, Any]) -> Recall:
    expected = {p: v for p, v in leaves(source).items() if not p.startswith(UNPRINTED)}
    return Recall(expected, leaves(imported))
