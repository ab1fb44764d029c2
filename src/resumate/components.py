"""The long-lived parts the app builds once at start (database, storage, renderer, accounts).

Each part is reached through its own typed `Slot`, which is also the FastAPI dependency that
hands it to a route (`StorageDep = Annotated[Storage, Depends(STORAGE)]`), so a feature adds a
part without editing a shared class. `Components` remembers the order parts were built in and
closes them in reverse when the app stops.
"""

from __future__ import annotations

from typing import Any, Generic, Protocol, TypeVar, cast, runtime_checkable

from fastapi import FastAPI, Request

T = TypeVar("T")


@runtime_checkable
class Closeable(Protocol):
    async def close(self) -> None:
        """Let go of what the part holds (connections, processes, clients)."""
        ...


class Slot(Generic[T]):
    """Where one kind of part is kept; called with a request, it is that part's dependency."""

    def __init__(self, name: str) -> None:
        self.name = name

    async def __call__(self, request: Request) -> T:
        # A coroutine, so FastAPI calls it in place instead of in a worker thread.
        return self.of(request.app)

    def of(self, app: FastAPI) -> T:
        components: Components = app.state.components
        return components.get(self)

    def find(self, app: FastAPI) -> T | None:
        """The part, or None in an app built without it (a test's bare router, say)."""
        components: Components | None = getattr(app.state, "components", None)
        return components.get(self) if components is not None and self in components else None

    def __repr__(self) -> str:
        return f"Slot({self.name!r})"


class Components:
    def __init__(self) -> None:
        self._parts: dict[str, Any] = {}

    def put(self, slot: Slot[T], part: T) -> T:
        if slot.name in self._parts:
            raise ValueError(f"{slot.name} is already built")
        self._parts[slot.name] = part
        return part

    def get(self, slot: Slot[T]) -> T:
        try:
            return cast(T, self._parts[slot.name])
        except KeyError:
            raise LookupError(f"the app has no {slot.name}") from None

    def __contains__(self, slot: Slot[Any]) -> bool:
        return slot.name in self._parts

    async def close(self) -> None:
        """Close every part that holds something, the last built first.

        The parts stay: each one opens again on next use (a pool, a browser), as an app whose
        lifespan ran twice needs.
        """
        for part in reversed(list(self._parts.values())):
            if isinstance(part, Closeable):
                await part.close()
