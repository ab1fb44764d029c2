"""Per-resume theme options that every template honours."""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import (
    Field,
    StrictBool,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    field_validator,
)
from pydantic_core import PydanticCustomError

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
# The order a new resume prints in: what a reader looks for first, then the rest.
DEFAULT_ORDER: tuple[Section, ...] = (
    "summary",
    "work",
    "projects",
    "education",
    "skills",
    "volunteer",
    "awards",
    "certificates",
    "publications",
    "languages",
    "interests",
    "references",
)
# A section the person named themselves: "custom-" and its id in the document's customSections.
CUSTOM_PREFIX = "custom-"
CustomKey = Annotated[str, Field(pattern=r"^custom-[a-z0-9]{1,16}$")]


def _one_error(value: object, handler: ValidatorFunctionWrapHandler) -> object:
    """One message for a key that is neither kind, instead of one per branch of the union."""
    try:
        return handler(value)
    except ValidationError:
        raise PydanticCustomError(
            "section_key", 'must be a section name or "custom-" and a custom section\'s id'
        ) from None


SectionKey = Annotated[Section | CustomKey, WrapValidator(_one_error)]

# The bundled font families (resumate.rendering.fonts); None leaves the template's choice.
FontFamily = Literal["inter", "source-sans-3", "source-serif-4", "jetbrains-mono"]
# How dates print, each a CLDR skeleton in the resume's language (resumate.rendering.dates):
# "Mar 2021", "March 2021", "03/2021", "2021-03", "2021".
DateFormat = Literal["short", "long", "numeric", "iso", "year"]
PhotoShape = Literal["circle", "square"]
Colour = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]
HeadingText = Annotated[str, Field(min_length=1, max_length=60)]


class Theme(ApiInput):
    """A resume's look. Every option left as null takes the template's own default."""

    accent_color: Colour | None = None
    text_color: Colour | None = None
    background_color: Colour | None = None
    font_family: FontFamily | None = None
    font_size: float | None = Field(default=None, ge=8, le=14, description="points")
    line_height: float | None = Field(default=None, ge=1.0, le=2.0)
    margin_mm: float | None = Field(default=None, ge=5, le=40)
    spacing: float | None = Field(
        default=None, ge=0.5, le=1.5, description="space between sections and entries, × default"
    )
    page_size: Literal["A4", "Letter"] = "A4"
    section_order: list[SectionKey] = Field(default_factory=lambda: list[SectionKey](DEFAULT_ORDER))
    hidden_sections: list[SectionKey] = Field(default_factory=list)
    # Strict: the schema says boolean, so 0, 1 or "yes" are refused rather than guessed at.
    running_header: StrictBool = Field(
        default=False, description="the name at the top of every page after the first"
    )
    page_numbers: StrictBool = Field(
        default=False, description='"2 / 3" at the foot of every page after the first'
    )
    date_format: DateFormat = "short"
    section_headings: StrictBool = Field(default=True, description="print section headings")
    section_titles: dict[Section, HeadingText] = Field(
        default_factory=dict, description="a heading of the person's own for a section"
    )
    show_photo: StrictBool = Field(default=True, description="print basics.image where it fits")
    photo_shape: PhotoShape = "circle"
    language: Language | None = Field(
        default=None,
        description="BCP 47 tag the headings, dates and fonts follow; null: the resume's "
        "meta.language, else the language its text is written in, else English",
    )

    @field_validator("section_order", "hidden_sections")
    @classmethod
    def _no_repeats(cls, sections: list[SectionKey]) -> list[SectionKey]:
        if len(set(sections)) != len(sections):
            raise ValueError("lists a section more than once")
        return sections

    def stored(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True)


def default_theme() -> dict[str, Any]:
    return Theme().stored()
