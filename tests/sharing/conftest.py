"""Share links through the API and the visitor's pages."""

from __future__ import annotations

from typing import Any

import httpx

from tests.helpers import Account, create_resume

DATA: dict[str, Any] = {
    "basics": {
        "name": "Grace Hopper",
        "label": "Rear Admiral",
        "email": "grace@navy.example",
        "phone": "+1 202 555 0199",
        "image": "data:image/png;base64,iVBORw0KGgo=",
        "location": {"address": "12 Harbor Road", "postalCode": "20001", "city": "Arlington"},
    },
    "summary": (
        "Call +1 202 555 0199 or write grace@navy.example. Building compilers at Remington Rand."
    ),
    "work": [
        {
            "name": "Remington Rand",
            "url": "https://remington.example",
            "position": "Senior Mathematician",
            "startDate": "1949-06",
            "highlights": ["Led the A-0 compiler at Remington Rand"],
        },
        {"name": "Harvard", "position": "Programmer", "startDate": "1944", "endDate": "1949"},
    ],
}


async def resume_with_share(
    client: httpx.AsyncClient, account: Account, **share: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A resume of `DATA`, and a link to it made with `share`'s settings."""
    resume = await create_resume(client, account, title="Grace", data=DATA)
    body = {"label": "Acme Corp"} | share
    made = await client.post(
        f"/api/resumes/{resume['id']}/shares", json=body, headers=account.headers
    )
    assert made.status_code == 201, made.text
    link: dict[str, Any] = made.json()
    return resume, link


def path_of(link: dict[str, Any]) -> str:
    return "/r/" + str(link["url"]).rsplit("/r/", 1)[1]
