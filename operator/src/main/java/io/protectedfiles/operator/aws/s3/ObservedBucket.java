package io.protectedfiles.operator.aws.s3;

import java.util.Map;

/**
 * A bucket as read from S3 (or as the operator wants it): the settings the operator manages.
 *
 * @param objectOwnership the ownership-controls rule, null when the bucket has none
 */
public record ObservedBucket(
    String name,
    String region,
    PublicAccess publicAccess,
    String objectOwnership,
    Map<String, String> tags) {

  public ObservedBucket {
    tags = Map.copyOf(tags);
  }

  public String arn() {
    return "arn:aws:s3:::" + name;
  }

  /** The four public-access-block flags. */
  public record PublicAccess(
      boolean blockPublicAcls,
      boolean ignorePublicAcls,
      boolean blockPublicPolicy,
      boolean restrictPublicBuckets) {

    public static final PublicAccess ALL_BLOCKED = new PublicAccess(true, true, true, true);
    public static final PublicAccess NONE_BLOCKED = new PublicAccess(false, false, false, false);
  }
}
