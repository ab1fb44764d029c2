terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  # Partial configuration: bucket, region and lock table differ per account, so they live in
  # backend.hcl (copy backend.hcl.example; the bootstrap stack prints the values) and are
  # passed with `terraform init -backend-config=backend.hcl`.
  backend "s3" {
    key     = "resumate/staging/terraform.tfstate"
    encrypt = true
  }
}
