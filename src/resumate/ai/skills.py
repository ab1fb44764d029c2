"""Skills named in a text, found with an open gazetteer of 30,957 skills (no model, no network).

The list is the data file of the MIT-licensed `skill-extractor` package, installed without its
model dependencies (see the README); it is read from the package folder, never imported, so
its ONNX runtime is never needed. Matching is longest-first over whole words.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# Words and names like c++, c#, .net, node.js, ci/cd, 21 cfr part 820.198: letters and digits,
# joined by . - / and ending in + or # where a name does.
TOKEN = re.compile(r"\.?[^\W_][^\W_+#]*(?:[.\-/&][^\W_][^\W_+#]*)*[+#]*", re.UNICODE)
LONGEST_TERM = 8
# Tool names that are also everyday words count only when written as a name (capitalised):
# "Spring Boot" and "Rust" are skills, "spring semester" and "rust" are not.
EVERYDAY_WORDS = frozenset(
    {
        "access", "ant", "backbone", "chef", "circle", "consul", "dart", "ember", "express",
        "go", "helm", "hive", "less", "next", "notion", "outlook", "pig", "premiere", "puppet",
        "rails", "react", "rest", "rust", "shell", "sketch", "slack", "spark", "spring",
        "storm", "swift", "teams", "unity", "vault", "word", "yarn",
    }
)  # fmt: skip


@dataclass(frozen=True)
class SkillHit:
    term: str  # the gazetteer's spelling, lower case
    start: int  # character offsets in the text searched
    end: int


def skills_file() -> Path:
    """Where the gazetteer lies: the `skill-extractor` package's data folder."""
    spec = importlib.util.find_spec("skill_extractor")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "the skill list is missing: install skill-extractor (make install does, --no-deps)"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "skills.json"


def tokens(text: str) -> list[re.Match[str]]:
    return list(TOKEN.finditer(text))


def key(text: str) -> str:
    """The form a term is looked up by: its tokens, lower case, one space apart."""
    return " ".join(match.group().lower() for match in tokens(text))


@cache
def gazetteer() -> dict[str, str]:
    """Lookup form → the gazetteer's spelling."""
    terms: list[str] = json.loads(skills_file().read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    for term in terms:
        lookup = key(term)
        if lookup and lookup.count(" ") < LONGEST_TERM:
            table.setdefault(lookup, term)
    return table


def find_skills(text: str) -> list[SkillHit]:
    """The skills a text names, in order, longest match first and never overlapping."""
    table = gazetteer()
    words = tokens(text)
    lowered = [match.group().lower() for match in words]
    hits: list[SkillHit] = []
    index = 0
    while index < len(words):
        for size in range(min(LONGEST_TERM, len(words) - index), 0, -1):
            term = table.get(" ".join(lowered[index : index + size]))
            run = words[index : index + size]
            if term is not None and _named(run) and _one_phrase(text, run):
                start, end = words[index].start(), words[index + size - 1].end()
                hits.append(SkillHit(term, start, end))
                index += size
                break
        else:
            index += 1
    return hits


def skill_terms(text: str) -> set[str]:
    return {hit.term for hit in find_skills(text)}


def _one_phrase(text: str, words: list[re.Match[str]]) -> bool:
    """Whether the words stand apart by spaces only: "AWS (ECS" is two names, not one."""
    return all(
        not text[left.end() : right.start()].strip() for left, right in itertools.pairwise(words)
    )


def _named(words: list[re.Match[str]]) -> bool:
    """Whether a one-word hit is written as the skill's name, not as an everyday word."""
    if len(words) > 1:
        return True
    word = words[0].group()
    lowered = word.lower()
    if lowered in EVERYDAY_WORDS:
        return word[:1].isupper()
    # Two-letter initialisms (QA, AI, CI) count in capitals; c#, d3 and s3 as written.
    if len(word) <= 2 and word.isalpha():
        return word.isupper()
    return True
