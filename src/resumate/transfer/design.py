"""A resume's design, its template and theme, carried in an exported file's `meta`.

JSON Resume keeps data for tools in `meta`, and other tools keep keys they do not know. An export
writes the design there, next to the resume's own meta keys, which stay as they are:

    "meta": {
      "version": "v1",                  <- the resume's own keys, untouched
      "theme": "classic",               <- the standard's theme name: the template's slug
      "resumate": {                     <- ours alone
        "template": "classic",
        "theme": {"accentColor": "#1f6feb", "fontFamily": "inter", "fontSize": 10.5,
                  "lineHeight": null, "marginMm": null, "pageSize": "A4",
                  "sectionOrder": ["summary", "work", ...], "hiddenSections": []}
      }
    }

`resumate.theme` is the resume's `Theme` with its API names; null takes the template's default.
An import reads the design back leniently: an option the `Theme` model refuses is dropped and
the rest kept, so a damaged or hand-edited block never stops a resume from coming in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from resumate.document.schemas import JsonResume, dump_resume, parse_resume
from resumate.document.theme import Theme

DESIGN_KEY = "resumate"


@dataclass(frozen=True)
class Design:
    """What a file's design block asks for; None where it says nothing usable."""

    template: str | None
    theme: Theme | None


def with_design(document: dict[str, Any], template: str, theme: dict[str, Any]) -> dict[str, Any]:
    """The exported document with the design in `meta`, after the resume's own meta keys."""
    meta = document.get("meta", {})
    if not isinstance(meta, dict):
        return document  # stored under older, looser limits: left as it is
    design = {"template": template, "theme": salvaged_theme(theme).stored()}
    # Replacing "meta" keeps its place, last, as the standard orders it; a new one goes last too.
    return {**document, "meta": {**meta, "theme": template, DESIGN_KEY: design}}


def read_design(data: JsonResume) -> tuple[Design | None, JsonResume]:
    """The design a file carries, and the document to store without it."""
    extra = data.meta.model_extra if data.meta is not None else None
    block = extra.get(DESIGN_KEY) if extra else None
    if not isinstance(block, dict):
        return None, data  # no design of ours: the file is imported as it always was
    template = block.get("template")
    options = block.get("theme")
    design = Design(
        template=template if isinstance(template, str) and template else None,
        theme=salvaged_theme(options) if isinstance(options, dict) else None,
    )
    return design, _without_design(data, block)


def _without_design(data: JsonResume, block: dict[str, Any]) -> JsonResume:
    # The design lives in the resume's own template and theme, and every export writes it afresh.
    # A copy kept in the data would go stale as soon as the design changes, and the editor would
    # show it as if it were part of the resume. So what the export added comes out again:
    # the block, and meta.theme when it still names the block's template (a meta.theme edited
    # since is the user's own); a meta left empty goes too. Every other meta key stays.
    document = dump_resume(data)
    meta = {key: value for key, value in document["meta"].items() if key != DESIGN_KEY}
    if "theme" in meta and meta["theme"] == block.get("template"):
        del meta["theme"]
    if meta:
        document["meta"] = meta
    else:
        del document["meta"]
    return parse_resume(document)


def salvaged_theme(options: dict[str, Any]) -> Theme:
    """The theme these options describe, leaving out each option the `Theme` model refuses."""
    kept = dict(options)
    while True:
        try:
            # API names only, as exported: one spelling per option, so a refusal names its key.
            return Theme.model_validate(kept, by_alias=True, by_name=False)
        except ValidationError as exc:
            refused = {error["loc"][0] for error in exc.errors() if error["loc"]}
            if not refused & kept.keys():
                return Theme()
            kept = {key: value for key, value in kept.items() if key not in refused}
