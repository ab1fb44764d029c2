output "identity_arn" {
  description = "The SES identity of the sending domain."
  value       = aws_sesv2_email_identity.this.arn
}

output "dkim_records" {
  description = "CNAME records to publish for the domain: name => value."
  value = {
    for token in local.dkim_tokens :
    "${token}._domainkey.${var.domain_name}" => "${token}.dkim.amazonses.com"
  }
}
