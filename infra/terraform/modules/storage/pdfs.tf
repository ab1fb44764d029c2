# Generated PDFs and thumbnails. The app deletes a PDF when a newer one replaces it, so "old
# PDFs" are exactly the noncurrent versions; the current ones must stay, because the app hands
# out links to them without checking that they still exist.

data "aws_caller_identity" "current" {}

resource "aws_s3_bucket" "pdfs" {
  #checkov:skip=CKV_AWS_144:Every PDF can be printed again from the database, which has its own backups; cross-region replication would double storage for no recoverable data.
  #checkov:skip=CKV2_AWS_62:No consumer for object events: the app writes and reads these objects itself.
  bucket = "${var.name}-pdfs-${data.aws_caller_identity.current.account_id}"
}

resource "aws_s3_bucket_ownership_controls" "pdfs" {
  bucket = aws_s3_bucket.pdfs.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "pdfs" {
  bucket                  = aws_s3_bucket.pdfs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "pdfs" {
  bucket = aws_s3_bucket.pdfs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
    # One data key per bucket instead of one KMS call per object.
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "pdfs" {
  bucket = aws_s3_bucket.pdfs.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "pdfs" {
  bucket = aws_s3_bucket.pdfs.id

  rule {
    id     = "expire-replaced-pdfs"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_days
    }

    expiration {
      expired_object_delete_marker = true
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }

  depends_on = [aws_s3_bucket_versioning.pdfs]
}

resource "aws_s3_bucket_logging" "pdfs" {
  bucket        = aws_s3_bucket.pdfs.id
  target_bucket = var.access_logs_bucket
  target_prefix = "${var.access_logs_prefix}/${aws_s3_bucket.pdfs.id}/"
}

data "aws_iam_policy_document" "pdfs" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.pdfs.arn, "${aws_s3_bucket.pdfs.arn}/*"]

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

resource "aws_s3_bucket_policy" "pdfs" {
  bucket = aws_s3_bucket.pdfs.id
  policy = data.aws_iam_policy_document.pdfs.json

  depends_on = [aws_s3_bucket_public_access_block.pdfs]
}
