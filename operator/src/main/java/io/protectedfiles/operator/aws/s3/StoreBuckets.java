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

  public Region region(ProtectedFileStore store) {
    String region = store.specOrDefaults().bucketOrDefaults().getRegion();
    return region == null || region.isBlank() ? aws.defaultRegion() : Region.of(region);
  }

  public S3Client client(ProtectedFileStore store) {
    return aws.s3(region(store));
  }
}
