"""Where a resume's files live in storage: its PDFs, thumbnails and photo, one folder each.

Keys name the content they were made from (`pdfs/<resume id>/<content hash>.pdf`), and every
file of a resume sits under a folder of its own, so deleting the resume finds them all, also
one that was printed while the resume changed and so was never recorded on its row.
"""

from __future__ import annotations

import uuid


def pdf_folder(resume_id: uuid.UUID) -> str:
    return f"pdfs/{resume_id}/"


def pdf_key(resume_id: uuid.UUID, digest: str) -> str:
    return f"{pdf_folder(resume_id)}{digest}.pdf"


def thumbnail_folder(resume_id: uuid.UUID) -> str:
    return f"thumbnails/resumes/{resume_id}/"


def photo_folder(resume_id: uuid.UUID) -> str:
    return f"photos/resumes/{resume_id}/"


def folders(resume_id: uuid.UUID) -> tuple[str, ...]:
    return pdf_folder(resume_id), thumbnail_folder(resume_id), photo_folder(resume_id)
