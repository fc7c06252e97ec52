package io.protectedfiles.operator.aws.s3;

/** deletionPolicy Delete asked to remove a bucket that still holds files: it is kept. */
public class BucketNotEmpty extends RuntimeException {

  private final String bucket;

  public BucketNotEmpty(String bucket) {
    super("bucket " + bucket + " still holds objects and is kept; empty it, or set"
        + " spec.bucket.deletionPolicy: Retain, to finish deleting the store");
    this.bucket = bucket;
  }

  public String bucket() {
    return bucket;
  }
}
