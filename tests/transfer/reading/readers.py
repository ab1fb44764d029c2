"""The reader the worker's child runs in tests: a file that starts by telling it what to do
(`test:sleep`, `test:crash`, ...) gets that; any other goes to the real `read_resume`."""

from __future__ import annotations

import ctypes
import resource
import time

from resumate.transfer.reading.files import ReadResume, read_resume
from resumate.transfer.reading.images import PageImage
from resumate.transfer.reading.limits import Unreadable

TOLD = b"test:"
PAGE = PageImage(600, 800, "data:image/png;base64,iVBORw0KGgo=")


def told(data: bytes, *, images: bool = False) -> ReadResume:
    if TOLD not in data[:32]:
        return read_resume(data, images=images)
    what = data.partition(TOLD)[2].decode()
    if what == "sleep":
        time.sleep(3600)
    if what == "spin":
        while True:
            pass
    if what == "eat":
        eaten = bytearray(4 * 2**30)  # past the address-space limit: MemoryError
        return ReadResume("text", {"eaten": len(eaten)})
    if what == "crash":
        ctypes.string_at(0)  # a segmentation fault, as a reader's C library might meet
    if what == "refuse":
        raise Unreadable("Not this one.")
    if what == "bug":
        raise KeyError("a reader's own bug")
    if what == "not json":
        return ReadResume("text", {"when": {1, 2}})  # a set: not JSON
    if what == "drawn":
        return ReadResume("pdf", {}, images=[PAGE] if images else [])
    if what == "linked":  # what a child a file has taken over might answer
        return ReadResume("pdf", {}, images=[PAGE, PageImage(600, 800, "https://example.com/")])
    if what == "limits":
        memory = resource.getrlimit(resource.RLIMIT_AS)
        cpu = resource.getrlimit(resource.RLIMIT_CPU)
        used = resource.getrusage(resource.RUSAGE_SELF)
        document = {"memory": list(memory), "cpu": list(cpu), "used": used.ru_utime + used.ru_stime}
        return ReadResume("text", document)
    return ReadResume("text", {"basics": {"name": what}}, {"basics.name": 0.5}, ["Read."])
