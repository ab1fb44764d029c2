variable "name" {
  description = "Prefix for the key aliases, e.g. resumate-production."
  type        = string
}

variable "deletion_window_in_days" {
  description = "Days a scheduled key deletion can still be cancelled."
  type        = number
  default     = 30

  validation {
    condition     = var.deletion_window_in_days >= 7 && var.deletion_window_in_days <= 30
    error_message = "deletion_window_in_days must be between 7 and 30."
  }
}
