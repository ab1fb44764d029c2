"""The gallery's pictures made ahead: when the app starts, every current template's picture that
is not stored yet is made, one after the other in the background, so no visitor waits for one."""

from __future__ import annotations

import logging

from resumate.db import Database
from resumate.rendering.renderer import Renderer
from resumate.rendering.thumbnail import SHOT_REVISION
from resumate.storage.base import Storage
from resumate.templates.models import Template
from resumate.templates.service import TemplateService, TemplateThumbnails

log = logging.getLogger("resumate.thumbnails")


def has_picture(template: Template) -> bool:
    """Whether the template names a stored picture of the current kind (sharp on any screen)."""
    key = template.thumbnail_key
    return bool(key and key.endswith(f"-r{SHOT_REVISION}.png"))


async def make_gallery_pictures(database: Database, storage: Storage, renderer: Renderer) -> int:
    """Make each current template's missing picture; how many were made. Failures are logged:
    the gallery makes a missing picture when it is asked for, as before."""
    try:
        async with database.reader() as session:
            templates = await TemplateService(session).list_latest()
    except Exception:  # no database yet, say: the gallery asks when shown
        log.exception("could not list the templates to make their pictures ahead")
        return 0
    made = 0
    for template in templates:
        if has_picture(template):
            continue
        try:
            async with database.reader() as session:
                await TemplateThumbnails(session, storage, renderer).png(template)
            made += 1
        except Exception:  # a background job has nobody to answer; the log is its report
            log.exception("making the %s template's picture ahead failed", template.slug)
    return made
