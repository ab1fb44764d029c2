variable "name" {
  description = "Prefix for secret names, e.g. resumate-production."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key that encrypts the secrets."
  type        = string
}

variable "recovery_window_in_days" {
  description = "Days a deleted secret can still be restored."
  type        = number
  default     = 30

  validation {
    condition     = var.recovery_window_in_days >= 7 && var.recovery_window_in_days <= 30
    error_message = "recovery_window_in_days must be between 7 and 30."
  }
}

variable "database_address" {
  description = "Host name of the database."
  type        = string
}

variable "database_port" {
  description = "Port of the database."
  type        = number
}

variable "database_name" {
  description = "Database the app uses."
  type        = string
}

variable "app_username" {
  description = "PostgreSQL role the app logs in as (created by the db-bootstrap task, not the RDS administrator)."
  type        = string
  default     = "resumate_app"

  validation {
    condition     = can(regex("^[a-z_][a-z0-9_]{0,62}$", var.app_username))
    error_message = "app_username must be a plain lower-case PostgreSQL identifier."
  }
}

variable "database_password_version" {
  description = "Raise by one to generate a new app database password (then run the db-bootstrap task and deploy)."
  type        = number
  default     = 1
}

variable "origin_verify_version" {
  description = "Raise by one to give CloudFront's origin header a new value (the load balancer accepts only the new one once applied)."
  type        = number
  default     = 1
}
