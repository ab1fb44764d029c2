output "backend_config" {
  description = "Contents for each environment's backend.hcl."
  value       = <<-EOT
    bucket         = "${aws_s3_bucket.state.id}"
    region         = "${var.region}"
    kms_key_id     = "${aws_kms_alias.state.name}"
    dynamodb_table = "${aws_dynamodb_table.locks.name}"
  EOT
}
