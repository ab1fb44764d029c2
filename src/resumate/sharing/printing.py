"""The PDF and the preview image of what a link shows, printed once per content and kept.

Both are made from the redacted document only, and kept in the resume's own folders under the
content's hash (so the resume's deletion takes them too); a kept file that has gone (the
resume's newer PDF replaced it) is made again.
"""

from __future__ import annotations

import asyncio

import pypdfium2 as pdfium

from resumate.rendering.renderer import Renderer
from resumate.resumes.files import pdf_key, thumbnail_folder
from resumate.resumes.pdf.service import printed_hash
from resumate.resumes.photo.service import inline_photo
from resumate.sharing.service import Shown
from resumate.storage.base import Storage, StorageNotFound
from resumate.transfer.reading.images import drawn, png, quantized


class SharePrinter:
    def __init__(self, storage: Storage, renderer: Renderer) -> None:
        self.storage = storage
        self.renderer = renderer

    async def pdf(self, shown: Shown) -> bytes:
        digest = printed_hash(shown.data, shown.theme, shown.template)
        key = pdf_key(shown.resume_id, digest)
        try:
            return await self.storage.get(key)
        except StorageNotFound:
            pass
        # From the redacted data: a hidden photo is not named there, so none is printed.
        document = shown.document(await inline_photo(self.storage, shown.resume_id, shown.data))
        printed = await self.renderer.pdf(
            document.html, title=document.title, author=document.author
        )
        await self.storage.put(key, printed.data, "application/pdf")
        return printed.data

    async def preview(self, shown: Shown) -> bytes:
        """The first page as a PNG, for link previews."""
        digest = printed_hash(shown.data, shown.theme, shown.template)
        key = f"{thumbnail_folder(shown.resume_id)}share-{digest}.png"
        try:
            return await self.storage.get(key)
        except StorageNotFound:
            pass
        image = await asyncio.to_thread(first_page, await self.pdf(shown))
        await self.storage.put(key, image, "image/png")
        return image


def first_page(pdf: bytes) -> bytes:
    with pdfium.PdfDocument(pdf) as document:
        return png(*quantized(drawn(document[0])))
