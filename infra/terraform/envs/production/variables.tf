variable "region" {
  description = "AWS region of the environment, e.g. eu-west-1."
  type        = string
}

variable "availability_zones" {
  description = "Zones of the region to run in, e.g. [\"eu-west-1a\", \"eu-west-1b\"] (2 or 3)."
  type        = list(string)
}

variable "app_domain_name" {
  description = "Domain users open the app at (its DNS record points at the app's CloudFront distribution), e.g. resumate.example.com."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9.-]+\\.[a-z]{2,}$", var.app_domain_name))
    error_message = "app_domain_name must be a bare host name such as resumate.example.com."
  }
}

variable "origin_domain_name" {
  description = "Name CloudFront reaches the load balancer at (its DNS record points at the load balancer), e.g. origin.resumate.example.com."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9.-]+\\.[a-z]{2,}$", var.origin_domain_name))
    error_message = "origin_domain_name must be a bare host name such as origin.resumate.example.com."
  }
}

variable "certificate_arn" {
  description = "ACM certificate for origin_domain_name, in the environment's region (the load balancer's HTTPS listener)."
  type        = string
}

variable "cloudfront_certificate_arn" {
  description = "ACM certificate for app_domain_name, in us-east-1 (the app's CloudFront distribution)."
  type        = string
}

variable "github_repository" {
  description = "Repository whose main branch may deploy, as owner/name."
  type        = string
}

variable "create_github_oidc_provider" {
  description = "Create the account's GitHub OIDC provider here; set false in the second environment of a shared account."
  type        = bool
  default     = true
}

variable "image_tag" {
  description = "Image tag for Terraform's task definitions (a commit SHA already pushed to this environment's repository)."
  type        = string
}

variable "database_password_version" {
  description = "Raise by one to give the app a new database password (then run db-bootstrap and deploy)."
  type        = number
  default     = 1
}

variable "origin_verify_version" {
  description = "Raise by one to give the header CloudFront proves itself with to the load balancer a new value."
  type        = number
  default     = 1
}

variable "assets_domain_name" {
  description = "Optional custom domain for the template assets (needs assets_certificate_arn)."
  type        = string
  default     = null
}

variable "assets_certificate_arn" {
  description = "Optional ACM certificate in us-east-1 for assets_domain_name."
  type        = string
  default     = null
}

variable "mail_smtp_host" {
  description = "SMTP relay the app sends mail through; null: Amazon SES's SMTP endpoint of the region (email-smtp.<region>.amazonaws.com)."
  type        = string
  default     = null
}

variable "bedrock_model_id" {
  description = "The Bedrock model writing help runs on; it must be enabled for the account in the region."
  type        = string
  default     = "anthropic.claude-3-haiku-20240307-v1:0"
}

variable "mail_smtp_port" {
  description = "The relay's STARTTLS port (SES: 587, or 2587)."
  type        = number
  default     = 587
}

variable "mail_from_address" {
  description = "Sender of the app's mail, an address SES may send from; null: \"Resumate <no-reply@<app_domain_name>>\"."
  type        = string
  default     = null
}
