variable "name" {
  description = "Repository name, e.g. resumate-production."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key that encrypts the images."
  type        = string
}

variable "keep_images" {
  description = "Newest tagged images kept; older ones expire. Rolling back needs the previous ones."
  type        = number
  default     = 50

  validation {
    condition     = var.keep_images >= 10
    error_message = "keep_images must be at least 10 so recent releases stay available for rollback."
  }
}
