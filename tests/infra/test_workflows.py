"""The GitHub Actions workflows: actionlint, pinned actions, least privilege, and what they run."""

from __future__ import annotations

import re
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$")
VERSION_COMMENT = re.compile(r"^\s+# v\d+\.\d+\.\d+$")


@cache
def workflow(name: str) -> dict[str, Any]:
    loaded: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # YAML 1.1 reads the bare key `on` as the boolean true.
    loaded["on"] = loaded.pop(True, loaded.get("on"))
    return {str(key): value for key, value in loaded.items()}


def workflow_files() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.y*ml"))


def jobs(name: str) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = workflow(name)["jobs"]
    return found


def steps(name: str, job: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = jobs(name)[job]["steps"]
    return found


def step_index(name: str, job: str, *, uses: str = "", runs: str = "") -> int:
    for index, step in enumerate(steps(name, job)):
        if uses and str(step.get("uses", "")).startswith(uses + "@"):
            return index
        if runs and runs in str(step.get("run", "")):
            return index
    raise AssertionError(f"{name}:{job} has no step using {uses or runs!r}")


def all_uses(name: str) -> list[str]:
    found = [str(job["uses"]) for job in jobs(name).values() if "uses" in job]
    for job in jobs(name).values():
        found += [str(step["uses"]) for step in job.get("steps", []) if "uses" in step]
    return found


ALL = [path.name for path in workflow_files()]


def test_there_is_a_ci_and_a_deploy_workflow() -> None:
    assert {"ci.yml", "deploy.yml"} <= set(ALL)


def test_actionlint_passes(infra_bin: Path) -> None:
    result = subprocess.run(
        # Named files, so no git checkout is needed to find them.
        [str(infra_bin / "actionlint"), "-no-color", *map(str, workflow_files())],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", ALL)
def test_every_action_is_pinned_to_a_commit_with_its_version_noted(name: str) -> None:
    lines = [USES_LINE.match(line) for line in (WORKFLOWS / name).read_text().splitlines()]
    written = [match for match in lines if match]
    assert sorted(match[1] for match in written) == sorted(all_uses(name))
    for match in written:
        assert PINNED.match(match[1]), f"{match[1]} is not pinned to a full commit SHA"
        assert VERSION_COMMENT.match(match[2]), f"{match[1]} lacks a `# vX.Y.Z` comment"


def test_each_action_is_pinned_to_one_commit_everywhere() -> None:
    commits: dict[str, set[str]] = {}
    for path in workflow_files():
        for uses in all_uses(path.name):
            action, _, sha = uses.partition("@")
            commits.setdefault(action, set()).add(sha)
    assert {action: len(shas) for action, shas in commits.items() if len(shas) > 1} == {}


@pytest.mark.parametrize("name", ALL)
def test_every_job_has_a_time_limit(name: str) -> None:
    for job_name, job in jobs(name).items():
        minutes = job.get("timeout-minutes")
        assert isinstance(minutes, int), f"{name}:{job_name} has no timeout-minutes"
        assert 0 < minutes <= 60, f"{name}:{job_name}"


@pytest.mark.parametrize("name", ALL)
def test_the_token_is_read_only_unless_a_job_says_otherwise(name: str) -> None:
    assert workflow(name)["permissions"] == {"contents": "read"}
    for job_name, job in jobs(name).items():
        granted = job.get("permissions", {})
        assert isinstance(granted, dict), f"{name}:{job_name} uses a permission preset"
        writes = {scope for scope, level in granted.items() if level == "write"}
        expected = {"id-token"} if (name, job_name) == ("deploy.yml", "deploy") else set()
        assert writes == expected, f"{name}:{job_name}"


def test_ci_runs_on_pull_requests_and_main_and_cancels_superseded_runs() -> None:
    triggers = workflow("ci.yml")["on"]
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    assert workflow("ci.yml")["concurrency"]["cancel-in-progress"] is True


def test_ci_runs_make_test_on_debian_with_the_images_python() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    base = re.search(r"^ARG PYTHON_IMAGE=(\S+)$", dockerfile, re.MULTILINE)
    assert base
    test = jobs("ci.yml")["test"]
    assert test["container"]["image"] == base[1]
    assert steps("ci.yml", "test")[-1]["run"] == "make test"
    assert step_index("ci.yml", "test", uses="actions/cache") < len(steps("ci.yml", "test")) - 1


def test_ci_checks_terraform_formatting_and_runs_the_infra_tests() -> None:
    step_index("ci.yml", "terraform", uses="hashicorp/setup-terraform")
    fmt = step_index("ci.yml", "terraform", runs="terraform fmt -check -recursive")
    assert steps("ci.yml", "terraform")[fmt]["run"].endswith(" infra/terraform")
    step_index("ci.yml", "terraform", runs="pytest tests/infra")


def test_ci_lints_and_builds_the_image_without_pushing() -> None:
    hadolint = step_index("ci.yml", "image", runs="hadolint Dockerfile")
    build = step_index("ci.yml", "image", uses="docker/build-push-action")
    assert hadolint < build
    settings = steps("ci.yml", "image")[build]["with"]
    assert settings["push"] is False
    assert settings["cache-to"].startswith("type=gha")
    # Where a Docker engine runs, compose itself checks the file before the stack starts.
    assert step_index("ci.yml", "image", runs="docker compose config -q") <= step_index(
        "ci.yml", "image", runs="docker compose up -d --wait"
    )


def test_ci_caches_pip() -> None:
    for job_name in ("terraform", "image"):
        setup = step_index("ci.yml", job_name, uses="actions/setup-python")
        assert steps("ci.yml", job_name)[setup]["with"]["cache"] == "pip"


def test_deploy_follows_a_successful_ci_on_main_or_a_manual_choice() -> None:
    triggers = workflow("deploy.yml")["on"]
    assert triggers["workflow_run"] == {
        "workflows": [workflow("ci.yml")["name"]],
        "types": ["completed"],
        "branches": ["main"],
    }
    inputs = triggers["workflow_dispatch"]["inputs"]
    assert inputs["environment"]["options"] == ["staging", "production"]
    assert {"ref", "migrate"} <= set(inputs)
    job = jobs("deploy.yml")["deploy"]
    assert "github.event.workflow_run.conclusion == 'success'" in job["if"]
    assert "github.event.workflow_run.event == 'push'" in job["if"]
    assert "inputs.environment" in job["environment"]
    assert workflow("deploy.yml")["concurrency"]["cancel-in-progress"] is False


def test_deploy_assumes_a_role_and_holds_no_keys() -> None:
    text = (WORKFLOWS / "deploy.yml").read_text(encoding="utf-8")
    assert "secrets." not in text
    assert not re.search(r"aws-(access-key-id|secret-access-key)|AWS_SECRET_ACCESS_KEY", text)
    login = step_index("deploy.yml", "deploy", uses="aws-actions/configure-aws-credentials")
    assert "role-to-assume" in steps("deploy.yml", "deploy")[login]["with"]
    assert jobs("deploy.yml")["deploy"]["permissions"]["id-token"] == "write"


def test_deploy_migrates_once_before_the_service_moves_to_the_commits_image() -> None:
    job = "deploy"
    all_steps = steps("deploy.yml", job)
    ecs_deploys = [
        index
        for index, step in enumerate(all_steps)
        if "amazon-ecs-deploy-task-definition@" in step.get("uses", "")
    ]
    register, deploy_service = ecs_deploys
    assert "service" not in all_steps[register]["with"], "the first one only registers migrate"
    order = [
        step_index("deploy.yml", job, uses="aws-actions/configure-aws-credentials"),
        step_index("deploy.yml", job, uses="aws-actions/amazon-ecr-login"),
        step_index("deploy.yml", job, uses="docker/build-push-action"),
        step_index("deploy.yml", job, uses="aws-actions/amazon-ecs-render-task-definition"),
        register,
        step_index("deploy.yml", job, runs="aws ecs run-task"),
        deploy_service,
    ]
    assert order == sorted(order)
    build = all_steps[order[2]]["with"]
    assert build["push"] is True
    (image,) = [s for s in all_steps if s.get("id") == "image"]
    assert image["env"]["SHA"] == "${{ steps.commit.outputs.sha }}"
    assert '"uri=$REGISTRY/$ECR_REPOSITORY:$SHA"' in image["run"]
    assert build["tags"] == "${{ steps.image.outputs.uri }}"
    rendered = [s["with"] for s in all_steps if "render-task-definition" in s.get("uses", "")]
    assert {r["task-definition-family"] for r in rendered} == {
        "${{ vars.ECS_APP_TASK_FAMILY }}",
        "${{ vars.ECS_MIGRATE_TASK_FAMILY }}",
    }
    migrate = all_steps[order[5]]["run"]
    assert "aws ecs wait tasks-stopped" in migrate
    assert "exitCode" in migrate
    assert all_steps[register]["with"]["task-definition"].startswith("${{ steps.migrate-task.")
    deploy = all_steps[deploy_service]
    assert deploy["with"]["task-definition"].startswith("${{ steps.app-task.")
    assert deploy["with"]["wait-for-service-stability"] is True
    assert deploy["with"]["service"] == "${{ vars.ECS_SERVICE }}"


def test_deploy_says_how_to_roll_back() -> None:
    text = (WORKFLOWS / "deploy.yml").read_text(encoding="utf-8")
    assert re.search(r"^# Rolling back is deploying an earlier commit", text, re.MULTILINE)
