"""Where one preview's work goes, timed in this process: reading the body, checking it, rendering.

The steps are the route's own, called the way FastAPI and the route call them: the body is
decoded with json.loads, checked against the route's `Draft` model (the JSON Resume schema and
the theme), turned back into plain data, and rendered. The template is compiled before timing
starts, as the server's compile cache holds it after its first preview.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bench._pdf_runs import percentile
from resumate.document.schemas import dump_resume
from resumate.rendering.document import TemplateSource, render_document
from resumate.resumes.pdf.schemas import Draft

WARM_UP = 20


@dataclass(frozen=True)
class Step:
    name: str
    wall_ms: list[float]
    # The thread's own CPU time: what the step costs when other work shares the cores.
    cpu_ms: list[float]

    @property
    def p50_ms(self) -> float:
        return percentile(self.wall_ms, 50)

    @property
    def cpu_p50_ms(self) -> float:
        return percentile(self.cpu_ms, 50)

    @property
    def mean_ms(self) -> float:
        return sum(self.wall_ms) / len(self.wall_ms)


def timed(name: str, work: Callable[[], object], runs: int) -> Step:
    for _ in range(WARM_UP):
        work()
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter_ns(), time.thread_time_ns()
        work()
        cpu.append((time.thread_time_ns() - start_cpu) / 1e6)
        wall.append((time.perf_counter_ns() - start) / 1e6)
    return Step(name, wall, cpu)


def split(body: bytes, template: TemplateSource, runs: int) -> list[Step]:
    """Each step of one preview of `body`, timed `runs` times on its own."""
    raw: dict[str, Any] = json.loads(body)
    draft = Draft.model_validate(raw)
    if draft.data is None or draft.theme is None:
        raise ValueError("a preview draft with both data and theme is needed")
    checked, theme = draft.data, draft.theme
    data, options = dump_resume(checked), theme.stored()
    size = f"{len(body) / 1024:.1f} KB"
    return [
        timed(f"json.loads of the {size} body", lambda: json.loads(body), runs),
        timed("check it: Draft (JSON Resume + Theme)", lambda: Draft.model_validate(raw), runs),
        timed(
            "back to data: dump_resume, Theme.stored",
            lambda: (dump_resume(checked), theme.stored()),
            runs,
        ),
        timed(
            "render_document (template compiled)",
            lambda: render_document(template, data, options),
            runs,
        ),
    ]


def print_split(steps: list[Step], runs: int, server_cpu_ms: float) -> None:
    """The steps, each as a share of their sum and of the server's CPU per preview request."""
    total = Step(
        "sum of the p50s",
        [sum(step.p50_ms for step in steps)],
        [sum(step.cpu_p50_ms for step in steps)],
    )
    print(
        f"\nin this process, one preview of the long resume, each step {runs} times"
        f" after {WARM_UP} to warm up"
    )
    print(
        f"{'step':<42} {'p50 ms':>7} {'mean ms':>8} {'CPU p50 ms':>10} {'of sum':>7}"
        f" {'of server CPU/req':>18}"
    )
    for step in [*steps, total]:
        print(
            f"{step.name:<42} {step.p50_ms:>7.3f} {step.mean_ms:>8.3f} {step.cpu_p50_ms:>10.3f}"
            f" {100 * step.cpu_p50_ms / total.cpu_p50_ms:>6.0f}%"
            f" {100 * step.cpu_p50_ms / server_cpu_ms:>17.0f}%"
        )
    print(
        f"shares are of CPU time; server CPU/req: {server_cpu_ms:.2f} ms, from the table above;"
        " the rest of it is HTTP, the middleware, routing, the token check, two database reads"
        " (the resume with its owner's session, the template) and the access log"
    )
