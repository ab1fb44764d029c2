"""The storage backend as a dependency."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from resumate.components import Slot
from resumate.storage.base import Storage

STORAGE: Slot[Storage] = Slot("storage")
StorageDep = Annotated[Storage, Depends(STORAGE)]
