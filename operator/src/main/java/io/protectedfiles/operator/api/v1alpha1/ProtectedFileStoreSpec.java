package io.protectedfiles.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProtectedFileStoreSpec {

  @JsonPropertyDescription("The S3 bucket that holds the files. Everything in it is optional.")
  private BucketSpec bucket;

  public BucketSpec getBucket() {
    return bucket;
  }

  /** The bucket section, empty (all defaults) when the spec leaves it out. */
  public BucketSpec bucketOrDefaults() {
    return bucket == null ? new BucketSpec() : bucket;
  }

  public void setBucket(BucketSpec bucket) {
    this.bucket = bucket;
  }
}
