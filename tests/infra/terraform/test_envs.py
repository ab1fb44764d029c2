"""The staging and production roots: pinned, backed by S3, wired to the modules alike."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.infra.terraform import (
    ENVS,
    MODULES,
    ROOTS,
    TERRAFORM,
    directory,
    locals_of,
    named,
    typed,
)

# Arguments of a module block that are Terraform's own, not the module's variables.
META_ARGUMENTS = {"source", "version", "providers", "depends_on", "count", "for_each"}


@pytest.mark.parametrize("env", ENVS)
def test_env_pins_terraform_and_aws_provider_and_uses_an_s3_backend(env: str) -> None:
    path = TERRAFORM / "envs" / env
    (settings,) = directory(path)["terraform"]
    assert settings["required_version"] == ">= 1.6"
    (providers,) = settings["required_providers"]
    assert providers["aws"]["source"] == "hashicorp/aws"
    assert re.fullmatch(r"~> 5\.\d+", providers["aws"]["version"])
    (backend,) = settings["backend"]
    assert backend["s3"] == {"key": f"resumate/{env}/terraform.tfstate", "encrypt": True}
    assert (path / "backend.hcl.example").is_file()
    assert (path / "terraform.tfvars.example").is_file()


@pytest.mark.parametrize("root", ROOTS + sorted(MODULES.iterdir()), ids=lambda path: path.name)
def test_every_module_call_names_an_existing_module_and_only_its_variables(root: Path) -> None:
    for name, call in named(root, "module").items():
        module = (root / call["source"]).resolve()
        assert list(module.glob("*.tf")), f"{root.name}: module {name} has no source at {module}"
        declared = set(named(module, "variable"))
        unknown = set(call) - META_ARGUMENTS - declared
        assert not unknown, f"{root.name}: module {name} gets undeclared {sorted(unknown)}"


@pytest.mark.parametrize("root", ROOTS + sorted(MODULES.iterdir()), ids=lambda path: path.name)
def test_every_module_call_passes_every_required_variable(root: Path) -> None:
    for name, call in named(root, "module").items():
        variables = named((root / call["source"]).resolve(), "variable")
        required = {variable for variable, body in variables.items() if "default" not in body}
        missing = required - set(call)
        assert not missing, f"{root.name}: module {name} lacks {sorted(missing)}"


def test_staging_and_production_wire_the_same_modules_the_same_way() -> None:
    staging, production = (named(TERRAFORM / "envs" / env, "module") for env in ENVS)
    assert staging == production, "envs differ only in sizes.tf and their tfvars"


@pytest.mark.parametrize("env", ENVS)
def test_env_outputs_what_an_operator_needs(env: str) -> None:
    outputs = set(named(TERRAFORM / "envs" / env, "output"))
    assert outputs >= {
        "app_cloudfront_domain_name",
        "alb_dns_name",
        "ecr_repository_url",
        "cluster_name",
        "service_name",
        "migrate_task_family",
        "private_subnet_ids",
        "app_security_group_id",
        "cognito_user_pool_id",
        "cognito_client_id",
        "cloudfront_domain_name",
        "deploy_role_arn",
        "smtp_credentials_secret_arn",
    }


@pytest.mark.parametrize("env", ENVS)
def test_env_makes_the_senders_domain_an_ses_identity_signed_with_dkim_when_ses_relays(
    env: str,
) -> None:
    root = TERRAFORM / "envs" / env
    call = named(root, "module")["mail"]
    assert call["count"] == "${var.mail_smtp_host == null ? 1 : 0}"
    assert call["domain_name"] == "${local.mail_domain_name}"
    # The sender's own domain, whichever mail_from_address names.
    assert 'split("@", local.mail_from_address)' in locals_of(root)["mail_domain_name"]
    identity = typed(MODULES / "mail")["aws_sesv2_email_identity.this"]
    assert identity["email_identity"] == "${var.domain_name}"
    assert identity["dkim_signing_attributes"][0]["next_signing_key_length"] == "RSA_2048_BIT"
    assert "ses_dkim_records" in named(root, "output")
