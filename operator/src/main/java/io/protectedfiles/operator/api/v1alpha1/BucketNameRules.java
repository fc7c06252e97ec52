package io.protectedfiles.operator.api.v1alpha1;

/**
 * S3's naming rules for general purpose buckets
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html). The pattern is
 * enforced by the API server through the CRD; the operator uses the same rules to derive names.
 */
public final class BucketNameRules {

  public static final String PATTERN = "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$";
  public static final int MAX_LENGTH = 63;

  private BucketNameRules() {}
}
