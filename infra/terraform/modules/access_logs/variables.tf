variable "name" {
  description = "Prefix for the bucket name, e.g. resumate-production."
  type        = string
}

variable "retention_days" {
  description = "Days access logs are kept before they expire."
  type        = number
  default     = 365

  validation {
    condition     = var.retention_days >= 90
    error_message = "retention_days must be at least 90 so incidents can still be investigated."
  }
}
