"""Liveness and readiness probes for the load balancer."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from resumate.deps import DatabaseDep
from resumate.migrations import current_revision, head_revision, is_known_revision

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "Not ready"}})
async def readyz(database: DatabaseDep) -> JSONResponse:
    head = head_revision()
    try:
        async with database.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        current = await current_revision(database.engine)
    except Exception:  # any failure to reach the database means "not ready"
        return JSONResponse({"status": "unavailable", "database": "unreachable"}, status_code=503)
    # Ready at this release's head, and also on a schema a newer release migrated: migrations
    # only add to the schema in the release that needs it, so rolling back to an older image
    # after a migration must not keep every replica out of the load balancer.
    if current != head and (current is None or is_known_revision(current)):
        body = {"status": "unavailable", "database": "ok", "migration": current, "head": head}
        return JSONResponse(body, status_code=503)
    body = {"status": "ok", "database": "ok", "migration": current}
    if current != head:
        body["head"] = head
    return JSONResponse(body)
