"""The resumes every export is tried with, and the design they are exported in."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from resumate.templates.builtin import load_builtins
from resumate.transfer.export.outline import Outline, outline
from tests.transfer.reading.test_roundtrip import RESUMES

__all__ = ["CLASSIC", "RESUMES", "german", "outlined"]

CLASSIC = next(template for template in load_builtins() if template.slug == "classic")


def outlined(data: dict[str, Any], theme: dict[str, Any] | None = None) -> Outline:
    """The resume's outline in the Classic template's design, as the app exports it."""
    return outline(data, theme or {}, CLASSIC.defaults)


def german() -> dict[str, Any]:
    return {
        "basics": {"name": "Lena Schmidt", "label": "Pflegefachfrau"},
        "work": [{"name": "Charité", "position": "Pflegefachfrau", "startDate": "2020-03"}],
        "skills": [{"name": "Intensivpflege"}],
        "meta": {"language": "de"},
    }


def arabic() -> dict[str, Any]:
    return {
        "basics": {"name": "ليلى حسن", "label": "مهندسة برمجيات", "email": "layla@example.com"},
        "work": [{"name": "شركة النور", "position": "مهندسة", "startDate": "2019-01"}],
    }


MAKERS: dict[str, Callable[[], dict[str, Any]]] = {**RESUMES, "german": german, "arabic": arabic}
