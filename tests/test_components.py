"""The app's parts: each reached through its slot, all closed in reverse order of building."""

from __future__ import annotations

import pytest

from resumate.components import Components, Slot


class Part:
    def __init__(self, name: str, closed: list[str]) -> None:
        self.name = name
        self.closed = closed

    async def close(self) -> None:
        self.closed.append(self.name)


FIRST: Slot[Part] = Slot("first")
SECOND: Slot[Part] = Slot("second")
PLAIN: Slot[str] = Slot("plain")


async def test_parts_close_in_the_reverse_order_they_were_built() -> None:
    closed: list[str] = []
    parts = Components()
    parts.put(FIRST, Part("database", closed))
    parts.put(PLAIN, "settings hold nothing to close")
    parts.put(SECOND, Part("renderer", closed))
    await parts.close()
    assert closed == ["renderer", "database"]


def test_a_slot_hands_out_the_part_built_for_it() -> None:
    parts = Components()
    part = parts.put(FIRST, Part("database", []))
    assert parts.get(FIRST) is part
    assert FIRST in parts
    assert SECOND not in parts


def test_a_part_that_was_never_built_is_named_in_the_error() -> None:
    with pytest.raises(LookupError, match="second"):
        Components().get(SECOND)


def test_a_part_is_built_once() -> None:
    parts = Components()
    parts.put(FIRST, Part("database", []))
    with pytest.raises(ValueError, match="first is already built"):
        parts.put(FIRST, Part("another", []))
