"""The limits every file read for import keeps, and the one error a reader raises.

A file to import is untrusted: it may be huge, a bomb that expands a thousandfold, or lie about
its type. Each reader checks what it opens against these limits and raises `Unreadable` with a
sentence the person can act on; the worker that runs the readers (`resumate.transfer.reading.
worker`) adds the time and memory limits around them.
"""

from __future__ import annotations

import io
import zipfile

MAX_BYTES = 10 * 1024 * 1024
MAX_PAGES = 20
# A Word file or LinkedIn export unpacked: members, their total size, and how far one expands.
MAX_MEMBERS = 2000
MAX_UNPACKED = 50 * 1024 * 1024
MAX_RATIO = 200


class Unreadable(ValueError):
    """A file that cannot be imported, said in words a person can act on."""


def open_zip(data: bytes, what: str) -> zipfile.ZipFile:
    """A ZIP archive checked for bombs before anything in it is read; `what` names it in errors."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise Unreadable(f"This {what} is damaged or is not a {what}.") from None
    if len(members) > MAX_MEMBERS:
        raise Unreadable(f"This {what} holds too many parts ({len(members)}) to read.")
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED:
        raise Unreadable(f"This {what} unpacks to more than {MAX_UNPACKED // 2**20} MB.")
    for member in members:
        if member.file_size > MAX_RATIO * max(member.compress_size, 1) and member.file_size > 2**20:
            raise Unreadable(f"This {what} holds a part that unpacks far beyond its size.")
    return archive


def read_member(archive: zipfile.ZipFile, name: str, limit: int = MAX_UNPACKED) -> bytes:
    """One member's bytes, read no further than `limit` whatever its header claims."""
    with archive.open(name) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise Unreadable("A part of this file unpacks beyond what can be read.")
    return data
