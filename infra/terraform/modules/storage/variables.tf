variable "name" {
  description = "Prefix for bucket and distribution names, e.g. resumate-production."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key for SSE-KMS on every bucket of the module."
  type        = string
}

variable "access_logs_bucket" {
  description = "Bucket that receives the S3 server access logs."
  type        = string
}

variable "access_logs_prefix" {
  description = "Prefix in the access-log bucket; each bucket logs into its own folder below it."
  type        = string
  default     = "s3"
}

variable "noncurrent_version_days" {
  description = "Days a replaced or deleted PDF (a noncurrent version) is kept before it expires."
  type        = number
  default     = 30

  validation {
    condition     = var.noncurrent_version_days >= 1
    error_message = "noncurrent_version_days must be at least 1."
  }
}

variable "allowed_origins" {
  description = "Origins (https://host) whose pages may load the template assets cross-origin (e.g. fonts) and post uploads."
  type        = list(string)

  validation {
    condition     = alltrue([for origin in var.allowed_origins : can(regex("^https://[a-z0-9.-]+$", origin))])
    error_message = "Each allowed origin must look like https://app.example.com (no path, no trailing slash)."
  }
}

variable "price_class" {
  description = "CloudFront price class: which edge locations serve the assets."
  type        = string
  default     = "PriceClass_100"

  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.price_class)
    error_message = "price_class must be PriceClass_100, PriceClass_200 or PriceClass_All."
  }
}

variable "assets_domain_name" {
  description = "Optional custom domain for the assets distribution; needs assets_certificate_arn."
  type        = string
  default     = null
}

variable "assets_certificate_arn" {
  description = "ACM certificate in us-east-1 for assets_domain_name; with it viewers must use TLS 1.2+."
  type        = string
  default     = null

  validation {
    condition     = var.assets_certificate_arn == null || can(regex("^arn:aws[a-z-]*:acm:us-east-1:", var.assets_certificate_arn))
    error_message = "CloudFront only uses ACM certificates from us-east-1."
  }
}
