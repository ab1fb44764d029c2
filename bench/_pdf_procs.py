"""This process's descendants, found through /proc: the Chromium tree's memory and everyone's CPU.

Chromium is a tree of processes (browser, zygotes, GPU/utility, one renderer per page) under
Playwright's Node driver, itself a child of this process. Each process's RSS counts the pages
it shares with the others (the binary, the fonts, shared memory) again, so the sum of RSS
overstates the real footprint; PSS splits every shared page among its sharers and sums to
what the tree really holds. Both are reported.
"""

from __future__ import annotations

import os
import resource
import time
from dataclasses import dataclass
from pathlib import Path

from bench._load import TICKS, machine_busy

MB = 1024 * 1024


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name; None once the process is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def descendants(root: int) -> list[int]:
    """Every live process below `root`, at any depth."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(int(entry.name))) is not None:
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found: list[int] = []
    waiting = [root]
    while waiting:
        below = children.get(waiting.pop(), [])
        found += below
        waiting += below
    return found


def is_chromium(pid: int) -> bool:
    try:
        return "chrom" in Path(os.readlink(f"/proc/{pid}/exe")).name
    except OSError:
        return False


def _kilobytes(path: str, field: str) -> int:
    """A `Field:  123 kB` line of a /proc file, in bytes; 0 if the process is gone."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def rss(pid: int) -> int:
    return _kilobytes(f"/proc/{pid}/status", "VmRSS")


def pss(pid: int) -> int:
    return _kilobytes(f"/proc/{pid}/smaps_rollup", "Pss")


@dataclass(frozen=True)
class Memory:
    python_rss: int
    driver_rss: int
    chromium_processes: int
    chromium_rss: int
    chromium_pss: int


def memory() -> Memory:
    """This Python process, Playwright's driver(s) and the Chromium tree(s), right now."""
    below = descendants(os.getpid())
    chromium = [pid for pid in below if is_chromium(pid)]
    others = [pid for pid in below if pid not in chromium]
    return Memory(
        python_rss=rss(os.getpid()),
        driver_rss=sum(rss(pid) for pid in others),
        chromium_processes=len(chromium),
        chromium_rss=sum(rss(pid) for pid in chromium),
        chromium_pss=sum(pss(pid) for pid in chromium),
    )


def tree_cpu() -> float:
    """CPU seconds used by this process and everything it started, dead or alive.

    A process that ended was waited for by its parent, whose cutime/cstime now hold its time;
    the ones this process waited for are in RUSAGE_CHILDREN.
    """
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    for pid in descendants(os.getpid()):
        if (fields := _stat(pid)) is not None:
            total += sum(int(n) for n in fields[11:15]) / TICKS
    return total


@dataclass(frozen=True)
class Usage:
    seconds: float  # wall time
    ours: float  # CPU seconds of this process and everything it started
    others: float  # the rest of the machine's CPU, as a fraction of one core


class Watch:
    """Started when made: wall time, our CPU and the rest of the machine's CPU since then."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.machine = machine_busy()
        self.ours = tree_cpu()

    def stop(self) -> Usage:
        seconds = time.perf_counter() - self.start
        ours = tree_cpu() - self.ours
        others = max(0.0, machine_busy() - self.machine - ours)
        return Usage(seconds, ours, others / seconds if seconds > 0 else 0.0)
