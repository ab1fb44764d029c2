variable "name" {
  description = "Prefix for every resource name, e.g. resumate-production."
  type        = string
}

variable "vpc_id" {
  description = "VPC the groups belong to."
  type        = string
}

variable "app_port" {
  description = "Port the app container listens on."
  type        = number
  default     = 8000
}

variable "database_port" {
  description = "PostgreSQL's port."
  type        = number
  default     = 5432
}

variable "smtp_port" {
  description = "Port of the SMTP relay the app sends mail through (587: SES with STARTTLS)."
  type        = number
  default     = 587
}
