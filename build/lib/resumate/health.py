"""Liveness and readiness probes for the load balancer."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from resumate.deps import ContextDep
from resumate.migrations import current_revision, head_revision

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "Not ready"}})
async def readyz(context: ContextDep) -> JSONResponse:
    head = head_revision()
    try:
        async with context.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        current = await current_revision(context.engine)
    except Exception:  # any failure to reach the database means "not ready"
        return JSONResponse({"status": "unavailable", "database": "unreachable"}, status_code=503)
    if current != head:
        body = {"status": "unavailable", "database": "ok", "migration": current, "head": head}
        return JSONResponse(body, status_code=503)
    return JSONResponse({"status": "ok", "database": "ok", "migration": current})
