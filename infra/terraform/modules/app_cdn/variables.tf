# The module's provider must be in us-east-1 (the envs pass their aws.us_east_1 alias): the
# CLOUDFRONT-scope web ACL, its log group and that log group's key can live nowhere else.

variable "name" {
  description = "Prefix for resource names, e.g. resumate-production."
  type        = string
}

variable "domain_name" {
  description = "The site's name, served by this distribution, e.g. resumate.example.com."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9.-]+\\.[a-z]{2,}$", var.domain_name))
    error_message = "domain_name must be a bare host name such as resumate.example.com."
  }
}

variable "certificate_arn" {
  description = "ACM certificate in us-east-1 covering domain_name."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:acm:us-east-1:[0-9]{12}:certificate/.+$", var.certificate_arn))
    error_message = "certificate_arn must be an ACM certificate in us-east-1: CloudFront uses no other region's."
  }
}

variable "origin_domain_name" {
  description = "Name CloudFront reaches the load balancer at (a DNS record pointing at it), covered by the load balancer's certificate, e.g. origin.resumate.example.com."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9.-]+\\.[a-z]{2,}$", var.origin_domain_name))
    error_message = "origin_domain_name must be a bare host name such as origin.resumate.example.com."
  }
}

variable "origin_verify_header" {
  description = "Header CloudFront adds to every origin request; the load balancer forwards only requests carrying it."
  type        = string
}

variable "origin_verify_value" {
  description = "The header's secret value (from the secrets module)."
  type        = string
  sensitive   = true
}

variable "origin_read_timeout" {
  description = "Seconds CloudFront waits for the load balancer's answer; a queued PDF can take a while (60 is CloudFront's ceiling without a quota increase)."
  type        = number
  default     = 60

  validation {
    condition     = var.origin_read_timeout >= 1 && var.origin_read_timeout <= 180
    error_message = "origin_read_timeout must be between 1 and 180 seconds."
  }
}

variable "price_class" {
  description = "CloudFront price class: which edge locations serve the app."
  type        = string
  default     = "PriceClass_100"

  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.price_class)
    error_message = "price_class must be PriceClass_100, PriceClass_200 or PriceClass_All."
  }
}

variable "requests_per_5_minutes_per_ip" {
  description = "Requests one viewer address may send in five minutes before it is blocked for a while."
  type        = number
  default     = 2000

  validation {
    condition     = var.requests_per_5_minutes_per_ip >= 100
    error_message = "AWS WAF's smallest rate limit is 100 requests per five minutes."
  }
}

variable "log_retention_days" {
  description = "Days to keep the web ACL's logs."
  type        = number
  default     = 365
}

variable "kms_deletion_window_in_days" {
  description = "Days a scheduled deletion of the log key can still be cancelled."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_deletion_window_in_days >= 7 && var.kms_deletion_window_in_days <= 30
    error_message = "kms_deletion_window_in_days must be between 7 and 30."
  }
}
