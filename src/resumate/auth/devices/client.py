"""What a device tells about itself when a session starts or renews: address and user agent."""

from __future__ import annotations

from dataclasses import dataclass

from resumate.auth.devices.models import ADDRESS_LENGTH, USER_AGENT_LENGTH


@dataclass(frozen=True)
class DeviceClient:
    address: str = ""
    user_agent: str = ""

    @classmethod
    def of(cls, address: str, user_agent: str | None) -> DeviceClient:
        """Cut to the columns' lengths, control characters dropped (they are shown on a page)."""
        agent = "".join(ch for ch in (user_agent or "") if ch.isprintable()).strip()
        return cls(address[:ADDRESS_LENGTH], agent[:USER_AGENT_LENGTH])
