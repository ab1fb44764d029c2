# Resume files a signed-in person imports, posted by the browser straight to S3 with a presigned
# POST the app signs with the credentials of that person's Cognito identity (modules/auth). Each
# object lives only until the app has read, deleted and imported it, usually seconds; the
# lifecycle rule below removes uploads nobody came back for.

resource "aws_s3_bucket" "uploads" {
  #checkov:skip=CKV_AWS_21:Unversioned on purpose: an upload lives minutes and is deleted once imported; versioning would keep each resume file (personal data) as a noncurrent version after the app deleted it, and there is nothing to recover.
  #checkov:skip=CKV_AWS_144:Uploads are transient copies of files the person still has; a replica would only keep personal data in a second region.
  #checkov:skip=CKV2_AWS_62:No consumer for object events: the app imports an upload when the browser reports it posted, within the same request flow.
  bucket = "${var.name}-uploads-${data.aws_caller_identity.current.account_id}"
}

resource "aws_s3_bucket_ownership_controls" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "uploads" {
  bucket                  = aws_s3_bucket.uploads.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
    # One data key per bucket instead of one KMS call per object; the uploader role still needs
    # kms:GenerateDataKey for the bucket key S3 makes on its behalf.
    bucket_key_enabled = true
  }
}

# S3 runs expirations once a day, rounded to midnight UTC, so an abandoned upload is gone
# within two days at most.
resource "aws_s3_bucket_lifecycle_configuration" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  rule {
    id     = "expire-abandoned-uploads"
    status = "Enabled"

    filter {}

    expiration {
      days = 1
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }
}

# The browser posts the form cross-origin from the app's pages; it needs to read the answer
# (ETag) but never gets or lists anything here, so POST is the only method allowed.
resource "aws_s3_bucket_cors_configuration" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  cors_rule {
    allowed_methods = ["POST"]
    allowed_origins = var.allowed_origins
    expose_headers  = ["ETag"]
    max_age_seconds = 3000
  }
}

resource "aws_s3_bucket_logging" "uploads" {
  bucket        = aws_s3_bucket.uploads.id
  target_bucket = var.access_logs_bucket
  target_prefix = "${var.access_logs_prefix}/${aws_s3_bucket.uploads.id}/"
}

data "aws_iam_policy_document" "uploads" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.uploads.arn, "${aws_s3_bucket.uploads.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  policy = data.aws_iam_policy_document.uploads.json

  depends_on = [aws_s3_bucket_public_access_block.uploads]
}
