"""The example resume: what a new resume can start from, and what template previews show."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def sample_resume() -> dict[str, Any]:
    text = (resources.files("resumate.document") / "sample.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
