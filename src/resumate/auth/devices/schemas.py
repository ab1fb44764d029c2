"""The devices signed in, as the API answers them."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field

from resumate.auth.devices.service import DeviceSessionView
from resumate.schemas import ApiModel


class DeviceSessionOut(ApiModel):
    id: uuid.UUID = Field(
        description="Names the session in `DELETE /api/auth/sessions/{id}`. Not a credential: "
        "it cannot sign anyone in."
    )
    label: str = Field(description="Browser and system, as “Chrome on Windows”.")
    browser: str | None
    os: str | None
    current: bool = Field(description="Whether this is the session the request was made in.")
    created_at: datetime = Field(description="When this device signed in.")
    last_used_at: datetime = Field(
        description="When the session was last renewed (about every 15 minutes while in use)."
    )
    address: str = Field(description="The address the device last renewed the session from.")
    user_agent: str

    @classmethod
    def of(cls, view: DeviceSessionView) -> DeviceSessionOut:
        return cls(
            id=view.id,
            label=view.device.label,
            browser=view.device.browser,
            os=view.device.os,
            current=view.current,
            created_at=view.created_at,
            last_used_at=view.last_used_at,
            address=view.address,
            user_agent=view.user_agent,
        )
