data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  # A setting may name one key of a JSON secret (`<secret arn>:username::`); IAM knows the
  # secret by its ARN alone, the first seven `:`-separated fields.
  secret_arns = distinct([for value in values(var.secrets) : join(":", slice(split(":", value), 0, 7))])
}

data "aws_iam_policy_document" "tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    # Confused-deputy guard: only ECS tasks of this account may assume the roles.
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:ecs:${local.region}:${local.account_id}:*"]
    }
  }
}

# Used by ECS itself to start the containers: pull the image, read the app's secrets, write logs.
resource "aws_iam_role" "execution" {
  name               = "${var.name}-task-execution"
  assume_role_policy = data.aws_iam_policy_document.tasks_assume.json
}

data "aws_iam_policy_document" "execution" {
  # GetAuthorizationToken has no resource type; AWS requires "*" for it.
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid       = "PullAppImage"
    actions   = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
    resources = [var.repository_arn]
  }

  statement {
    sid     = "WriteContainerLogs"
    actions = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = [
      "${aws_cloudwatch_log_group.app.arn}:*",
      "${aws_cloudwatch_log_group.migrate.arn}:*",
    ]
  }

  statement {
    sid       = "ReadAppSecrets"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = local.secret_arns
  }

  statement {
    sid       = "DecryptAppSecrets"
    actions   = ["kms:Decrypt"]
    resources = [var.data_kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["secretsmanager.${local.region}.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "execution" {
  name   = "start-app-tasks"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

# The app's own identity: objects under its prefix in the PDF bucket, imported uploads, and
# the Cognito calls it signs.
resource "aws_iam_role" "task" {
  name               = "${var.name}-task"
  assume_role_policy = data.aws_iam_policy_document.tasks_assume.json
}

data "aws_iam_policy_document" "task" {
  statement {
    sid       = "AppObjects"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = ["${var.pdf_bucket_arn}/${var.storage_prefix}/*"]
  }

  # Without list permission S3 answers 403 instead of 404 for a missing key, and the app
  # relies on the 404 to tell "not there" (it makes a thumbnail again) from "storage down".
  statement {
    sid       = "TellMissingFromForbidden"
    actions   = ["s3:ListBucket"]
    resources = [var.pdf_bucket_arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${var.storage_prefix}/*"]
    }
  }

  # The browser posts imports to the uploads bucket with its own identity's credentials; the
  # app only reads each upload back and deletes it once imported, never writes one itself.
  statement {
    sid       = "ImportUploads"
    actions   = ["s3:GetObject", "s3:DeleteObject"]
    resources = ["${var.uploads_bucket_arn}/*"]
  }

  # Same reason as TellMissingFromForbidden: an upload the browser never posted must answer
  # 404, not 403. The whole bucket, because each identity has its own prefix.
  statement {
    sid       = "TellMissingUploads"
    actions   = ["s3:ListBucket"]
    resources = [var.uploads_bucket_arn]
  }

  # The data key encrypts the PDF and the uploads bucket alike, so this also decrypts uploads.
  statement {
    sid       = "EncryptAppObjects"
    actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resources = [var.data_kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${local.region}.amazonaws.com"]
    }
  }

  # The product has no confirmation-code step, so the app confirms each sign-up itself when
  # the mailed link is opened, and marks the address verified (email_verified), which the
  # pool's recovery by verified e-mail needs. A password reset ends every session of the
  # account (AdminUserGlobalSignOut), and closing an account deletes its user
  # (AdminDeleteUser). All its other Cognito calls (sign-up, sign-in, refresh, sign-out,
  # forgotten password) are unsigned client calls.
  statement {
    sid = "ManageOwnUsers"
    actions = [
      "cognito-idp:AdminConfirmSignUp",
      "cognito-idp:AdminUpdateUserAttributes",
      "cognito-idp:AdminUserGlobalSignOut",
      "cognito-idp:AdminDeleteUser",
    ]
    resources = [var.cognito_user_pool_arn]
  }

  # The app is the identity pool's developer provider: it gets each signed-in person their
  # Cognito identity, whose credentials sign that person's upload form. The exchange for those
  # credentials (GetCredentialsForIdentity) is an unsigned call.
  statement {
    sid       = "IssueUploadIdentities"
    actions   = ["cognito-identity:GetOpenIdTokenForDeveloperIdentity"]
    resources = [var.identity_pool_arn]
  }

  # Writing help (Converse and ConverseStream) on the one configured model, nothing else.
  statement {
    sid       = "InvokeConfiguredModel"
    actions   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
    resources = ["arn:${local.partition}:bedrock:${local.region}::foundation-model/${var.bedrock_model_id}"]
  }
}

resource "aws_iam_role_policy" "task" {
  name   = "app-objects"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.task.json
}
