provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = "resumate"
      Environment = local.environment
      ManagedBy   = "terraform"
    }
  }
}
