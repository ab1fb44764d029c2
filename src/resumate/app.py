"""The ASGI application: its parts, routes, pages, error handling, middleware and upkeep.

The only module that imports routers and pages: every feature's routes are listed here once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from datetime import timedelta

from fastapi import FastAPI

from resumate.account.deps import AI_PROVIDER_EXPORT
from resumate.account.email.pages import router as account_email_pages
from resumate.account.email.router import router as account_email_router
from resumate.account.pages import router as account_pages
from resumate.account.router import router as account_router
from resumate.ai.apply.router import router as ai_apply_router
from resumate.ai.check.router import router as ai_check_router
from resumate.ai.generation.router import router as ai_generation_router
from resumate.ai.generation.router import status_router as ai_status_router
from resumate.ai.match.router import router as ai_match_router
from resumate.ai.providers.build import AIProviders
from resumate.ai.providers.deps import PROVIDER
from resumate.ai.userprovider.pages import router as ai_provider_pages
from resumate.ai.userprovider.router import router as ai_provider_router
from resumate.ai.userprovider.service import exported_provider
from resumate.ai.warm import warm_analyzers
from resumate.auth.backend import AuthBackend
from resumate.auth.deps import AUTH
from resumate.auth.devices.pages import router as devices_pages
from resumate.auth.devices.router import router as devices_router
from resumate.auth.devices.service import prune_ended
from resumate.auth.pages import router as auth_pages
from resumate.auth.passkeys.pages import router as passkey_pages
from resumate.auth.passkeys.router import router as passkey_router
from resumate.auth.reset.pages import router as reset_pages
from resumate.auth.reset.router import router as reset_router
from resumate.auth.router import jwks_router
from resumate.auth.router import router as auth_router
from resumate.auth.signup.pages import router as signup_pages
from resumate.auth.signup.router import router as signup_router
from resumate.auth.twofactor.deps import SECRET_BOX
from resumate.auth.twofactor.pages import router as two_factor_pages
from resumate.auth.twofactor.router import router as two_factor_router
from resumate.auth.twofactor.signin import prune_pending
from resumate.auth.twofactor.totp import SecretBox
from resumate.components import Components
from resumate.config import Settings, app_secret
from resumate.db import Database
from resumate.deps import DATABASE, SETTINGS
from resumate.gallery.ahead import make_gallery_pictures
from resumate.gallery.pages import router as gallery_pages
from resumate.health.router import router as health_router
from resumate.mail import Postbox, build_mailer
from resumate.mail.deps import MAILER, POSTBOX
from resumate.openapi import document_body_limits
from resumate.rendering.deps import RENDERER
from resumate.rendering.renderer import Renderer
from resumate.resumes.cleanup.service import sweep
from resumate.resumes.editor.pages import router as editor_pages
from resumate.resumes.fit.router import router as fit_router
from resumate.resumes.pages import router as resumes_pages
from resumate.resumes.pdf.router import router as pdf_router
from resumate.resumes.photo.router import PHOTO_PATH
from resumate.resumes.photo.router import router as photo_router
from resumate.resumes.router import router as resumes_router
from resumate.resumes.service import ResumeService
from resumate.resumes.thumbnails.ahead import THUMBNAILS_AHEAD, ThumbnailsAhead
from resumate.resumes.thumbnails.pages import router as thumbnail_pages
from resumate.resumes.trash.pages import router as trash_pages
from resumate.resumes.trash.router import router as trash_router
from resumate.resumes.versions.router import router as versions_router
from resumate.sharing.deps import SHARE_KEYS
from resumate.sharing.keys import ShareKeys
from resumate.sharing.pages import router as sharing_pages
from resumate.sharing.router import router as sharing_router
from resumate.storage import build_storage
from resumate.storage.deps import STORAGE
from resumate.storage.local import LocalStorage
from resumate.storage.router import files_router
from resumate.templates.router import router as templates_router
from resumate.tidy.router import TIDY_PATH
from resumate.tidy.router import router as tidy_router
from resumate.transfer.deps import READER
from resumate.transfer.direct.deps import UPLOADS, UPLOADS_API
from resumate.transfer.direct.service import DirectUploads
from resumate.transfer.pages import router as transfer_pages
from resumate.transfer.reading.limits import MAX_BYTES
from resumate.transfer.reading.worker import ReadingWorker
from resumate.transfer.report.deps import REPORTS
from resumate.transfer.report.router import router as report_router
from resumate.transfer.report.service import ReportCache
from resumate.transfer.router import router as transfer_router
from resumate.transfer.upload import UPLOAD_PATHS
from resumate.web import handlers
from resumate.web.csrf import CSRF
from resumate.web.host_cookies import HostCookies
from resumate.web.middleware import CatchUnhandled, LimitBody, SecurityHeaders
from resumate.web.proxies import TrustedProxies
from resumate.web.router import router as assets_router
from resumate.web.templating import UPLOAD_TARGET, UploadTarget

log = logging.getLogger("resumate")

PURGE_INTERVAL_SECONDS = 3600
# How often stored files whose deletion storage has not confirmed yet are tried again.
SWEEP_INTERVAL_SECONDS = 60

# In the order their paths must be tried: `/api/resumes/import` and `/trash` before `/{id}`.
# The resume API, which most requests use, is tried first.
ROUTERS = (
    health_router,
    transfer_router,
    tidy_router,
    sharing_router,
    trash_router,
    ai_check_router,
    ai_generation_router,
    ai_match_router,
    resumes_router,
    versions_router,
    ai_apply_router,
    pdf_router,
    photo_router,
    fit_router,
    report_router,
    ai_status_router,
    jwks_router,
    auth_router,
    passkey_router,
    devices_router,
    two_factor_router,
    reset_router,
    signup_router,
    account_router,
    account_email_router,
    ai_provider_router,
    templates_router,
    assets_router,
    auth_pages,
    reset_pages,
    signup_pages,
    editor_pages,
    devices_pages,
    account_pages,
    passkey_pages,
    two_factor_pages,
    account_email_pages,
    ai_provider_pages,
    transfer_pages,
    resumes_pages,
    thumbnail_pages,
    trash_pages,
    gallery_pages,
    sharing_pages,
)


def build_components(settings: Settings) -> Components:
    """Every long-lived part, in the order they depend on each other (closed in reverse)."""
    parts = Components()
    parts.put(SETTINGS, settings)
    database = parts.put(
        DATABASE,
        Database.connect(
            settings.database_url,
            pool_size=settings.database.pool_size,
            pre_ping=settings.database.pre_ping,
            echo=settings.database.echo,
        ),
    )
    secret = app_secret(settings)
    parts.put(STORAGE, build_storage(settings, secret))
    # Chromium starts on the first render, not here: most processes never print.
    renderer = parts.put(RENDERER, Renderer(settings.render, settings.data_dir / "renderer"))
    # Closed before the renderer and storage it uses: pictures still waiting are dropped.
    parts.put(THUMBNAILS_AHEAD, ThumbnailsAhead(database, parts.get(STORAGE), renderer))
    # Likewise the process that reads files to import starts with the first one.
    parts.put(READER, ReadingWorker(settings.imports))
    uploads = DirectUploads.build(settings, secret)
    if uploads is not None:
        parts.put(UPLOADS, uploads)
        parts.put(UPLOAD_TARGET, UploadTarget(uploads.origin, UPLOADS_API, MAX_BYTES))
    parts.put(REPORTS, ReportCache())
    # The postbox's jobs use the database and the mailer: closed (drained) before either.
    parts.put(POSTBOX, Postbox(parts.put(MAILER, build_mailer(settings))))
    auth = parts.put(AUTH, AuthBackend.build(settings, database))
    parts.put(CSRF, auth.csrf)
    parts.put(SECRET_BOX, SecretBox.from_app_secret(secret))
    parts.put(SHARE_KEYS, ShareKeys(secret))
    parts.put(AI_PROVIDER_EXPORT, exported_provider)
    parts.put(PROVIDER, AIProviders(settings.ai))
    return parts


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    components = build_components(settings)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        upkeep = asyncio.create_task(_upkeep_forever(components))
        # In a worker thread: the app answers at once, and the analyzers are ready soon after.
        warming = asyncio.create_task(asyncio.to_thread(warm_analyzers))
        # The gallery's pictures, made while nobody waits for them.
        pictures = asyncio.create_task(
            make_gallery_pictures(
                components.get(DATABASE), components.get(STORAGE), components.get(RENDERER)
            )
        )
        try:
            yield
        finally:
            for task in (upkeep, pictures):
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await warming
            await components.close()

    app = FastAPI(
        title="Resumate AI",
        version="0.1.0",
        summary="Write a resume, watch the live preview, download an ATS-readable PDF.",
        # Served from the package's own Swagger UI by the assets router: FastAPI's loads it
        # from a CDN. The API has no OAuth2 flow, so no OAuth2 redirect page either.
        docs_url=None,
        swagger_ui_oauth2_redirect_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.components = components
    handlers.install(app)
    storage = components.get(STORAGE)
    if isinstance(storage, LocalStorage):
        app.include_router(files_router(storage))
    for router in ROUTERS:
        app.include_router(router)
    generate = app.openapi
    app.openapi = lambda: document_body_limits(generate())  # type: ignore[method-assign]
    # Added last = outermost: the client's real address and scheme first, then the cookies'
    # names for that scheme, headers on every answer, the body's size and time limits, and
    # the catch-all. The import routes take a file, and so a larger body than the rest.
    app.add_middleware(CatchUnhandled)
    app.add_middleware(
        LimitBody,
        max_bytes=settings.max_body_bytes,
        max_seconds=settings.body_timeout_seconds,
        allowances=dict.fromkeys((*UPLOAD_PATHS, TIDY_PATH), settings.imports.max_body_bytes),
        pattern_allowances={PHOTO_PATH: settings.imports.max_body_bytes},
    )
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HostCookies)
    app.add_middleware(TrustedProxies, networks=settings.trusted_proxies)
    return app


async def purge_expired_trash(components: Components) -> int:
    retention = timedelta(days=components.get(SETTINGS).trash_retention_days)
    async with components.get(DATABASE).sessionmaker.begin() as session:
        return await ResumeService(session, retention, components.get(STORAGE)).purge_expired()


async def _upkeep_forever(components: Components) -> None:
    """Every minute, the file deletions that are due; every hour, the trash's expired resumes,
    the devices whose sessions ended and the pending sign-ins that ran out."""
    loop = asyncio.get_running_loop()
    next_purge = loop.time()
    while True:
        try:
            if loop.time() >= next_purge:
                next_purge = loop.time() + PURGE_INTERVAL_SECONDS
                purged = await purge_expired_trash(components)
                if purged:
                    log.info("purged %d resumes whose time in the trash ran out", purged)
                forgotten = await prune_ended(components.get(DATABASE).sessionmaker)
                if forgotten:
                    log.info("forgot %d device sessions that ended", forgotten)
                pending = await prune_pending(components.get(DATABASE).sessionmaker)
                if pending:
                    log.info("forgot %d pending sign-ins that ran out or were used", pending)
            database = components.get(DATABASE)
            swept = await sweep(database.sessionmaker, components.get(STORAGE))
            if swept:
                log.info("deleted the stored files of %d folders left from earlier", swept)
        except Exception as exc:  # upkeep must never take the app down
            log.warning("upkeep failed: %s", type(exc).__name__)
        await asyncio.sleep(SWEEP_INTERVAL_SECONDS)
