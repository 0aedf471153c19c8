# Dataset buckets: public by ACL, public by a disabled access block, unencrypted; a private KMS bucket and a non-data bucket stay quiet.
resource "aws_s3_bucket" "training_data" {
  bucket = "acme-training-data"
  acl    = "public-read"
}

resource "aws_s3_bucket" "features" {
  bucket = "acme-feature-store"
}

resource "aws_s3_bucket_public_access_block" "features" {
  bucket                  = aws_s3_bucket.features.id
  block_public_acls       = false
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "features" {
  bucket = aws_s3_bucket.features.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket" "raw_exports" {
  bucket = "acme-customer-exports"
  # a "quoted { brace" in a comment must not confuse the scanner
}

resource "aws_s3_bucket" "datasets" {
  bucket = "acme-datasets"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = aws_kms_key.data.arn
      }
    }
  }
}

resource "aws_s3_bucket_policy" "datasets" {
  bucket = aws_s3_bucket.datasets.id
  policy = <<EOT
{ "Statement": [{ "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Condition": { "Bool": { "aws:SecureTransport": "false" } } }] }
EOT
}

resource "aws_s3_bucket" "website" {
  bucket = "acme-marketing-site"
  acl    = "public-read"
}
