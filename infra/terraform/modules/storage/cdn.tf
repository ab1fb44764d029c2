data "aws_cloudfront_cache_policy" "optimized" {
  name = "Managed-CachingOptimized"
}

resource "aws_cloudfront_origin_access_control" "assets" {
  name                              = "${var.name}-assets"
  description                       = "Signed requests from CloudFront to the assets bucket"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_response_headers_policy" "assets" {
  name    = "${var.name}-assets"
  comment = "Security headers and CORS for template assets"

  security_headers_config {
    strict_transport_security {
      access_control_max_age_sec = 63072000
      include_subdomains         = true
      preload                    = true
      override                   = true
    }

    content_type_options {
      override = true
    }

    frame_options {
      frame_option = "DENY"
      override     = true
    }

    referrer_policy {
      referrer_policy = "strict-origin-when-cross-origin"
      override        = true
    }

    # Assets are stylesheets, fonts and images: nothing served here should run or embed anything.
    content_security_policy {
      content_security_policy = "default-src 'none'; frame-ancestors 'none'"
      override                = true
    }
  }

  # Browsers load web fonts cross-origin only with CORS headers.
  cors_config {
    access_control_allow_credentials = false
    origin_override                  = true
    access_control_max_age_sec       = 86400

    access_control_allow_headers {
      items = ["*"]
    }

    access_control_allow_methods {
      items = ["GET", "HEAD"]
    }

    access_control_allow_origins {
      items = var.allowed_origins
    }
  }
}

resource "aws_cloudfront_distribution" "assets" {
  #checkov:skip=CKV_AWS_68:Serves only public, static template assets; nothing behind it accepts input, so a web ACL (billed per rule) has nothing to protect. The app's own distribution has one.
  #checkov:skip=CKV2_AWS_47:Same distribution: no WAF, because no code runs behind it that Log4j-style payloads could reach.
  #checkov:skip=CKV_AWS_86:Standard logging needs a bucket with ACLs enabled; request counts and error rates for static assets come from CloudFront's built-in metrics.
  #checkov:skip=CKV_AWS_310:There is one origin and its content is versioned and re-publishable; a failover origin would need a replica bucket for no gain.
  #checkov:skip=CKV_AWS_305:Assets are fetched by exact key; the root URL has nothing to serve, so it correctly answers 403.
  #checkov:skip=CKV_AWS_374:Resumes are written worldwide; restricting countries would lock users out.
  #checkov:skip=CKV_AWS_174:With the default *.cloudfront.net certificate AWS fixes the minimum protocol; set assets_certificate_arn to enforce TLSv1.2_2021 on a custom domain.
  #checkov:skip=CKV2_AWS_42:A custom certificate is optional (assets_certificate_arn); the default certificate still serves HTTPS only.
  #checkov:skip=CKV2_AWS_54:Same as CKV2_AWS_42: a custom certificate is used when assets_certificate_arn is set.
  enabled         = true
  is_ipv6_enabled = true
  http_version    = "http2and3"
  comment         = "${var.name} template assets"
  price_class     = var.price_class
  aliases         = var.assets_domain_name == null ? [] : [var.assets_domain_name]

  origin {
    origin_id                = "assets"
    domain_name              = aws_s3_bucket.assets.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.assets.id
  }

  default_cache_behavior {
    target_origin_id           = "assets"
    viewer_protocol_policy     = "https-only"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = data.aws_cloudfront_cache_policy.optimized.id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.assets.id
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = var.assets_certificate_arn == null
    acm_certificate_arn            = var.assets_certificate_arn
    ssl_support_method             = var.assets_certificate_arn == null ? null : "sni-only"
    minimum_protocol_version       = var.assets_certificate_arn == null ? "TLSv1" : "TLSv1.2_2021"
  }
}
