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

# CloudFront's certificate, its CLOUDFRONT-scope web ACL and that ACL's logs live only here.
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"

  default_tags {
    tags = {
      Project     = "resumate"
      Environment = local.environment
      ManagedBy   = "terraform"
    }
  }
}
