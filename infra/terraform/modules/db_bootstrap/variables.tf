variable "name" {
  description = "Prefix for the task family, role and log group, e.g. resumate-production."
  type        = string
}

variable "repository_url" {
  description = "ECR repository of the app image (it has Python and asyncpg, which the script needs)."
  type        = string
}

variable "repository_arn" {
  description = "ARN of that repository."
  type        = string
}

variable "image_tag" {
  description = "Image tag to run."
  type        = string
}

variable "database_url_secret_arn" {
  description = "Secret with the app's RESUMATE_DATABASE_URL; the role and password are taken from it."
  type        = string
}

variable "master_user_secret_arn" {
  description = "The RDS-managed administrator secret (JSON with username and password)."
  type        = string
}

variable "master_username" {
  description = "The RDS administrator login."
  type        = string
}

variable "data_kms_key_arn" {
  description = "KMS key of both secrets."
  type        = string
}

variable "logs_kms_key_arn" {
  description = "KMS key of the log group."
  type        = string
}

variable "log_retention_days" {
  description = "Days to keep the task's logs."
  type        = number
  default     = 365
}
