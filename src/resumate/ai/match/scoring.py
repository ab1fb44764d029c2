"""How well a resume fits a job, as a score a person can check: named parts, each explained.

    score = Σ weight * part score, over the parts that have something to measure:
      skills     the skills the job names that the resume names too
      keywords   the job's other key terms the resume uses
      relevance  how much of each requirement the resume field that best answers it holds (BM25)
      meaning    how close in meaning that field is (only with the semantic extra)

Everything here is plain CPU work without input or output: callers run it in a thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from resumate.ai.match import semantic
from resumate.ai.match.jobs import JobPosting
from resumate.ai.match.keywords import Kind, Term, job_terms
from resumate.ai.match.language import content_stems, language_of
from resumate.ai.match.relevance import relevance
from resumate.ai.match.resume import ResumeText, resume_text

PartName = Literal["skills", "keywords", "relevance", "meaning"]
SemanticStatus = Literal["on", "off", "not_installed"]
WEIGHTS: dict[PartName, float] = {"skills": 4, "keywords": 3, "relevance": 3, "meaning": 2}
LABELS: dict[PartName, str] = {
    "skills": "Skills the job names",
    "keywords": "Key terms",
    "relevance": "Requirements answered (BM25)",
    "meaning": "Requirements answered, by meaning",
}
# Below this, no resume field answers a requirement: its evidence is none.
EVIDENCE_FLOOR = 0.2
MAX_PATHS = 10
# Each text new to the model costs tens of milliseconds: past these, by their words only.
MEANING_REQUIREMENTS = 30
MEANING_FIELDS = 60


@dataclass(frozen=True)
class Part:
    name: PartName
    label: str
    score: int  # 0..100
    weight: float  # the parts' weights add up to 1
    detail: str


@dataclass(frozen=True)
class Matched:
    term: str
    kind: Kind
    paths: list[str]


@dataclass(frozen=True)
class Missing:
    term: str
    kind: Kind
    required: bool


@dataclass(frozen=True)
class Evidence:
    requirement: str
    path: str | None
    text: str | None
    score: int  # 0..100


@dataclass(frozen=True)
class MatchResult:
    score: int
    parts: list[Part]
    matched: list[Matched]
    missing: list[Missing]
    evidence: list[Evidence]
    language: str
    semantic: SemanticStatus


def match(data: dict[str, Any], job: JobPosting, *, meaning: bool = True) -> MatchResult:
    """The resume `data` against the job; `meaning` asks for the semantic part when installed."""
    language = language_of(job.text)
    resume = resume_text(data, language)
    terms = job_terms(job, language)
    matched, missing = _coverage(terms, resume)
    requirements = [
        (line.text, stems)
        for line in job.requirements
        if (stems := content_stems(line.text, language))
    ]
    prose = [index for index, field in enumerate(resume.fields) if field.prose]
    # Prose only: titles and skill names are a word or two, and would make every bullet look
    # long to BM25; they count in the skills and key terms parts.
    bm25 = relevance([stems for _, stems in requirements], [resume.fields[i].stems for i in prose])
    embedder = semantic.embedder() if meaning else None
    status: SemanticStatus = "off" if not meaning else "on" if embedder else "not_installed"
    alike = near = None
    if embedder is not None and requirements and prose:
        near = embedder.similarity(
            [text for text, _ in requirements[:MEANING_REQUIREMENTS]],
            [resume.fields[i].text for i in prose[:MEANING_FIELDS]],
        )
        alike = np.zeros(bm25.shape)
        alike[: near.shape[0], : near.shape[1]] = near
    parts = [
        part
        for part in (
            _terms_part("skills", terms, matched, "skill"),
            _terms_part("keywords", terms, matched, "keyword"),
            _answered_part("relevance", bm25, len(requirements)),
            _answered_part("meaning", near, len(near)) if near is not None else None,
        )
        if part is not None
    ]
    total = sum(WEIGHTS[name] for name, _, _ in parts) or 1
    weighted = [
        Part(name, LABELS[name], score, WEIGHTS[name] / total, detail)
        for name, score, detail in parts
    ]
    return MatchResult(
        score=round(sum(part.weight * part.score for part in weighted)),
        parts=weighted,
        matched=matched,
        missing=missing,
        evidence=_evidence(requirements, resume, bm25, alike, prose),
        language=language,
        semantic=status,
    )


def _coverage(terms: list[Term], resume: ResumeText) -> tuple[list[Matched], list[Missing]]:
    matched, missing = [], []
    for term in terms:
        paths = resume.paths_with(term.stems)
        if paths:
            matched.append(Matched(term.term, term.kind, paths[:MAX_PATHS]))
        else:
            missing.append(Missing(term.term, term.kind, term.required))
    return matched, missing


def _terms_part(
    name: PartName, terms: list[Term], matched: list[Matched], kind: Kind
) -> tuple[PartName, int, str] | None:
    asked = sum(1 for term in terms if term.kind == kind)
    if not asked:
        return None
    found = sum(1 for term in matched if term.kind == kind)
    noun = "skills the job names" if kind == "skill" else "key terms of the job"
    return name, round(100 * found / asked), f"{found} of {asked} {noun} are in the resume"


def _answered_part(
    name: PartName, scores: npt.NDArray[np.float64], asked: int
) -> tuple[PartName, int, str] | None:
    if not asked:
        return None
    best = scores.max(axis=1) if scores.shape[1] else np.zeros(asked)
    answered = int((best >= EVIDENCE_FLOOR).sum())
    how = "by their words" if name == "relevance" else "by meaning"
    detail = f"{answered} of {asked} requirements have a resume line that answers them {how}"
    return name, round(100 * float(best.mean())), detail


def _evidence(
    requirements: list[tuple[str, tuple[str, ...]]],
    resume: ResumeText,
    bm25: npt.NDArray[np.float64],
    alike: npt.NDArray[np.float64] | None,
    prose: list[int],
) -> list[Evidence]:
    """The prose field that best supports each requirement: by words, and by meaning too
    (the mean of the two) when the semantic extra runs."""
    found = []
    support = bm25 if alike is None else (bm25 + alike) / 2
    for row, (text, _) in enumerate(requirements):
        if not prose or support[row].max() < EVIDENCE_FLOOR:
            found.append(Evidence(text, None, None, 0))
            continue
        field = resume.fields[prose[int(support[row].argmax())]]
        found.append(Evidence(text, field.path, field.text, round(100 * support[row].max())))
    return found
