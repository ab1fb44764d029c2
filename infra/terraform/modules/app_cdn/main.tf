# The app's front door: viewers reach CloudFront, CloudFront reaches the load balancer over
# HTTPS with a secret header, and the load balancer forwards only requests that carry it.
# Only content-hashed assets are cached; every page and API answer comes from the app.

data "aws_cloudfront_cache_policy" "disabled" {
  name = "Managed-CachingDisabled"
}

# Every viewer header (Authorization, If-Match, CSRF token), cookie and query string reaches
# the app. Host is the origin's name, so the TLS name CloudFront checks is origin_domain_name.
data "aws_cloudfront_origin_request_policy" "all_viewer_except_host" {
  name = "Managed-AllViewerExceptHostHeader"
}

# /assets answers `?v=<hash>` links with a year of `immutable` and every other asset URL with
# `no-cache` and an ETag (web/assets.py, web/router.py). Managed-CachingOptimized would drop
# the query string from the key (every version of a file would share one entry) and keep even
# `no-cache` answers for a second; this policy keys on `v` and does only what the app says.
resource "aws_cloudfront_cache_policy" "assets" {
  name        = "${var.name}-assets"
  comment     = "The app's /assets: keyed on the content hash, cached as long as the app says"
  min_ttl     = 0
  default_ttl = 0
  max_ttl     = 31536000

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_brotli = true
    enable_accept_encoding_gzip   = true

    cookies_config {
      cookie_behavior = "none"
    }

    headers_config {
      header_behavior = "none"
    }

    query_strings_config {
      query_string_behavior = "whitelist"

      query_strings {
        items = ["v"]
      }
    }
  }
}

# The app sets its own CSP, frame, referrer and content-type headers on every answer; HSTS
# belongs to the edge, which is what viewers speak TLS to. As for the assets distribution:
# two years, subdomains included (every name under the site's, origin and assets included,
# is served over HTTPS only).
resource "aws_cloudfront_response_headers_policy" "app" {
  name    = "${var.name}-app"
  comment = "HSTS for the app's site"

  security_headers_config {
    strict_transport_security {
      access_control_max_age_sec = 63072000
      include_subdomains         = true
      preload                    = true
      override                   = true
    }
  }
}

locals {
  origin_id = "alb"
  # CloudFront caches these error answers for 10 seconds by default, even those marked
  # no-store, under a key without cookies: one person's 403 or 503 would be served to the
  # next. The app's errors are for whoever asked, so none is cached.
  cached_error_codes = [400, 403, 404, 405, 414, 500, 501, 502, 503, 504]
}

resource "aws_cloudfront_distribution" "app" {
  #checkov:skip=CKV_AWS_86:Standard logging needs a bucket with ACLs enabled; the web ACL already logs every viewer request (address, URI, headers with Authorization and Cookie redacted) and the load balancer logs every request it forwards.
  #checkov:skip=CKV_AWS_310:The load balancer, spread over every zone, is the one origin; a failover origin would need a second deployment of the app and its database.
  #checkov:skip=CKV_AWS_305:The app answers the root URL itself (the home page); a default root object would rewrite / to a file.
  #checkov:skip=CKV_AWS_374:Resumes are written worldwide; restricting countries would lock users out.
  #checkov:skip=CKV2_AWS_47:The web ACL has AWSManagedRulesKnownBadInputsRuleSet with the Log4j signatures; the check also demands AWSManagedRulesAnonymousIpList, which would block people applying for jobs through a VPN, Tor or a corporate proxy.
  enabled         = true
  is_ipv6_enabled = true
  http_version    = "http2and3"
  comment         = "${var.name} app"
  price_class     = var.price_class
  aliases         = [var.domain_name]
  web_acl_id      = aws_wafv2_web_acl.this.arn

  origin {
    origin_id   = local.origin_id
    domain_name = var.origin_domain_name

    custom_origin_config {
      http_port                = 80
      https_port               = 443
      origin_protocol_policy   = "https-only"
      origin_ssl_protocols     = ["TLSv1.2"]
      origin_read_timeout      = var.origin_read_timeout
      origin_keepalive_timeout = 5
    }

    custom_header {
      name  = var.origin_verify_header
      value = var.origin_verify_value
    }
  }

  # Content-hashed CSS, scripts, icons and fonts: cached at the edge as long as the app says.
  ordered_cache_behavior {
    path_pattern               = "/assets/*"
    target_origin_id           = local.origin_id
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = aws_cloudfront_cache_policy.assets.id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.app.id
  }

  # Pages, /api, /healthz, downloads: never cached, everything the viewer sent goes through.
  default_cache_behavior {
    target_origin_id           = local.origin_id
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = data.aws_cloudfront_cache_policy.disabled.id
    origin_request_policy_id   = data.aws_cloudfront_origin_request_policy.all_viewer_except_host.id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.app.id
  }

  dynamic "custom_error_response" {
    for_each = local.cached_error_codes

    content {
      error_code            = custom_error_response.value
      error_caching_min_ttl = 0
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = var.certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }

  lifecycle {
    precondition {
      condition     = var.origin_domain_name != var.domain_name
      error_message = "origin_domain_name needs a name of its own: the site's name points at CloudFront, the origin's at the load balancer."
    }
  }
}
