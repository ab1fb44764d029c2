"""The mailer as a dependency."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from resumate.components import Slot
from resumate.mail.base import Mailer

MAILER: Slot[Mailer] = Slot("mailer")
MailerDep = Annotated[Mailer, Depends(MAILER)]
