output "pdf_bucket_name" {
  description = "Bucket for PDFs and thumbnails (RESUMATE_STORAGE_S3_BUCKET)."
  value       = aws_s3_bucket.pdfs.id
}

output "pdf_bucket_arn" {
  description = "ARN of the PDF bucket, for the task role's policy."
  value       = aws_s3_bucket.pdfs.arn
}

output "assets_bucket_name" {
  description = "Bucket for template assets, served through CloudFront."
  value       = aws_s3_bucket.assets.id
}

output "assets_bucket_arn" {
  description = "ARN of the assets bucket."
  value       = aws_s3_bucket.assets.arn
}

output "cloudfront_domain_name" {
  description = "Domain the template assets are served from."
  value       = aws_cloudfront_distribution.assets.domain_name
}

output "cloudfront_distribution_id" {
  description = "Distribution id, for cache invalidations after publishing assets."
  value       = aws_cloudfront_distribution.assets.id
}

output "uploads_bucket_name" {
  description = "Bucket the browser posts imported resume files to (RESUMATE_IMPORT_UPLOAD_BUCKET)."
  value       = aws_s3_bucket.uploads.id
}

output "uploads_bucket_arn" {
  description = "ARN of the uploads bucket, for the uploader role and the task role."
  value       = aws_s3_bucket.uploads.arn
}
