variable "name" {
  description = "Prefix for resource names, e.g. resumate-production (at most 26 characters)."
  type        = string

  validation {
    condition     = length(var.name) <= 26
    error_message = "name must be at most 26 characters: load balancer and target group names are capped at 32."
  }
}

variable "vpc_id" {
  description = "VPC of the target group."
  type        = string
}

variable "public_subnet_ids" {
  description = "Public subnets, one per zone, the load balancer listens in."
  type        = list(string)

  validation {
    condition     = length(var.public_subnet_ids) >= 2
    error_message = "An application load balancer needs subnets in at least two zones."
  }
}

variable "security_group_id" {
  description = "Security group of the load balancer."
  type        = string
}

variable "certificate_arn" {
  description = "ACM certificate (same region) for the HTTPS listener; it must cover the name CloudFront reaches the load balancer at."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/.+$", var.certificate_arn))
    error_message = "certificate_arn must be an ACM certificate ARN."
  }
}

variable "access_logs_bucket" {
  description = "Bucket that receives the access logs."
  type        = string
}

variable "access_logs_prefix" {
  description = "Key prefix for the access logs."
  type        = string
  default     = "alb"
}

variable "app_port" {
  description = "Port the app container listens on."
  type        = number
  default     = 8000
}

variable "health_check_path" {
  description = "Readiness path: answers 200 only when the database is reachable and migrated."
  type        = string
  default     = "/readyz"
}

variable "ssl_policy" {
  description = "TLS policy of the HTTPS listener."
  type        = string
  # TLS 1.3 and 1.2 with forward-secret AEAD ciphers only.
  default = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"
}

variable "idle_timeout" {
  description = "Seconds an idle connection stays open; above the app's slowest request (a queued PDF)."
  type        = number
  default     = 60
}

variable "origin_verify_header" {
  description = "Header CloudFront adds to every origin request."
  type        = string
}

variable "origin_verify_value" {
  description = "Its secret value: only requests carrying it are forwarded to the app."
  type        = string
  sensitive   = true
}
