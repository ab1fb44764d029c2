variable "domain_name" {
  description = "Domain the app's mail is sent from (the part of the sender address after @)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9.-]+\\.[a-z]{2,}$", var.domain_name))
    error_message = "domain_name must be a bare domain such as resumate.example.com."
  }
}
