"""The app as assembled: its dependencies all run on the event loop."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from resumate.app import ROUTERS


def dependencies(dependant: Dependant) -> Iterator[Any]:
    for dependency in dependant.dependencies:
        yield dependency.call
        yield from dependencies(dependency)


def runs_on_the_loop(call: Any) -> bool:
    function = call if inspect.isfunction(call) else getattr(call, "__call__", None)  # noqa: B004
    return inspect.iscoroutinefunction(function) or inspect.isasyncgenfunction(function)


def test_no_dependency_is_sent_to_a_worker_thread() -> None:
    """FastAPI runs a plain function dependency in a thread: a hop per request for nothing."""
    routes = [route for router in ROUTERS for route in router.routes if isinstance(route, APIRoute)]
    assert len(routes) > 50
    blocking = {
        f"{route.path}: {getattr(call, '__qualname__', call)}"
        for route in routes
        for call in dependencies(route.dependant)
        if not runs_on_the_loop(call)
    }
    assert blocking == set()
