"""Everything restoring a saved version would change, named field by field."""

from __future__ import annotations

from resumate.resumes.models import Resume, ResumeVersion
from resumate.resumes.versions.design import theme_changes
from resumate.resumes.versions.diff import Change, document_changes


def version_changes(
    version: ResumeVersion, resume: Resume, template_names: tuple[str, str]
) -> list[Change]:
    """What differs between `version` and the resume now; `template_names` are theirs."""
    found: list[Change] = []
    if version.title != resume.title:
        found.append(Change("Title", "title", "changed", version.title, resume.title))
    if version.template_id != resume.template_id:
        before, after = template_names
        if before == after:
            before = f"{before} (an earlier edition)"
        found.append(Change("Template", "templateId", "changed", before, after))
    found += document_changes(version.data, resume.data)
    found += theme_changes(version.theme, resume.theme)
    return found
