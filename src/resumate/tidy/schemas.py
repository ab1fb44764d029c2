"""The answer of tidying: what the import's dry run answers, and which fields the assistant
changed."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from fastapi import Response
from pydantic import Field

from resumate.transfer.lenient import ImportWarning
from resumate.transfer.schemas import ImportWarningOut, ParsedFileOut
from resumate.transfer.upload import ImportKind

CHANGED = (
    "The path of each field the assistant changed, moved or emptied (`work[0].position`,"
    " `work[1].highlights[2]`), to check; empty when it changed nothing. Every text in the"
    " document is text of the file: what the assistant gave that was not is left as read and"
    " named in `warnings`."
)


class TidiedFileOut(ParsedFileOut):
    """A dry run's answer, tidied by the assistant: nothing is saved."""

    changed: list[str] = Field(description=CHANGED)


@dataclass(frozen=True)
class Tidied:
    document: dict[str, Any]
    confidence: dict[str, float]
    warnings: list[ImportWarning]
    kind: ImportKind
    pages: int
    changed: list[str] = field(default_factory=list)


def tidied_answer(tidied: Tidied) -> Response:
    """The tidied reading, as a 200."""
    body = TidiedFileOut.model_construct(
        document=tidied.document,
        confidence=tidied.confidence,
        warnings=[ImportWarningOut.model_construct(**asdict(note)) for note in tidied.warnings],
        kind=tidied.kind,
        pages=max(tidied.pages, 1),
        changed=tidied.changed,
    )
    return Response(
        body.model_dump_json(by_alias=True), status_code=200, media_type="application/json"
    )
