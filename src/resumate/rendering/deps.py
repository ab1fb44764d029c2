"""The renderer (one warm Chromium per process) as a dependency."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from resumate.components import Slot
from resumate.rendering.renderer import Renderer

RENDERER: Slot[Renderer] = Slot("renderer")
RendererDep = Annotated[Renderer, Depends(RENDERER)]
