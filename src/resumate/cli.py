"""The `resumate` command: serve the app, manage the database."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import tempfile
from pathlib import Path

import typer
import uvicorn
from pydantic import ValidationError

from resumate.config import Settings
from resumate.db import create_engine, create_sessionmaker
from resumate.document.schemas import dump_resume, parse_resume
from resumate.document.theme import Theme
from resumate.migrations import upgrade
from resumate.rendering.document import render_document
from resumate.rendering.renderer import RenderedPdf, Renderer
from resumate.templates.builtin import load_builtins, sync_builtins

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


@app.command("templates")
def list_templates() -> None:
    """List the built-in templates."""
    for builtin in load_builtins():
        typer.echo(f"{builtin.slug:<12} {builtin.name:<12} {builtin.description}")


@app.command()
def render(
    resume: Path = typer.Argument(..., exists=True, dir_okay=False, help="A JSON Resume file."),
    template: str = typer.Option("classic", "--template", "-t", help="Template name."),
    theme: list[str] = typer.Option(
        [], "--theme", help="A theme option as key=value, e.g. accentColor=#0f766e; repeatable."
    ),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the PDF."),
) -> None:
    """Print a JSON Resume file to PDF offline: no server, no database."""
    builtins = {b.slug: b for b in load_builtins()}
    if template not in builtins:
        raise typer.BadParameter(f"choose one of: {', '.join(builtins)}", param_hint="--template")
    try:
        data = dump_resume(parse_resume(json.loads(resume.read_text(encoding="utf-8"))))
        options = Theme.model_validate(parse_theme_options(theme)).stored()
    except (ValueError, ValidationError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    document = render_document(builtins[template].source, data, options)
    printed = asyncio.run(_print(document.html, document.title, document.author))
    output.write_bytes(printed.data)
    pages = printed.pages
    say(f"wrote {output} ({pages} page{'s' if pages != 1 else ''}, template {template})")


def parse_theme_options(pairs: list[str]) -> dict[str, object]:
    """`key=value` pairs; lists as comma-separated values, numbers as numbers."""
    options: dict[str, object] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise ValueError(f"--theme takes key=value, not {pair!r}")
        if key in ("sectionOrder", "hiddenSections"):
            options[key] = [part.strip() for part in value.split(",") if part.strip()]
        elif key in ("fontSize", "lineHeight", "marginMm"):
            options[key] = float(value)
        elif key in ("runningHeader", "pageNumbers"):
            options[key] = value.strip().lower() in ("true", "yes", "on", "1")
        else:
            options[key] = value
    return options


async def _print(html: str, title: str, author: str) -> RenderedPdf:
    with tempfile.TemporaryDirectory(prefix="resumate-render-") as scratch:
        renderer = Renderer(Settings().render, Path(scratch))
        try:
            return await renderer.pdf(html, title=title, author=author)
        finally:
            await renderer.close()


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
    # The app reads its settings afresh in the server: links it mails must name this address.
    os.environ["RESUMATE_HOST"], os.environ["RESUMATE_PORT"] = bind_host, str(bind_port)
    say(f"Resumate is on http://{bind_host}:{bind_port} (API docs at /api/docs)")
    uvicorn.run(
        "resumate.app:create_app",
        factory=True,
        host=bind_host,
        port=bind_port,
        workers=workers,
        # Forwarded headers are read by the app, from configured proxies only (web/proxies.py);
        # uvicorn's own reading would believe any client on loopback.
        proxy_headers=False,
        log_level="info",
    )


def main() -> None:
    app()
