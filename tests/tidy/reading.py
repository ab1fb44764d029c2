"""A Markdown resume whose second job the reader misreads, and calls to the tidy route."""

from __future__ import annotations

import json
from typing import Any

import httpx

from tests.helpers import Account

TIDY = "/api/resumes/import/tidy"
DRY_RUN = "/api/resumes/import?dryRun=true"

# The reader runs "Philadelphia" and the bullet under it into one summary of the second job.
RESUME = """\
# Grace Hopper
Rear Admiral

grace@navy.example.com | +1 202 555 0143 | https://grace.example.org | 12 Harbor Street, Arlington

## Experience

**Computer scientist**, US Navy
Jan 1943 – Dec 1966
- Wrote the first compiler, A-0, in 1952
- Led the team behind COBOL; reach me at hopper@cobol.example.net

**Senior mathematician**, Eckert-Mauchly
1949 – 1952
Philadelphia
Built UNIVAC I programs for 14 clients

## Skills
Compilers, COBOL, Mathematics
"""
FIRST_JOB: dict[str, Any] = {
    "name": "US Navy",
    "position": "Computer scientist",
    "startDate": "1943-01",
    "endDate": "1966-12",
    "highlights": [
        "Wrote the first compiler, A-0, in 1952",
        "Led the team behind COBOL; reach me at hopper@cobol.example.net",
    ],
}
SECOND_JOB: dict[str, Any] = {
    "name": "Eckert-Mauchly",
    "location": "Philadelphia",
    "position": "Senior mathematician",
    "startDate": "1949",
    "endDate": "1952",
    "highlights": ["Built UNIVAC I programs for 14 clients"],
}
# Whatever names, reaches or places Grace: none of it may be in a prompt.
CONTACT = (
    "Grace Hopper",
    "grace@navy.example.com",
    "202 555 0143",
    "grace.example.org",
    "12 Harbor Street",
    "Arlington",
    "hopper@cobol.example.net",
)


def upload(text: str = RESUME, name: str = "cv.md") -> dict[str, Any]:
    return {"files": {"file": (name, text.encode(), "text/markdown")}}


async def tidy(client: httpx.AsyncClient, account: Account, text: str = RESUME) -> httpx.Response:
    return await client.post(TIDY, **upload(text), headers=account.headers)


async def dry_run(client: httpx.AsyncClient, account: Account, text: str = RESUME) -> Any:
    response = await client.post(DRY_RUN, **upload(text), headers=account.headers)
    assert response.status_code == 200, response.text
    return response.json()


def answer(**sections: Any) -> str:
    """The assistant's answer: the sections it changed."""
    return json.dumps(sections)
