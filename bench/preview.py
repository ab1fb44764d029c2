"""Live preview: POST /api/resumes/{id}/preview against its budget of 100 ms per keystroke batch.

Run `scripts/bench.sh preview`, or add `--quick` for a shorter run.

The editor posts the unsaved resume ({data, theme, templateId}) after each batch of keystrokes
and shows the HTML that comes back, so the budget is on one such request. The real server
(`resumate serve`, one uvicorn worker, access log on) runs in its own process on a fresh,
migrated PostgreSQL database. One keep-alive connection sends the requests one after another,
as one editor tab does: nothing queues behind anything, so the figures are service times. Each
request in a row differs from the one before it as the editor's would (another last character
in the name, the next accent colour and font size, the next template), and each answer is
checked for that edit. Each row warms up first (every template compiled, the pool's
connections open), then times each request from sending it to the last byte of the answer;
over loopback that is an upper bound of the server's time. The server's own figure is the CPU
its process used over the row divided by the requests: the client, the network and waiting for
a core add nothing to it. PostgreSQL's backends are counted the same way. GET /healthz, the
framework without the database, is the baseline each row's p50 is compared with; a plain read
of the resume shows what the token check and the database reads cost without a render. Last,
the steps of one long-resume preview are timed in this process, to show where the time goes.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from sqlalchemy import make_url

from bench._load import BackendSampler, machine_busy, own_cpu, process_cpu
from bench._pdf_runs import percentile
from bench._preview_split import print_split, split
from bench._server import Server, fresh_database, running_server
from bench.api import PASSWORD, SAMPLE, expect
from resumate.rendering.document import TemplateSource
from resumate.templates.builtin import load_builtins

BUDGET_MS = 100
LONG_FACTOR = 4  # the long resume: the sample with this many times its work and projects
ACCENTS = ("#0f766e", "#b91c1c", "#1d4ed8", "#7c3aed", "#c2410c", "#15803d", "#be185d")
FONT_SIZES = (9.5, 10.0, 10.5, 11.0, 11.5, 12.0)


@dataclass(frozen=True)
class Row:
    """One row: a request sent over and over, cycling through `bodies`."""

    name: str
    method: str
    path: str
    bodies: list[bytes] = field(default_factory=list)
    # Text each body's answer must contain, so a row cannot time an answer that ignored it.
    expects: list[str] = field(default_factory=list)
    budgeted: bool = False


@dataclass(frozen=True)
class Measured:
    row: Row
    samples_ms: list[float]
    server_cpu: float  # seconds
    postgres_cpu: float
    others_cpu: float  # the rest of the machine
    seconds: float
    answer_bytes: float  # the mean over one answer to each body

    def p(self, q: int) -> float:
        return percentile(self.samples_ms, q)

    def per_request_ms(self, seconds: float) -> float:
        return 1000 * seconds / len(self.samples_ms)


class Tab:
    """One keep-alive connection to the server, as one editor tab holds it."""

    def __init__(self, server: Server, token: str) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        self.auth = {"Authorization": f"Bearer {token}"}
        self.opened = 0

    def send(self, row: Row, n: int) -> tuple[float, bytes]:
        """Send the row's n-th request; milliseconds to the answer's last byte, and the answer."""
        body = row.bodies[n % len(row.bodies)] if row.bodies else None
        headers = self.auth | ({"Content-Type": "application/json"} if body else {})
        # http.client reconnects silently when the server has closed the connection.
        if self.connection.sock is None:
            self.opened += 1
        start = time.perf_counter_ns()
        self.connection.request(row.method, row.path, body=body, headers=headers)
        response = self.connection.getresponse()
        answer = response.read()
        elapsed = (time.perf_counter_ns() - start) / 1e6
        if response.status != 200:
            raise RuntimeError(f"{row.name}: {response.status} {answer[:300]!r}")
        if row.expects and row.expects[n % len(row.expects)].encode() not in answer:
            raise RuntimeError(f"{row.name}: the answer does not show the edit it was sent")
        return elapsed, answer

    def close(self) -> None:
        self.connection.close()


def long_resume(sample: dict[str, Any]) -> dict[str, Any]:
    return sample | {key: sample[key] * LONG_FACTOR for key in ("work", "projects")}


def draft(data: dict[str, Any], theme: dict[str, Any], template_id: str) -> bytes:
    return json.dumps({"data": data, "theme": theme, "templateId": template_id}).encode()


def name_typed(name: str, resume: dict[str, Any], path: str) -> Row:
    """A name being typed: each body differs from the one before it by one character."""
    data, theme, template_id = resume["data"], resume["theme"], resume["templateId"]
    names = [f"{data['basics']['name']} {letter}" for letter in "abcdefghijklmnopqrstuvwxyz"]
    bodies = [
        draft(data | {"basics": data["basics"] | {"name": typed}}, theme, template_id)
        for typed in names
    ]
    return Row(name, "POST", path, bodies, names, budgeted=True)


def theme_changed(resume: dict[str, Any], path: str) -> Row:
    """The accent colour and the font size both change from one request to the next."""
    themes = [
        resume["theme"] | {"accentColor": ACCENTS[n % len(ACCENTS)], "fontSize": size}
        for n, size in enumerate(FONT_SIZES * len(ACCENTS))
    ]
    bodies = [draft(resume["data"], theme, resume["templateId"]) for theme in themes]
    expects = [f"--accent: {theme['accentColor']}" for theme in themes]
    return Row("preview: accent + font size, sample", "POST", path, bodies, expects, True)


@dataclass(frozen=True)
class Setup:
    rows: list[Row]
    long_row: Row
    # For the in-process split: the long resume's template and one of its drafts.
    long_template: TemplateSource
    long_draft: bytes
    described: str


def set_up(server: Server, token: str, sample: dict[str, Any]) -> Setup:
    """Two resumes of one account, and the rows that read and preview them."""
    auth = {"Authorization": f"Bearer {token}"}
    made = []
    for title, data in (("Sample", sample), ("Long", long_resume(sample))):
        answer = server.call("POST", "/api/resumes", {"title": title, "data": data}, auth)
        made.append(expect(answer, 201, "create"))
    short, long = made
    listed = expect(server.call("GET", "/api/templates", headers=auth), 200, "templates")
    builtins = {b.slug: b for b in load_builtins()}
    by_id = {t["id"]: builtins[t["slug"]] for t in listed}
    short_path, long_path = (f"/api/resumes/{r['id']}/preview" for r in made)
    described = "; ".join(
        f"{r['title'].lower()} {len(json.dumps(r['data'])) / 1024:.1f} KB of JSON"
        f" (work ×{len(r['data']['work'])}, projects ×{len(r['data']['projects'])})"
        for r in made
    )
    long_row = name_typed("preview: name +1 char, long resume", long, long_path)
    # A template's stylesheet goes into the page as it is, so its opening shows which one ran.
    switched = Row(
        f"preview: template switch ({len(listed)} in turn)",
        "POST",
        short_path,
        [draft(short["data"], short["theme"], t["id"]) for t in listed],
        [by_id[t["id"]].css[:60] for t in listed],
        budgeted=True,
    )
    chosen = by_id[long["templateId"]]
    return Setup(
        rows=[
            Row("GET /healthz (baseline)", "GET", "/healthz"),
            Row("GET /api/resumes/{id} (a read, no preview)", "GET", f"/api/resumes/{short['id']}"),
            name_typed("preview: name +1 char, sample", short, short_path),
            long_row,
            theme_changed(short, short_path),
            switched,
        ],
        long_row=long_row,
        long_template=TemplateSource(chosen.html, chosen.css, chosen.defaults),
        long_draft=long_row.bodies[0],
        described=f"{described}; both in the {chosen.slug} template",
    )


def measure(tab: Tab, server: Server, database: str, row: Row, samples: int, warm: int) -> Measured:
    """Warm the row up, then time `samples` requests while counting who used the CPU."""
    sizes = [len(tab.send(row, n)[1]) for n in range(max(warm, len(row.bodies)))]
    # One answer to each distinct body: the template switch's answers differ in size.
    cycle = sizes[: max(1, len(row.bodies))]
    timings = []
    served, meter, busy, start = process_cpu(server.pid), own_cpu(), machine_busy(), time.time()
    with BackendSampler(database) as backends:
        for n in range(samples):
            timings.append(tab.send(row, n)[0])
    server_cpu = process_cpu(server.pid) - served
    mine = own_cpu() - meter
    return Measured(
        row=row,
        samples_ms=timings,
        server_cpu=server_cpu,
        postgres_cpu=backends.cpu,
        others_cpu=max(0.0, machine_busy() - busy - server_cpu - backends.cpu - mine),
        seconds=time.time() - start,
        answer_bytes=sum(cycle) / len(cycle),
    )


def verdict(row: Measured) -> str:
    if not row.row.budgeted:
        return ""
    return "within budget" if row.p(99) < BUDGET_MS else "OVER budget"


def print_table(results: list[Measured]) -> None:
    baseline = results[0].p(50)
    print(
        f"\n{'row':<45} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'vs healthz':>10}"
        f" {'server CPU/req':>14} {'pg CPU/req':>10} {'answer':>8} {'others':>6}  verdict"
    )
    for row in results:
        print(
            f"{row.row.name:<45} {row.p(50):>7.2f} {row.p(95):>7.2f} {row.p(99):>7.2f}"
            f" {row.p(50) / baseline:>9.2f}× {row.per_request_ms(row.server_cpu):>11.2f} ms"
            f" {row.per_request_ms(row.postgres_cpu):>7.2f} ms {row.answer_bytes / 1024:>5.1f} KB"
            f" {100 * row.others_cpu / row.seconds:>5.0f}%  {verdict(row)}"
        )
    print(
        f"latency: send to last byte, one connection, loopback; vs healthz = p50 / healthz p50;"
        f" verdict: p99 < {BUDGET_MS} ms"
    )
    print(
        "CPU/req: the process's CPU over the row ÷ requests (counted in 10 ms ticks);"
        " others = the rest of the machine's CPU during the row, as % of one core"
    )
    busiest = max(row.others_cpu / row.seconds for row in results)
    if busiest > 0.25:
        print(
            f"note: other work used up to {100 * busiest:.0f}% of a core during a row;"
            " latencies suffer from it, CPU per request much less"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="100 requests per row, not 300")
    parser.add_argument("--samples", type=int, help="timed requests per row (default 300)")
    args = parser.parse_args()
    samples = args.samples or (100 if args.quick else 300)
    if not 20 <= samples <= 100_000:
        parser.error("--samples must be 20–100000")
    warm, runs = (10, 100) if args.quick else (30, 300)
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the start")
    print(
        f"server: resumate serve, 1 uvicorn {version('uvicorn')} worker"
        f" ({'uvloop' if find_spec('uvloop') else 'asyncio'}, access log on),"
        f" FastAPI {version('fastapi')}, pydantic {version('pydantic')}, fresh PostgreSQL database"
    )
    print(
        f"client: one keep-alive connection, {samples} timed requests per row after"
        f" {warm} (or one per template) to warm up"
    )
    with tempfile.TemporaryDirectory(prefix="resumate-bench-") as scratch:
        data_dir = Path(scratch)
        with fresh_database(data_dir) as url, running_server(url, data_dir) as server:
            credentials = {"email": "preview@example.com", "password": PASSWORD}
            token = server.sign_up(credentials)["accessToken"]
            setup = set_up(server, token, sample)
            print(f"resumes: {setup.described}")
            database = make_url(url).database or ""
            tab = Tab(server, token)
            try:
                results = [measure(tab, server, database, row, samples, warm) for row in setup.rows]
            finally:
                tab.close()
    print_table(results)
    print(f"connections opened: {tab.opened} for all rows")
    long = next(row for row in results if row.row is setup.long_row)
    steps = split(setup.long_draft, setup.long_template, runs)
    print_split(steps, runs, long.per_request_ms(long.server_cpu))
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
