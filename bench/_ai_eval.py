"""The evaluation set in bench/ai_eval, and how a set of proposals is scored against it.

`resumes/` holds eight master resumes (software, nurse, sales, teacher, warehouse, accountant,
a German nurse, a Spanish sales rep: 66 work bullets), `jobs/` nine job adverts (two with an
injected instruction), and `cases.json` hand-written proposals for pairs of them: each change
labelled with the facts it invents (`invented`) or the problem it has (`problem`: length,
instruction, contact), and two cover letters. All of it was written for this suite.

A proposal is scored the way the product treats it: a change with a blocking flag waits for the
person's explicit yes; the rest apply. So the figure that matters is the invented facts in
changes that would apply without a yes ("after the guard"), whose target is 0.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from resumate.ai.changes import Change, apply_changes
from resumate.ai.guard import Flag, check_changes, check_text
from resumate.ai.match.jobs import JobPosting, from_text
from resumate.ai.match.keywords import job_terms
from resumate.ai.match.language import contains, language_of
from resumate.ai.match.resume import resume_text
from resumate.ai.match.scoring import match

ROOT = Path(__file__).with_name("ai_eval")


@cache
def resume(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ROOT / "resumes" / f"{name}.json").read_text())
    return data


@cache
def job(name: str) -> dict[str, str]:
    document: dict[str, str] = json.loads((ROOT / "jobs" / f"{name}.json").read_text())
    return document


def posting(name: str) -> JobPosting:
    return from_text(job(name)["description"])


def cases() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((ROOT / "cases.json").read_text())
    return loaded


def bullet_count() -> int:
    return sum(
        len(entry.get("highlights", []))
        for path in (ROOT / "resumes").glob("*.json")
        for entry in resume(path.stem).get("work", [])
    )


@dataclass
class Score:
    """What the guard did with one set of proposals."""

    changes: int = 0
    should_block: int = 0  # labelled with an invented fact or a problem
    blocked: int = 0
    missed: int = 0  # should block, would apply
    false_alarms: int = 0  # honest, blocked
    invented: int = 0  # labelled invented facts
    invented_after: int = 0  # of those, in changes that would apply
    named: int = 0  # of those, quoted by a flag
    too_long: int = 0  # changes over the guard's length limit
    advisories: int = 0  # flags that ask without blocking (a figure from another entry)
    coverage_before: list[float] = field(default_factory=list)
    coverage_after: list[float] = field(default_factory=list)
    coverage_unguarded: list[float] = field(default_factory=list)
    score_before: list[int] = field(default_factory=list)
    score_after: list[int] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, labelled: dict[str, Any], flags: list[Flag]) -> bool:
        """Count one change and its flags; whether it would apply without a yes."""
        invented: list[str] = labelled.get("invented", [])
        bad = bool(invented or labelled.get("problem"))
        blocking = [flag for flag in flags if flag.blocking]
        self.changes += 1
        self.should_block += bad
        self.blocked += bool(blocking)
        self.too_long += any(flag.kind == "length" for flag in flags)
        self.advisories += sum(not flag.blocking for flag in flags)
        self.invented += len(invented)
        self.named += sum(any(_overlap(fact, flag.value) for flag in flags) for fact in invented)
        if bad and not blocking:
            self.missed += 1
            self.invented_after += len(invented)
            self.misses.append(f"{labelled['path']}: {labelled['new'][:70]}")
        if blocking and not bad:
            self.false_alarms += 1
            values = ", ".join(flag.value for flag in blocking)
            self.misses.append(f"false alarm on {labelled['path']}: {values}")
        return not blocking


def _overlap(fact: str, value: str) -> bool:
    fact, value = fact.casefold(), value.casefold()
    return fact in value or value in fact


def prose_coverage(data: dict[str, Any], posting: JobPosting) -> float:
    """The share of the job's terms that the resume's prose (summary, bullets) says."""
    language = language_of(posting.text)
    terms = job_terms(posting, language)
    prose = resume_text(data, language).prose
    said = sum(any(contains(field.stems, term.stems) for field in prose) for term in terms)
    return said / len(terms) if terms else 0.0


def score_case(score: Score, case: dict[str, Any], changes: list[Change]) -> None:
    """Score the proposals (hand-written or generated) for one resume and job, and coverage."""
    master, advert = resume(case["resume"]), posting(case["job"])
    labelled = {change["path"]: change for change in case.get("changes", [])}
    flags = check_changes(changes, master, instruction=case.get("instruction", ""))
    applied = []
    for change in changes:
        label = labelled.get(change.path, {"path": change.path, "new": change.new})
        if score.add(label, [flag for flag in flags if flag.path == change.path]):
            applied.append(change)
    guarded = apply_changes(master, applied).data
    unguarded = apply_changes(master, changes).data
    score.coverage_before.append(prose_coverage(master, advert))
    score.coverage_after.append(prose_coverage(guarded, advert))
    score.coverage_unguarded.append(prose_coverage(unguarded, advert))
    score.score_before.append(match(master, advert, meaning=False).score)
    score.score_after.append(match(guarded, advert, meaning=False).score)


def hand_written() -> Score:
    """The guard on the hand-written proposals of cases.json."""
    score = Score()
    for case in cases()["cases"]:
        changes = [Change.model_validate(change) for change in case["changes"]]
        score_case(score, case, changes)
    for letter in cases()["letters"]:
        names = [job(letter["job"])["title"], job(letter["job"])["company"]]
        flags = check_text(
            letter["text"], resume(letter["resume"]), path="coverLetter", names=names
        )
        labelled = {"path": f"letter {letter['id']}", "new": letter["text"], **letter}
        score.add(labelled, flags)
    return score
