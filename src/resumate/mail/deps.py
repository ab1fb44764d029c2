"""The mailer, and the postbox that sends after the answer, as dependencies."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from resumate.components import Slot
from resumate.mail.base import Mailer
from resumate.mail.postbox import Postbox

MAILER: Slot[Mailer] = Slot("mailer")
MailerDep = Annotated[Mailer, Depends(MAILER)]

POSTBOX: Slot[Postbox] = Slot("postbox")
PostboxDep = Annotated[Postbox, Depends(POSTBOX)]
