# The values are generated here and therefore also live in the Terraform state, which the
# state bucket keeps encrypted with its own KMS key and versioned.

resource "random_password" "secret_key" {
  length  = 64
  special = false
}

resource "aws_secretsmanager_secret" "secret_key" {
  #checkov:skip=CKV2_AWS_57:Signs CSRF tokens and download links; rotating it ends every open form and link at once, so it is rotated by hand (apply -replace=module.secrets.random_password.secret_key, then deploy), not on a schedule.
  name                    = "${var.name}/secret-key"
  description             = "RESUMATE_SECRET_KEY: signs CSRF tokens and local download links"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = var.recovery_window_in_days
}

resource "aws_secretsmanager_secret_version" "secret_key" {
  secret_id     = aws_secretsmanager_secret.secret_key.id
  secret_string = random_password.secret_key.result
}

# Alphanumeric only: the password sits unescaped in a URL and in the role bootstrap.
resource "random_password" "database" {
  length  = 40
  special = false

  keepers = {
    version = var.database_password_version
  }
}

resource "aws_secretsmanager_secret" "database_url" {
  #checkov:skip=CKV2_AWS_57:The app reads one URL at start-up; scheduled rotation would change the role's password under running tasks. Rotate by raising database_password_version, running db-bootstrap, then deploying.
  name                    = "${var.name}/database-url"
  description             = "RESUMATE_DATABASE_URL: the app's own PostgreSQL role, TLS required"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = var.recovery_window_in_days
}

resource "aws_secretsmanager_secret_version" "database_url" {
  secret_id     = aws_secretsmanager_secret.database_url.id
  secret_string = "postgresql://${var.app_username}:${random_password.database.result}@${var.database_address}:${var.database_port}/${var.database_name}?ssl=require"
}

# CloudFront sends this header on every request to the load balancer, which forwards only
# requests that carry it: the prefix list alone admits any CloudFront distribution, including
# one someone else points at the load balancer. Alphanumeric: listener rule values treat * and ?
# as wildcards. Terraform hands the value to both ends; it is kept here so people can read it.
locals {
  origin_verify_header = "X-Origin-Verify"
}

resource "random_password" "origin_verify" {
  length  = 48
  special = false

  keepers = {
    version = var.origin_verify_version
  }
}

resource "aws_secretsmanager_secret" "origin_verify" {
  #checkov:skip=CKV2_AWS_57:CloudFront and the listener rule take the value from Terraform in one apply; a rotation Lambda would change it behind Terraform's back. Rotate by raising origin_verify_version and applying.
  name                    = "${var.name}/origin-verify"
  description             = "Value of the ${local.origin_verify_header} header CloudFront sends to the load balancer"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = var.recovery_window_in_days
}

resource "aws_secretsmanager_secret_version" "origin_verify" {
  secret_id     = aws_secretsmanager_secret.origin_verify.id
  secret_string = random_password.origin_verify.result
}

# The SMTP relay's login (Amazon SES SMTP credentials by default), as JSON
# {"username": "...", "password": "..."}. Terraform creates the secret empty and never sees the
# values: the operator stores them once (infra/terraform/README.md), and ECS hands each key to the
# app as RESUMATE_MAIL_SMTP_USERNAME / _PASSWORD.
resource "aws_secretsmanager_secret" "smtp_credentials" {
  #checkov:skip=CKV2_AWS_57:SES SMTP credentials derive from an IAM user's access key, which only the operator creates; a rotation Lambda cannot make one. Rotate by creating a new key, storing the new credentials here, deploying, then deleting the old key.
  name                    = "${var.name}/smtp-credentials"
  description             = "RESUMATE_MAIL_SMTP_USERNAME and _PASSWORD: the SMTP relay's login, as JSON with keys username and password"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = var.recovery_window_in_days
}
