"""The share service and the links' keys as dependencies."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from resumate.auth.twofactor.deps import SECRET_BOX
from resumate.auth.twofactor.totp import SecretBox
from resumate.components import Slot
from resumate.deps import SessionDep
from resumate.sharing.keys import ShareKeys
from resumate.sharing.service import ShareService

SHARE_KEYS: Slot[ShareKeys] = Slot("share link keys")
ShareKeysDep = Annotated[ShareKeys, Depends(SHARE_KEYS)]
SecretBoxDep = Annotated[SecretBox, Depends(SECRET_BOX)]


async def get_share_service(session: SessionDep, box: SecretBoxDep) -> ShareService:
    return ShareService(session, box)


ShareServiceDep = Annotated[ShareService, Depends(get_share_service)]
