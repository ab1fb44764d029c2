"""Per-resume theme options that every template honours."""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import Field, StrictBool, field_validator

from resumate.document.language import Language
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
SECTIONS: tuple[Section, ...] = get_args(Section)

# The bundled font families (resumate.rendering.fonts); None leaves the template's choice.
FontFamily = Literal["inter", "source-sans-3", "source-serif-4", "jetbrains-mono"]


class Theme(ApiInput):
    """A resume's look. Every option left as null takes the template's own default."""

    accent_color: str | None = Field(default=None, pattern=r"^#[0-9a-fA-F]{6}$")
    font_family: FontFamily | None = None
    font_size: float | None = Field(default=None, ge=8, le=14, description="points")
    line_height: float | None = Field(default=None, ge=1.0, le=2.0)
    margin_mm: float | None = Field(default=None, ge=5, le=40)
    page_size: Literal["A4", "Letter"] = "A4"
    section_order: list[Section] = Field(default_factory=lambda: list(SECTIONS))
    hidden_sections: list[Section] = Field(default_factory=list)
    # Strict: the schema says boolean, so 0, 1 or "yes" are refused rather than guessed at.
    running_header: StrictBool = Field(
        default=False, description="the name at the top of every page after the first"
    )
    page_numbers: StrictBool = Field(
        default=False, description='"2 / 3" at the foot of every page after the first'
    )
    language: Language | None = Field(
        default=None,
        description="BCP 47 tag the headings, dates and fonts follow; null: the resume's "
        "meta.language, else the language its text is written in, else English",
    )

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
