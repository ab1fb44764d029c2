"""The load generator (wrk, one connection per thread, driven by a rendered Lua script) and CPU use.

Each connection follows its own plan: a fixed request, optionally with If-Match carrying the
version it last saw. A 412 is counted and answered by one GET that re-reads the ETag.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

WRK_TIMEOUT = "10s"
MARKER = "BENCH-RESULT "

LUA = """
local plans = %(plans)s
local threads = {}

-- Every thread loads this script; setup (in the main state) only hands each one its number,
-- because wrk cannot copy nested tables between states.
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  plan = plans[id]
  version, refetch, refetches, statuses = plan.version, false, 0, {}
end

function request()
  if refetch then
    refetches = refetches + 1
    return wrk.format("GET", plan.path, plan.read_headers)
  end
  if version then plan.headers["If-Match"] = '"' .. version .. '"' end
  return wrk.format(plan.method, plan.path, plan.headers, plan.body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if not plan.version then return end
  local etag = headers["etag"] or headers["ETag"]
  if status < 300 and etag then version = tonumber(string.match(etag, "%%d+")) end
  refetch = status == 412 or (refetch and status >= 300)
end

function done(summary, latency, requests)
  local statuses, refetches, counts = {}, 0, {}
  for _, thread in ipairs(threads) do
    refetches = refetches + thread:get("refetches")
    for code, n in pairs(thread:get("statuses")) do statuses[code] = (statuses[code] or 0) + n end
  end
  for code, n in pairs(statuses) do table.insert(counts, '"' .. code .. '": ' .. n) end
  local e = summary.errors
  io.write(string.format(
    '%(marker)s{"requests": %%d, "duration_us": %%d, "socket_errors": %%d, "refetches": %%d, '
      .. '"p50_us": %%d, "p99_us": %%d, "statuses": {%%s}}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, refetches,
    latency:percentile(50), latency:percentile(99), table.concat(counts, ", ")))
end
"""


@dataclass(frozen=True)
class Plan:
    """What one connection sends, over and over."""

    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    body: str | None = None
    # Set for edits: the version the connection starts from, sent as If-Match and tracked.
    version: int | None = None


@dataclass(frozen=True)
class LoadResult:
    requests: int
    seconds: float
    statuses: dict[int, int]
    socket_errors: int
    refetches: int
    p50_ms: float
    p99_ms: float
    generator_cpu: float  # seconds of CPU wrk used

    @property
    def errors(self) -> int:
        failed = sum(n for status, n in self.statuses.items() if not 200 <= status < 300)
        return failed + self.socket_errors

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def lua_literal(value: object) -> str:
    """Python data as a Lua constructor; strings escaped byte by byte, so any UTF-8 survives."""
    if value is None:
        return "nil"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        plain = (
            chr(b) if 32 <= b < 127 and b not in b'"\\' else f"\\{b:03d}" for b in value.encode()
        )
        return '"' + "".join(plain) + '"'
    if isinstance(value, list):
        return "{" + ", ".join(lua_literal(item) for item in value) + "}"
    if isinstance(value, dict):
        pairs = (f"[{lua_literal(key)}] = {lua_literal(item)}" for key, item in value.items())
        return "{" + ", ".join(pairs) + "}"
    raise TypeError(f"no Lua form for {type(value).__name__}")


def _plan_table(plan: Plan) -> dict[str, object]:
    read_headers = {k: v for k, v in plan.headers.items() if k.lower() == "authorization"}
    headers = plan.headers | ({"Content-Type": "application/json"} if plan.body else {})
    return {
        "method": plan.method,
        "path": plan.path,
        "headers": headers,
        "read_headers": read_headers,
        "body": plan.body,
        "version": plan.version,
    }


def run_wrk(base_url: str, plans: list[Plan], seconds: int) -> LoadResult:
    """Hold len(plans) keep-alive connections busy for `seconds` and summarise what came back."""
    script = LUA % {"plans": lua_literal([_plan_table(p) for p in plans]), "marker": MARKER}
    threads = str(len(plans))  # one connection per thread: each keeps its own plan and ETag
    command = ["wrk", "-t", threads, "-c", threads, "-d", f"{seconds}s", "--timeout", WRK_TIMEOUT]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        finished = subprocess.run(  # noqa: S603 - a fixed command line, no shell
            [*command, "-s", handle.name, base_url],
            check=False,
            capture_output=True,
            text=True,
            timeout=seconds + 60,
        )
    finally:
        Path(handle.name).unlink()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    lines = [line for line in finished.stdout.splitlines() if line.startswith(MARKER)]
    if finished.returncode or not lines:
        raise RuntimeError(f"wrk failed:\n{finished.stdout}\n{finished.stderr}")
    found = json.loads(lines[-1].removeprefix(MARKER))
    return LoadResult(
        requests=found["requests"],
        seconds=found["duration_us"] / 1e6,
        statuses={int(code): n for code, n in found["statuses"].items()},
        socket_errors=found["socket_errors"],
        refetches=found["refetches"],
        p50_ms=found["p50_us"] / 1000,
        p99_ms=found["p99_us"] / 1000,
        generator_cpu=(after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
    )


TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu(pid: int) -> float:
    """Seconds of CPU a live process has used (user + system); 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def postgres_backends(database: str) -> dict[int, float]:
    """CPU seconds so far of each PostgreSQL backend connected to `database`, by pid."""
    found: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            title = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if title.startswith(b"postgres: ") and f" {database} ".encode() in title:
            found[int(entry.name)] = process_cpu(int(entry.name))
    return found


class BackendSampler:
    """CPU used by one database's PostgreSQL backends, and how many were opened, over a block.

    The pool closes overflow connections as they come back, so backends start and end while
    a row runs; sampling every `interval` sees each one's CPU up to shortly before it ends.
    """

    def __init__(self, database: str, interval: float = 0.1) -> None:
        self.database = database
        self.interval = interval
        self.start: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> BackendSampler:
        self.start = postgres_backends(self.database)
        self.last = dict(self.start)
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()
        self.last.update(postgres_backends(self.database))

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.last.update(postgres_backends(self.database))

    @property
    def cpu(self) -> float:
        return sum(cpu - self.start.get(pid, 0.0) for pid, cpu in self.last.items())

    @property
    def opened(self) -> int:
        return len(self.last.keys() - self.start.keys())


def own_cpu() -> float:
    """Seconds of CPU this process (the benchmark and its sampler thread) has used."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def machine_busy() -> float:
    """Seconds of CPU the whole machine has spent not idle, over all cores."""
    ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = ticks[3] + ticks[4]  # idle + iowait
    return (sum(ticks[:8]) - idle) / TICKS
