variable "region" {
  description = "Region of the state bucket and lock table (usually the environments' region)."
  type        = string
}

variable "name" {
  description = "Prefix for the bucket, table and key names."
  type        = string
  default     = "resumate"
}
