"""A resume's fields against what a parser read back from its PDF, and what to change.

Each non-empty field the resume prints is found (the parser read it back as written), changed
(it read something else at that place) or missing. Dates compare at the precision templates
print (a month), links without a bare site's final slash, as the PDF keeps them. The score is
the share found. The warnings are what trips recruiters' systems: contact details that are not
at the top of the text, pages set in columns side by side, dates that do not read as dates,
characters that read as nothing. Each comes with what to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from resumate.transfer.reading.files import ReadResume
from resumate.transfer.reading.headings import heading_names, name_key, section_of
from resumate.transfer.reading.lines import Line

Status = Literal["found", "changed", "missing"]
# Not printed as text: the photo, the design kept in meta. Sections of the person's own print,
# but no parser has fields for them: their text is read, not compared field by field.
UNPRINTED = ("basics.image", "meta", "$schema", "customSections")
DAY = re.compile(r"^(\d{4}-\d{2})-\d{2}$")
BARE_SITE = re.compile(r"^(https?://[^/]+)/$")
# The lines a parser looks at for the name and contact details.
TOP_LINES = 6
LEFT_OUT = "Some characters in this PDF have no readable text"


@dataclass(frozen=True, slots=True)
class FieldCheck:
    path: str
    status: Status
    value: str
    read: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """Something in the PDF a recruiter's system trips on, and what to do about it."""

    code: str
    message: str
    fix: str


@dataclass(slots=True)
class Report:
    score: int
    fields: list[FieldCheck]
    findings: list[Finding] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    pages: int = 1

    @property
    def found(self) -> int:
        return sum(check.status == "found" for check in self.fields)


def leaves(node: Any, path: str = "") -> dict[str, str]:
    """Every non-empty text of a document by its path, as it prints."""
    if isinstance(node, dict):
        found: dict[str, str] = {}
        for key, value in node.items():
            found.update(leaves(value, f"{path}.{key}" if path else key))
        return found
    if isinstance(node, list):
        found = {}
        for index, value in enumerate(node):
            found.update(leaves(value, f"{path}[{index}]"))
        return found
    if node is None or isinstance(node, bool) or str(node).strip() == "":
        return {}
    text = str(node).strip()
    if path.endswith(("Date", ".date")):
        text = DAY.sub(r"\1", text)
    if path.endswith(".url") or path == "basics.url":
        text = BARE_SITE.sub(r"\1", text)
    return {path: text}


def compare(data: dict[str, Any], read: ReadResume, titles: dict[str, str] | None = None) -> Report:
    """The report on one printed resume and what a parser read from it; `titles` are the
    headings the person chose (the theme's sectionTitles)."""
    expected = {p: v for p, v in leaves(data).items() if not p.startswith(UNPRINTED)}
    got = leaves(read.document)
    checks = [check(path, value, got.get(path)) for path, value in expected.items()]
    found = sum(c.status == "found" for c in checks)
    score = round(100 * found / len(checks)) if checks else 100
    if found < len(checks):
        score = min(score, 99)  # 100 means every field, not nearly every field
    findings = [
        *contact_findings(data, read.stream),
        *layout_findings(read),
        *date_findings(checks),
        *field_findings(checks),
        *heading_findings(titles or {}),
    ]
    return Report(score, checks, findings, read.stream, read.pages)


def check(path: str, value: str, read: str | None) -> FieldCheck:
    if read is None:
        return FieldCheck(path, "missing", value)
    same = " ".join(read.split()) == " ".join(value.split())
    return FieldCheck(path, "found" if same else "changed", value, None if same else read)


def contact_findings(data: dict[str, Any], stream: list[str]) -> list[Finding]:
    """Contact details a parser meets late, or not at all, in the file's own order."""
    found_basics = data.get("basics")
    basics: dict[str, Any] = found_basics if isinstance(found_basics, dict) else {}
    first_heading = next(
        (i for i, text in enumerate(stream) if section_of(Line(text, bold=True), 0)), len(stream)
    )
    findings = []
    for key, name in (("email", "e-mail address"), ("phone", "phone number")):
        value = basics.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        at = next((i for i, text in enumerate(stream) if value.strip() in text), None)
        if at is None or at > max(first_heading, TOP_LINES):
            findings.append(
                Finding(
                    "contact_not_first",
                    f"Your {name} comes after the first section in the PDF's text: parsers look"
                    " for contact details at the top.",
                    "Choose a template that prints the contact line under your name (Classic,"
                    " ATS, Modern, Minimal).",
                )
            )
    return findings


def layout_findings(read: ReadResume) -> list[Finding]:
    findings = []
    if read.columns:
        findings.append(
            Finding(
                "columns",
                "The pages are set in two columns side by side. A parser that reads straight"
                " across mixes the two columns' lines.",
                "Choose a one-column template (ATS, Classic, Minimal) for systems you do not know.",
            )
        )
    if any(warning.startswith(LEFT_OUT) for warning in read.warnings):
        findings.append(
            Finding(
                "unmapped_glyphs",
                "Some characters in the PDF read as nothing: a parser skips them.",
                "Use one of the bundled fonts in Design, which map every character to its text.",
            )
        )
    return findings


def date_findings(checks: list[FieldCheck]) -> list[Finding]:
    unread = [c for c in checks if c.path.endswith(("Date", ".date")) and c.status != "found"]
    if not unread:
        return []
    where = ", ".join(c.path for c in unread[:5])
    return [
        Finding(
            "dates",
            f"{len(unread)} date(s) did not read back as dates ({where}).",
            "Write dates as the editor's date fields keep them (a month and year), not in a"
            " summary or bullet.",
        )
    ]


def field_findings(checks: list[FieldCheck]) -> list[Finding]:
    changed = [c for c in checks if c.status != "found" and not c.path.endswith(("Date", ".date"))]
    if not changed:
        return []
    first = changed[0]
    example = f"{first.path} read as “{first.read}”" if first.read else f"{first.path} not found"
    count = f"{len(changed)} fields" if len(changed) > 1 else "1 field"
    return [
        Finding(
            "fields",
            f"{count} did not read back as written, such as {example}.",
            "Keep each value in its own field (a job title in Position, the employer in"
            " Company), or try another template and run this check again.",
        )
    ]


def heading_findings(titles: dict[str, str]) -> list[Finding]:
    """Headings of the person's own that parsers do not know as the section they head."""
    unknown = [
        title
        for section, title in titles.items()
        if heading_names().get(name_key(title)) != section
    ]
    if not unknown:
        return []
    named = ", ".join(f"“{title}”" for title in unknown)
    return [
        Finding(
            "headings",
            f"Parsers may not recognise {named} as a section heading: what follows can read as"
            " part of the section before.",
            "Use the usual name for the section (leave “Heading on the page” empty), or keep"
            " yours knowing some systems may misfile what is under it.",
        )
    ]
