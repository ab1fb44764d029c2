"""The `resumate` command: serve the app, manage the database."""

from __future__ import annotations

import asyncio
import logging

import typer
import uvicorn

from resumate.config import Settings
from resumate.db import create_engine, create_sessionmaker
from resumate.migrations import upgrade
from resumate.templates.builtin import sync_builtins

app = typer.Typer(help="Resumate AI: resume builder.", no_args_is_help=True)
db_app = typer.Typer(help="Database schema and seed data.", no_args_is_help=True)
app.add_typer(db_app, name="db")


def say(message: str) -> None:
    typer.echo(f"==> {message}", err=True)


def upgrade_database(settings: Settings) -> None:
    """Migrate to the newest schema and sync the built-in templates."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    say("applying database migrations")
    upgrade(settings.database_url)
    added = asyncio.run(_sync_templates(settings.database_url))
    say(f"built-in templates up to date ({added} new version(s))")


async def _sync_templates(url: str) -> int:
    engine = create_engine(url)
    try:
        async with create_sessionmaker(engine).begin() as session:
            return len(await sync_builtins(session))
    finally:
        await engine.dispose()


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply migrations and sync built-in templates (run once per deploy, not per replica)."""
    upgrade_database(Settings())


@app.command()
def serve(
    host: str | None = typer.Option(None, help="Address to listen on."),
    port: int | None = typer.Option(None, help="Port to listen on."),
    workers: int = typer.Option(1, help="Worker processes."),
) -> None:
    """Start the web app (in development the database is migrated first)."""
    settings = Settings()
    if settings.should_auto_migrate:
        upgrade_database(settings)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    bind_host, bind_port = host or settings.host, port or settings.port
    say(f"Resumate is on http://{bind_host}:{bind_port} (API docs at /api/docs)")
    uvicorn.run(
        "resumate.app:create_app",
        factory=True,
        host=bind_host,
        port=bind_port,
        workers=workers,
        proxy_headers=True,
        log_level="info",
    )


def main() -> None:
    app()
