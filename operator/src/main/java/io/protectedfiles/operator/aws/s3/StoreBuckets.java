package io.protectedfiles.operator.aws.s3;

import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.AwsClients;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The region of a store's bucket, and the S3 client for it. */
public final class StoreBuckets {

  private final AwsClients aws;

  public StoreBuckets(AwsClients aws) {
    this.aws = aws;
  }

  /**
   * The spec's region; else the region the bucket was made in (so that changing the operator's
   * default region later does not strand existing stores); else the operator's default.
   */
  public Region region(ProtectedFileStore store) {
    String region = store.specOrDefaults().bucketOrDefaults().getRegion();
    if (region != null && !region.isBlank()) {
      return Region.of(region);
    }
    var status = store.getStatus();
    if (status != null && status.getBucket() != null && status.getBucket().getRegion() != null) {
      return Region.of(status.getBucket().getRegion());
    }
    return aws.defaultRegion();
  }

  public S3Client client(ProtectedFileStore store) {
    return aws.s3(region(store));
  }
}
