# The sender's domain as an SES identity with Easy DKIM: SES signs every message with the domain's
# keys once the three CNAME records below are published, which also verifies the domain (no
# TXT record needed) and lets receivers' DMARC checks pass on the DKIM signature. Terraform does
# not wait for the records: the identity stays "pending" until DNS has them, and SES refuses
# to send from the domain until then.
resource "aws_sesv2_email_identity" "this" {
  email_identity = var.domain_name

  dkim_signing_attributes {
    next_signing_key_length = "RSA_2048_BIT"
  }
}

locals {
  dkim_tokens = aws_sesv2_email_identity.this.dkim_signing_attributes[0].tokens
}
