package io.protectedfiles.operator.api.v1alpha1;

/** How CloudFront proves to S3 that a request comes from the store's distribution. */
public enum OriginAccessType {
  /** Origin access identity: the bucket policy names the identity. */
  OAI,
  /** Origin access control: the bucket policy names the distribution (SigV4 signed requests). */
  OAC
}
