"""Per-resume theme options that every template honours."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator

from resumate.schemas import ApiInput

Section = Literal[
    "summary",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
]
SECTIONS: tuple[Section, ...] = Section.__args__

FontFamily = Literal["sans", "serif", "mono"]


class Theme(ApiInput):
    accent_color: str = Field(default="#1d4ed8", pattern=r"^#[0-9a-fA-F]{6}$")
    font_family: FontFamily = "serif"
    font_size: float = Field(default=10.5, ge=8, le=14, description="points")
    line_height: float = Field(default=1.4, ge=1.0, le=2.0)
    margin_mm: float = Field(default=18, ge=5, le=40)
    page_size: Literal["A4", "Letter"] = "A4"
    section_order: list[Section] = Field(default_factory=lambda: list(SECTIONS))
    hidden_sections: list[Section] = Field(default_factory=list)

    @field_validator("section_order", "hidden_sections")
    @classmethod
    def _no_repeats(cls, sections: list[Section]) -> list[Section]:
        if len(set(sections)) != len(sections):
            raise ValueError("lists a section more than once")
        return sections

    def stored(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True)


def default_theme() -> dict[str, Any]:
    return Theme().stored()
