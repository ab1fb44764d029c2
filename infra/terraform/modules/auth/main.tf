data "aws_region" "current" {}

resource "aws_cognito_user_pool" "this" {
  name                = var.name
  username_attributes = ["email"]
  deletion_protection = var.deletion_protection ? "ACTIVE" : "INACTIVE"
  # The app answers any sign-in challenge with an error, so an MFA a user switched on would
  # lock them out; MFA comes with the product step that asks for the code.
  mfa_configuration = "OFF"
  # No auto_verified_attributes: the app confirms sign-ups itself (AdminConfirmSignUp), and a
  # verification code per sign-up would be mail the product never asks for, sent by a default
  # sender that stops after 50 messages a day.

  username_configuration {
    case_sensitive = false
  }

  # Length without composition rules, as NIST SP 800-63B advises; the same floor as the local
  # provider, so both providers accept the same passwords.
  password_policy {
    minimum_length                   = var.password_minimum_length
    require_lowercase                = false
    require_uppercase                = false
    require_numbers                  = false
    require_symbols                  = false
    temporary_password_validity_days = 3
  }

  # Password reset is ForgotPassword / ConfirmForgotPassword: the pool mails a code to the
  # user's address. Every address is verified: the app marks it so (email_verified) when the
  # sign-up link mailed to it is opened, in the same step as AdminConfirmSignUp.
  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }

  admin_create_user_config {
    allow_admin_create_user_only = false
  }

  # Threat protection is priced per monthly active user on top of the base price; it is off
  # by default because the web ACL rate-limits every address and Cognito already slows
  # repeated failed sign-ins. Set advanced_security_mode when the budget allows.
  user_pool_add_ons {
    advanced_security_mode = var.advanced_security_mode
  }
}

resource "aws_cognito_user_pool_client" "app" {
  name         = "${var.name}-app"
  user_pool_id = aws_cognito_user_pool.this.id

  # No client secret: the app has no setting to hold one, and the same public client serves
  # API clients that sign in directly. Nothing the client could keep secret protects the
  # password flow; Cognito's own throttling and the web ACL do.
  generate_secret = false

  explicit_auth_flows           = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
  prevent_user_existence_errors = "ENABLED"
  enable_token_revocation       = true
  auth_session_validity         = 3

  access_token_validity  = var.access_token_minutes
  id_token_validity      = var.id_token_minutes
  refresh_token_validity = var.refresh_token_days

  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "days"
  }

  read_attributes  = ["email", "email_verified"]
  write_attributes = ["email"]
}
