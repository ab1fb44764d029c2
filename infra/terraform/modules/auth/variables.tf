variable "name" {
  description = "User pool name, e.g. resumate-production."
  type        = string
}

variable "deletion_protection" {
  description = "Refuse to delete the user pool (and every account in it)."
  type        = bool
}

variable "password_minimum_length" {
  description = "Shortest password accepted; length, not character classes, is what resists guessing."
  type        = number
  default     = 8

  validation {
    condition     = var.password_minimum_length >= 8 && var.password_minimum_length <= 99
    error_message = "password_minimum_length must be between 8 and 99."
  }
}

variable "access_token_minutes" {
  description = "Lifetime of access tokens."
  type        = number
  default     = 15

  validation {
    condition     = var.access_token_minutes >= 15 && var.access_token_minutes <= 60
    error_message = "access_token_minutes must be between 15 and 60."
  }
}

variable "id_token_minutes" {
  description = "Lifetime of ID tokens."
  type        = number
  default     = 15

  validation {
    condition     = var.id_token_minutes >= 15 && var.id_token_minutes <= 60
    error_message = "id_token_minutes must be between 15 and 60."
  }
}

variable "refresh_token_days" {
  description = "Lifetime of refresh tokens (how long a session lasts without signing in again)."
  type        = number
  default     = 30

  validation {
    condition     = var.refresh_token_days >= 1 && var.refresh_token_days <= 365
    error_message = "refresh_token_days must be between 1 and 365."
  }
}

variable "advanced_security_mode" {
  description = "Cognito threat protection (OFF, AUDIT or ENFORCED); billed per monthly active user."
  type        = string
  default     = "OFF"

  validation {
    condition     = contains(["OFF", "AUDIT", "ENFORCED"], var.advanced_security_mode)
    error_message = "advanced_security_mode must be OFF, AUDIT or ENFORCED."
  }
}

variable "developer_provider_name" {
  description = "Name the app logs people in to the identity pool under (RESUMATE_AUTH_COGNITO_DEVELOPER_PROVIDER); Cognito refuses to change it once the pool has one."
  type        = string
  default     = "login.resumate"

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]{1,100}$", var.developer_provider_name))
    error_message = "developer_provider_name must be 1 to 100 letters, digits, dots, underscores or hyphens."
  }
}

variable "uploads_bucket_arn" {
  description = "Bucket the browser posts imported resume files to; the uploader role writes only under its identity's prefix."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key the uploads bucket encrypts with (SSE-KMS)."
  type        = string
}
