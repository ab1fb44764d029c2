# Creates what the environments' S3 backend needs. It has no backend itself: its few
# resources are recreated or imported easily, and its local state holds no secrets.
terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project   = "resumate"
      ManagedBy = "terraform"
    }
  }
}
