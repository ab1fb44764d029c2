"""The gallery's pictures are made ahead, when the app starts, and only the missing ones."""

from __future__ import annotations

from resumate.gallery.ahead import has_picture, make_gallery_pictures
from resumate.templates.service import TemplateService
from tests.helpers import AppParts


async def test_every_template_has_its_picture_made_ahead_once(context: AppParts) -> None:
    await make_gallery_pictures(context.database, context.storage, context.renderer)
    async with context.database.reader() as session:
        templates = await TemplateService(session).list_latest()
    assert templates
    assert all(has_picture(template) for template in templates)
    for template in templates:
        assert template.thumbnail_key is not None
        assert await context.storage.get(template.thumbnail_key)
    rendered = context.renderer.png

    async def no_rendering(*_args: object, **_kwargs: object) -> bytes:
        raise AssertionError("rendered again")

    context.renderer.png = no_rendering  # type: ignore[method-assign]
    try:
        assert await make_gallery_pictures(context.database, context.storage, context.renderer) == 0
    finally:
        context.renderer.png = rendered  # type: ignore[method-assign]
