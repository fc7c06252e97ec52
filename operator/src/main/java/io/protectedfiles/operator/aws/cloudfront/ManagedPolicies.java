package io.protectedfiles.operator.aws.cloudfront;

/**
 * AWS managed CloudFront policies the distribution's default behaviour uses. Their ids are the same
 * in every account; each is documented at the link beside it.
 */
final class ManagedPolicies {

  /**
   * Cache policy CachingOptimized: long TTLs, compressed objects cached, and no headers, cookies or
   * query strings in the cache key, so the token in the query string never splits the cache
   * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html#managed-cache-caching-optimized).
   */
  static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";

  /**
   * Origin request policy CORS-S3Origin: forwards Origin, Access-Control-Request-Headers and
   * Access-Control-Request-Method to S3, so that S3 answers with the bucket's CORS rule; the current
   * replacement for listing those headers in the legacy ForwardedValues
   * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html#managed-origin-request-policy-cors-s3).
   */
  static final String CORS_S3_ORIGIN = "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf";

  /**
   * Response headers policy CORS-With-Preflight: CloudFront answers CORS preflight requests and adds
   * the CORS headers to responses, without overriding those the origin sent
   * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-response-headers-policies.html#managed-response-headers-policies-cors-preflight).
   */
  static final String CORS_WITH_PREFLIGHT = "5cc3b908-e619-4b99-88e5-2cf7f45965bd";

  private ManagedPolicies() {}
}
