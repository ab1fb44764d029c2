variable "name" {
  description = "Prefix for the cluster, service, task families and roles, e.g. resumate-production."
  type        = string
}

variable "repository_url" {
  description = "ECR repository the image comes from (without a tag)."
  type        = string
}

variable "repository_arn" {
  description = "ARN of that repository, for the execution role's pull permission."
  type        = string
}

variable "image_tag" {
  description = "Image tag Terraform's task definitions use; deploys register newer revisions themselves."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.image_tag))
    error_message = "image_tag must be a valid Docker tag (tags are immutable, so use a commit SHA)."
  }
}

variable "cpu" {
  description = "CPU units for an app task (1024 = one vCPU); Chromium uses about a core per busy page."
  type        = number
}

variable "memory" {
  description = "Memory (MiB) for an app task; the warm Chromium alone holds about 700 MB."
  type        = number
}

variable "migrate_cpu" {
  description = "CPU units for the one-off migrate task."
  type        = number
  default     = 512
}

variable "migrate_memory" {
  description = "Memory (MiB) for the one-off migrate task."
  type        = number
  default     = 1024
}

variable "min_capacity" {
  description = "Fewest running app tasks."
  type        = number

  validation {
    condition     = var.min_capacity >= 1
    error_message = "min_capacity must be at least 1."
  }
}

variable "max_capacity" {
  description = "Most running app tasks."
  type        = number
}

variable "cpu_target_percent" {
  description = "Average CPU the service scales to hold."
  type        = number
  default     = 60
}

variable "requests_per_target" {
  description = "Requests per task per minute the service scales to hold."
  type        = number
  default     = 600
}

variable "private_subnet_ids" {
  description = "Subnets the tasks run in (no public addresses)."
  type        = list(string)
}

variable "security_group_id" {
  description = "Security group of the app tasks."
  type        = string
}

variable "target_group_arn" {
  description = "Load balancer target group the service registers its tasks in."
  type        = string
}

variable "alb_arn_suffix" {
  description = "Load balancer ARN suffix, for request-count scaling."
  type        = string
}

variable "target_group_arn_suffix" {
  description = "Target group ARN suffix, for request-count scaling."
  type        = string
}

variable "environment" {
  description = "Plain RESUMATE_* settings for the container (Cognito ids, bucket, region)."
  type        = map(string)
}

variable "secrets" {
  description = "Settings read from Secrets Manager at task start: variable name => secret ARN, or `<secret ARN>:<json key>::` for one key of a JSON secret."
  type        = map(string)
}

variable "data_kms_key_arn" {
  description = "KMS key of the secrets, the PDF bucket and the uploads bucket."
  type        = string
}

variable "logs_kms_key_arn" {
  description = "KMS key of the log groups."
  type        = string
}

variable "log_retention_days" {
  description = "Days to keep container logs."
  type        = number
  default     = 365
}

variable "pdf_bucket_arn" {
  description = "Bucket the app stores PDFs and thumbnails in."
  type        = string
}

variable "uploads_bucket_arn" {
  description = "Bucket the browser posts imports to; the app reads and deletes them, never writes."
  type        = string
}

variable "identity_pool_arn" {
  description = "Identity pool whose developer provider the app is (GetOpenIdTokenForDeveloperIdentity)."
  type        = string
}

variable "cognito_user_pool_arn" {
  description = "User pool in which the app confirms its own sign-ups (AdminConfirmSignUp)."
  type        = string
}

variable "bedrock_model_id" {
  description = "The Bedrock model writing help runs on (RESUMATE_AI_MODEL); the task role may invoke this model only."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.:-]+$", var.bedrock_model_id))
    error_message = "bedrock_model_id must be a Bedrock model id such as anthropic.claude-3-haiku-20240307-v1:0."
  }
}

variable "storage_prefix" {
  description = "Key prefix the app writes under (RESUMATE_STORAGE_S3_PREFIX); the task role reaches nothing outside it."
  type        = string
  default     = "app"

  validation {
    condition     = can(regex("^[a-z0-9-]+$", var.storage_prefix))
    error_message = "storage_prefix must be one lower-case path segment without slashes."
  }
}

variable "readonly_root_filesystem" {
  description = "Mount the image read-only; the app, Chromium and fontconfig write only to the data and /tmp volumes."
  type        = bool
  default     = true
}
