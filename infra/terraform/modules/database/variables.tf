variable "name" {
  description = "Instance identifier and name prefix, e.g. resumate-production."
  type        = string
}

variable "subnet_ids" {
  description = "Database subnets (no route out of the VPC), at least two zones."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "RDS subnet groups need subnets in at least two zones."
  }
}

variable "security_group_id" {
  description = "Security group admitting only the app tasks."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key for storage, Performance Insights and the master password secret."
  type        = string
}

variable "logs_kms_key_arn" {
  description = "KMS key for the exported PostgreSQL log groups."
  type        = string
}

variable "log_retention_days" {
  description = "Days to keep exported PostgreSQL logs."
  type        = number
  default     = 365
}

variable "engine_version" {
  description = "PostgreSQL version; a major version only, so minor upgrades arrive automatically."
  type        = string
  default     = "16"

  validation {
    condition     = can(regex("^16(\\.[0-9]+)?$", var.engine_version))
    error_message = "The app is built and tested against PostgreSQL 16."
  }
}

variable "instance_class" {
  description = "Instance size, e.g. db.t4g.medium."
  type        = string
}

variable "allocated_storage" {
  description = "Initial storage in GiB."
  type        = number
  default     = 20
}

variable "max_allocated_storage" {
  description = "Storage autoscaling ceiling in GiB."
  type        = number
  default     = 200
}

variable "multi_az" {
  description = "Keep a synchronous standby in another zone (failover in about a minute)."
  type        = bool
}

variable "backup_retention_period" {
  description = "Days of automated backups (point-in-time recovery window)."
  type        = number

  validation {
    condition     = var.backup_retention_period >= 7 && var.backup_retention_period <= 35
    error_message = "backup_retention_period must be between 7 and 35 days."
  }
}

variable "database_name" {
  description = "Database the app uses."
  type        = string
  default     = "resumate"
}

variable "master_username" {
  description = "Administrator login; its password is generated and rotated by RDS in Secrets Manager."
  type        = string
  default     = "resumate_admin"

  validation {
    condition     = !contains(["postgres", "admin", "root"], var.master_username)
    error_message = "Use a non-default administrator name."
  }
}
