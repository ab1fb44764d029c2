"""What asking for an upload form takes and answers."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from resumate.schemas import ApiModel
from resumate.transfer.direct.service import Ticket
from resumate.transfer.reading.limits import MAX_BYTES


class UploadRequest(ApiModel):
    filename: str = Field(
        default="",
        max_length=255,
        pattern=r"^[^\x00-\x1f\x7f]*$",
        description="The file's name on the person's computer, kept with the upload; the"
        " import tells a file's kind from its content, so this is only a hint.",
        examples=["resume.pdf"],
    )


class UploadTicketOut(ApiModel):
    """Send the file as `multipart/form-data` to `url`: every one of `fields` as a form field,
    then the file as the field `file`, last. The bucket answers 204 when it has it."""

    upload_id: str = Field(
        description="Import the file by it: `POST /api/resumes/import/uploads/{uploadId}`."
    )
    url: str = Field(description="Where to POST the form: the uploads bucket.")
    fields: dict[str, str] = Field(description="The form's signed fields, sent as they are.")
    expires_at: datetime = Field(description="The form is refused after this moment.")
    max_bytes: int = Field(description="The largest file the form takes.")


def ticket_out(ticket: Ticket) -> UploadTicketOut:
    return UploadTicketOut(
        upload_id=ticket.upload_id,
        url=ticket.form.url,
        fields=ticket.form.fields,
        expires_at=ticket.expires_at,
        max_bytes=MAX_BYTES,
    )
