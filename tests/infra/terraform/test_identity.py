"""Who signs in (Cognito) and what each IAM role may do."""

from __future__ import annotations

import pytest

from tests.infra.terraform import (
    ENVS,
    MODULES,
    TERRAFORM,
    Block,
    every_directory,
    locals_of,
    named,
    of_type,
    resource,
    typed,
)

# Actions with no resource-level permissions, for which AWS requires "Resource": "*".
STAR_ONLY_ACTIONS = {
    "ecr:GetAuthorizationToken",
    "ecs:DescribeTaskDefinition",
    "ecs:RegisterTaskDefinition",
}


def statements(module: str, document: str) -> list[Block]:
    body = typed(MODULES / module, "data")[f"aws_iam_policy_document.{document}"]
    found: list[Block] = body["statement"]
    return found


def actions(module: str, document: str) -> set[str]:
    return {action for statement in statements(module, document) for action in statement["actions"]}


# --- accounts ---------------------------------------------------------------------------------


def test_cognito_client_hides_which_users_exist_and_allows_only_password_and_refresh_flows() -> (
    None
):
    client = resource("auth", "aws_cognito_user_pool_client.app")
    assert client["prevent_user_existence_errors"] == "ENABLED"
    assert set(client["explicit_auth_flows"]) == {
        "ALLOW_USER_PASSWORD_AUTH",
        "ALLOW_REFRESH_TOKEN_AUTH",
    }
    assert client["generate_secret"] is False


def test_cognito_token_lifetimes_have_explicit_units_and_short_access_tokens() -> None:
    client = resource("auth", "aws_cognito_user_pool_client.app")
    assert client["token_validity_units"][0] == {
        "access_token": "minutes",
        "id_token": "minutes",
        "refresh_token": "days",
    }
    variables = named(MODULES / "auth", "variable")
    for token in ("access_token_minutes", "id_token_minutes"):
        assert 15 <= variables[token]["default"] <= 60
        assert (
            f"var.{token} >= 15 && var.{token} <= 60"
            in variables[token]["validation"][0]["condition"]
        )


def test_user_pool_recovers_passwords_by_verified_email_only() -> None:
    # ForgotPassword mails a code to the address the app marked verified on sign-up.
    (setting,) = resource("auth", "aws_cognito_user_pool.this")["account_recovery_setting"]
    assert setting["recovery_mechanism"] == [{"name": "verified_email", "priority": 1}]


def test_user_pool_has_a_password_policy_and_switchable_deletion_protection() -> None:
    pool = resource("auth", "aws_cognito_user_pool.this")
    assert pool["password_policy"][0]["minimum_length"] == "${var.password_minimum_length}"
    assert pool["deletion_protection"] == '${var.deletion_protection ? "ACTIVE" : "INACTIVE"}'


# --- identities -------------------------------------------------------------------------------


def test_star_resources_appear_only_for_actions_aws_requires_them_for() -> None:
    for path in every_directory():
        for address, document in of_type(path, "aws_iam_policy_document", "data").items():
            for statement in document["statement"]:
                if "*" in statement.get("resources", []) and statement.get("effect") != "Deny":
                    extra = set(statement["actions"]) - STAR_ONLY_ACTIONS
                    assert not extra, f"{path.name}/{address} grants {sorted(extra)} on *"


def test_task_role_reaches_only_its_prefix_of_the_pdf_bucket_and_sign_up_confirmation() -> None:
    assert actions("ecs_service", "task") == {
        "s3:GetObject",
        "s3:PutObject",
        "s3:DeleteObject",
        "s3:ListBucket",
        "kms:GenerateDataKey",
        "kms:Decrypt",
        "cognito-idp:AdminConfirmSignUp",
        "cognito-idp:AdminUpdateUserAttributes",
        "cognito-idp:AdminUserGlobalSignOut",
        "cognito-idp:AdminDeleteUser",
        "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
        "bedrock:InvokeModel",
        "bedrock:InvokeModelWithResponseStream",
    }
    objects = statements("ecs_service", "task")[0]
    assert objects["resources"] == ["${var.pdf_bucket_arn}/${var.storage_prefix}/*"]


def test_execution_role_reads_only_the_app_secrets() -> None:
    (read,) = [s for s in statements("ecs_service", "execution") if s["sid"] == "ReadAppSecrets"]
    assert read["actions"] == ["secretsmanager:GetSecretValue"]
    assert read["resources"] == "${local.secret_arns}"
    # A setting naming one key of a JSON secret (`arn:...:secret:name-AbC:username::`) is
    # granted by the secret's own ARN: its first seven fields.
    secret_arns = locals_of(MODULES / "ecs_service")["secret_arns"]
    assert secret_arns == (
        "${distinct([for value in values(var.secrets) : "
        'join(":", slice(split(":", value), 0, 7))])}'
    )


def test_task_role_manages_the_users_of_its_pool_only() -> None:
    # Confirms sign-ups and marks addresses verified; ends sessions after a reset; deletes a
    # closed account's user. Each of these is a call the app makes (auth/cognito/client.py).
    (manage,) = [s for s in statements("ecs_service", "task") if s["sid"] == "ManageOwnUsers"]
    assert set(manage["actions"]) == {
        "cognito-idp:AdminConfirmSignUp",
        "cognito-idp:AdminUpdateUserAttributes",
        "cognito-idp:AdminUserGlobalSignOut",
        "cognito-idp:AdminDeleteUser",
    }
    assert manage["resources"] == ["${var.cognito_user_pool_arn}"]


def test_task_role_invokes_only_the_configured_bedrock_model() -> None:
    (invoke,) = [
        s for s in statements("ecs_service", "task") if s["sid"] == "InvokeConfiguredModel"
    ]
    assert set(invoke["actions"]) == {
        "bedrock:InvokeModel",
        "bedrock:InvokeModelWithResponseStream",
    }
    assert invoke["resources"] == [
        "arn:${local.partition}:bedrock:${local.region}::foundation-model/${var.bedrock_model_id}"
    ]


def test_deploy_role_is_assumable_only_from_its_own_github_environment() -> None:
    (trust,) = statements("github_oidc", "assume")
    conditions = {condition["variable"]: condition for condition in trust["condition"]}
    subject = conditions["${local.issuer}:sub"]
    assert subject["test"] == "StringEquals"
    assert subject["values"] == [
        "repo:${var.github_repository}:environment:${var.github_environment}"
    ]
    assert conditions["${local.issuer}:aud"]["values"] == ["sts.amazonaws.com"]
    for env in ENVS:
        call = named(TERRAFORM / "envs" / env, "module")["github_oidc"]
        assert call["github_environment"] == "${local.environment}"
        assert f'environment = "{env}"' in (TERRAFORM / "envs" / env / "sizes.tf").read_text()


def test_deploy_role_passes_only_the_two_task_roles_to_ecs() -> None:
    (pass_role,) = [s for s in statements("github_oidc", "deploy") if s["sid"] == "PassTaskRoles"]
    assert pass_role["condition"][0]["values"] == ["ecs-tasks.amazonaws.com"]
    for env in ENVS:
        call = named(TERRAFORM / "envs" / env, "module")["github_oidc"]
        assert call["pass_role_arns"] == [
            "${module.ecs_service.execution_role_arn}",
            "${module.ecs_service.task_role_arn}",
        ]


# --- direct uploads ---------------------------------------------------------------------------

# As written in HCL: `$${` stops Terraform from interpolating, so IAM receives
# `${cognito-identity.amazonaws.com:sub}` and puts the caller's identity id in its place.
OWN_UPLOADS = "${var.uploads_bucket_arn}/$${cognito-identity.amazonaws.com:sub}/*"


def by_sid(module: str, document: str) -> dict[str, Block]:
    return {statement["sid"]: statement for statement in statements(module, document)}


def test_identity_pool_refuses_unauthenticated_identities_and_names_the_developer_provider() -> (
    None
):
    pool = resource("auth", "aws_cognito_identity_pool.this")
    assert pool["allow_unauthenticated_identities"] is False
    assert pool["allow_classic_flow"] is False
    assert pool["developer_provider_name"] == "${var.developer_provider_name}"
    variable = named(MODULES / "auth", "variable")["developer_provider_name"]
    assert variable["default"] == "login.resumate"
    assert "developer_provider_name" in variable["validation"][0]["condition"]
    # The app is the only way in: no ID token of the public client buys the role's credentials.
    assert "cognito_identity_providers" not in pool


def test_identity_pool_gives_authenticated_identities_the_uploader_role_only() -> None:
    attachment = resource("auth", "aws_cognito_identity_pool_roles_attachment.this")
    assert attachment["roles"] == {"authenticated": "${aws_iam_role.uploader.arn}"}
    uploader = resource("auth", "aws_iam_role.uploader")
    assert uploader["assume_role_policy"] == "${data.aws_iam_policy_document.uploader_assume.json}"


def test_uploader_role_trusts_only_authenticated_identities_of_its_own_pool() -> None:
    (trust,) = statements("auth", "uploader_assume")
    assert trust["actions"] == ["sts:AssumeRoleWithWebIdentity"]
    assert trust["principals"] == [
        {"type": "Federated", "identifiers": ["cognito-identity.amazonaws.com"]}
    ]
    conditions = {condition["variable"]: condition for condition in trust["condition"]}
    audience = conditions["cognito-identity.amazonaws.com:aud"]
    assert audience["test"] == "StringEquals"
    assert audience["values"] == ["${aws_cognito_identity_pool.this.id}"]
    method = conditions["cognito-identity.amazonaws.com:amr"]
    assert method["test"] == "ForAnyValue:StringLike"
    assert method["values"] == ["authenticated"]


def test_uploader_role_only_puts_objects_under_its_own_identitys_prefix() -> None:
    assert actions("auth", "uploader") == {"s3:PutObject", "kms:GenerateDataKey"}
    granted = by_sid("auth", "uploader")
    assert granted["PostOwnUploads"]["actions"] == ["s3:PutObject"]
    assert granted["PostOwnUploads"]["resources"] == [OWN_UPLOADS]
    encrypt = granted["EncryptOwnUploads"]
    assert encrypt["resources"] == ["${var.kms_key_arn}"]
    assert encrypt["condition"][0]["variable"] == "kms:ViaService"
    assert encrypt["condition"][0]["values"] == ["s3.${data.aws_region.current.name}.amazonaws.com"]


def test_task_role_reads_and_deletes_uploads_but_never_writes_them() -> None:
    on_uploads = {
        statement["sid"]: (statement["actions"], statement["resources"])
        for statement in statements("ecs_service", "task")
        if any("var.uploads_bucket_arn" in arn for arn in statement["resources"])
    }
    assert on_uploads == {
        "ImportUploads": (["s3:GetObject", "s3:DeleteObject"], ["${var.uploads_bucket_arn}/*"]),
        "TellMissingUploads": (["s3:ListBucket"], ["${var.uploads_bucket_arn}"]),
    }


def test_task_role_gets_developer_identities_from_its_identity_pool_only() -> None:
    issuing = [
        statement
        for statement in statements("ecs_service", "task")
        if any(action.startswith("cognito-identity:") for action in statement["actions"])
    ]
    assert issuing == [
        {
            "sid": "IssueUploadIdentities",
            "actions": ["cognito-identity:GetOpenIdTokenForDeveloperIdentity"],
            "resources": ["${var.identity_pool_arn}"],
        }
    ]


@pytest.mark.parametrize("env", ENVS)
def test_env_wires_uploads_to_the_app_and_to_the_identity_pool(env: str) -> None:
    modules = named(TERRAFORM / "envs" / env, "module")
    assert modules["auth"]["uploads_bucket_arn"] == "${module.storage.uploads_bucket_arn}"
    # One key encrypts the bucket, lets the uploader write and the task role decrypt.
    assert modules["storage"]["kms_key_arn"] == "${module.kms.data_key_arn}"
    assert modules["auth"]["kms_key_arn"] == "${module.kms.data_key_arn}"
    assert modules["ecs_service"]["data_kms_key_arn"] == "${module.kms.data_key_arn}"
    service = modules["ecs_service"]
    assert service["uploads_bucket_arn"] == "${module.storage.uploads_bucket_arn}"
    assert service["identity_pool_arn"] == "${module.auth.identity_pool_arn}"
    environment = service["environment"]
    assert environment["RESUMATE_IMPORT_UPLOAD_BUCKET"] == "${module.storage.uploads_bucket_name}"
    assert (
        environment["RESUMATE_AUTH_COGNITO_IDENTITY_POOL_ID"] == "${module.auth.identity_pool_id}"
    )
    assert (
        environment["RESUMATE_AUTH_COGNITO_DEVELOPER_PROVIDER"]
        == "${module.auth.developer_provider_name}"
    )
