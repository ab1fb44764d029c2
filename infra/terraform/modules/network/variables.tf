variable "name" {
  description = "Prefix for every resource name, e.g. resumate-production."
  type        = string
}

variable "cidr_block" {
  description = "The VPC's address range; subnets are carved from it (a /16 leaves room for growth)."
  type        = string
  default     = "10.40.0.0/16"

  validation {
    condition     = can(cidrhost(var.cidr_block, 0)) && tonumber(split("/", var.cidr_block)[1]) <= 16
    error_message = "cidr_block must be a valid CIDR of /16 or larger."
  }
}

variable "availability_zones" {
  description = "Zones to spread the subnets over, named explicitly so the layout never shifts when AWS adds or retires a zone."
  type        = list(string)

  validation {
    condition     = length(var.availability_zones) >= 2 && length(var.availability_zones) <= 3
    error_message = "Give 2 or 3 zones: the load balancer and Multi-AZ RDS need at least two."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all zones (cheaper, but a zone outage cuts egress) instead of one per zone."
  type        = bool
  default     = false
}

variable "logs_kms_key_arn" {
  description = "KMS key that encrypts the flow-log log group."
  type        = string
}

variable "log_retention_days" {
  description = "Days to keep VPC flow logs."
  type        = number
  default     = 365
}
