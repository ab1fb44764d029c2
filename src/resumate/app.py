"""The ASGI application: routers, error handling, middleware and background upkeep."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from datetime import timedelta

from fastapi import FastAPI

from resumate import error_handlers, health
from resumate.account.pages import router as account_pages
from resumate.account.router import router as account_router
from resumate.auth.pages import router as auth_pages
from resumate.auth.router import jwks_router
from resumate.auth.router import router as auth_router
from resumate.config import Settings
from resumate.context import AppContext
from resumate.middleware import CatchUnhandled, LimitBodySize, SecurityHeaders
from resumate.resumes.editor import router as editor_pages
from resumate.resumes.pages import router as resumes_pages
from resumate.resumes.pdf_router import router as pdf_router
from resumate.resumes.router import router as resumes_router
from resumate.resumes.service import ResumeService
from resumate.resumes.transfer_router import router as transfer_router
from resumate.resumes.trash_pages import router as trash_pages
from resumate.resumes.versions_router import router as versions_router
from resumate.storage.local import LocalStorage
from resumate.storage.router import mount_local_files
from resumate.templates.pages import router as templates_pages
from resumate.templates.router import router as templates_router
from resumate.web.assets import router as assets_router

log = logging.getLogger("resumate")

PURGE_INTERVAL_SECONDS = 3600


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    context = AppContext.build(settings)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        upkeep = asyncio.create_task(_purge_trash_forever(context))
        try:
            yield
        finally:
            upkeep.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await upkeep
            await context.renderer.close()
            close_storage = getattr(context.storage, "close", None)
            if close_storage is not None:
                close_storage()
            if context.cognito is not None:
                context.cognito.client.close()
            await context.engine.dispose()

    app = FastAPI(
        title="Resumate AI",
        version="0.1.0",
        summary="Write a resume, watch the live preview, download an ATS-readable PDF.",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.context = context
    error_handlers.install(app)
    if isinstance(context.storage, LocalStorage):
        mount_local_files(app, context.storage)
    for router in (
        health.router,
        jwks_router,
        auth_router,
        account_router,
        templates_router,
        transfer_router,
        resumes_router,
        versions_router,
        pdf_router,
        assets_router,
        auth_pages,
        editor_pages,
        account_pages,
        resumes_pages,
        trash_pages,
        templates_pages,
    ):
        app.include_router(router)
    # Added last = outermost: headers on every answer, then size limit, then the catch-all.
    app.add_middleware(CatchUnhandled)
    app.add_middleware(LimitBodySize, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


async def purge_expired_trash(context: AppContext) -> int:
    retention = timedelta(days=context.settings.trash_retention_days)
    async with context.sessionmaker.begin() as session:
        return await ResumeService(session, retention, context.storage).purge_expired()


async def _purge_trash_forever(context: AppContext) -> None:
    while True:
        try:
            purged = await purge_expired_trash(context)
            if purged:
                log.info("purged %d resumes whose time in the trash ran out", purged)
        except Exception as exc:  # upkeep must never take the app down
            log.warning("trash purge failed: %s", type(exc).__name__)
        await asyncio.sleep(PURGE_INTERVAL_SECONDS)
