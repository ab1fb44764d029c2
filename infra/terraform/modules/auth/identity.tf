# Direct uploads: the app, as the pool's developer provider, gets each signed-in person a
# Cognito identity (GetOpenIdTokenForDeveloperIdentity with their user pool `sub`), exchanges it
# for that identity's temporary credentials, and signs the browser's presigned POST with them.
# S3 then checks the upload against the identity's own role session, whose policy reaches only
# keys under the identity's id: one person's form cannot write into another's prefix, even if
# the app signed the wrong key.

resource "aws_cognito_identity_pool" "this" {
  # Identity pool names allow letters, digits, underscores and spaces only.
  identity_pool_name = replace(var.name, "-", "_")
  # Credentials only for signed-in people, and only through the enhanced flow, so the role is
  # always the one attached below and never one named by the caller.
  allow_unauthenticated_identities = false
  allow_classic_flow               = false
  developer_provider_name          = var.developer_provider_name

  # No login provider but the app: the user pool is not one, or anyone holding an ID token of
  # the public app client could get the role's credentials and send files past the form's size
  # limit. The app vouches for each person itself.
}

data "aws_iam_policy_document" "uploader_assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["cognito-identity.amazonaws.com"]
    }

    # Tokens of this pool only: Cognito issues tokens with the same issuer for every pool of
    # every account.
    condition {
      test     = "StringEquals"
      variable = "cognito-identity.amazonaws.com:aud"
      values   = [aws_cognito_identity_pool.this.id]
    }

    condition {
      test     = "ForAnyValue:StringLike"
      variable = "cognito-identity.amazonaws.com:amr"
      values   = ["authenticated"]
    }
  }
}

resource "aws_iam_role" "uploader" {
  name               = "${var.name}-uploader"
  assume_role_policy = data.aws_iam_policy_document.uploader_assume.json
}

data "aws_iam_policy_document" "uploader" {
  # `$${...}` is left to IAM, which fills in the caller's identity id (region:uuid): the key
  # prefix the app signs (`<identity id>/<upload id>`). No GetObject or ListBucket: the app
  # reads uploads with its own role.
  statement {
    sid       = "PostOwnUploads"
    actions   = ["s3:PutObject"]
    resources = ["${var.uploads_bucket_arn}/$${cognito-identity.amazonaws.com:sub}/*"]
  }

  # The bucket encrypts with SSE-KMS, so S3 makes the data key with the uploader's permissions.
  statement {
    sid       = "EncryptOwnUploads"
    actions   = ["kms:GenerateDataKey"]
    resources = [var.kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${data.aws_region.current.name}.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "uploader" {
  name   = "post-own-uploads"
  role   = aws_iam_role.uploader.id
  policy = data.aws_iam_policy_document.uploader.json
}

resource "aws_cognito_identity_pool_roles_attachment" "this" {
  identity_pool_id = aws_cognito_identity_pool.this.id

  roles = {
    authenticated = aws_iam_role.uploader.arn
  }
}
