package io.protectedfiles.operator.aws.s3;

import io.protectedfiles.operator.aws.TerminalFailure;
import io.protectedfiles.operator.aws.s3.ObservedBucket.PublicAccess;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Reads a bucket's managed settings from S3 without changing anything. */
final class BucketReader {

  Optional<ObservedBucket> read(S3Client s3, String name, Region region) {
    HeadBucketResponse head;
    try {
      head = s3.headBucket(b -> b.bucket(name));
    } catch (NoSuchBucketException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      switch (e.statusCode()) {
        case 404 -> {
          return Optional.empty();
        }
        case 403 -> throw new TerminalFailure(
            "BucketNameTaken",
            "bucket " + name + " exists and this operator's AWS account may not use it (it belongs to"
                + " another account, or the operator's role lacks access): choose another spec.bucket.name");
        case 301 -> throw new TerminalFailure(
            "BucketInAnotherRegion",
            "bucket " + name + " exists in another region than " + region.id()
                + ": set spec.bucket.region to the bucket's region, or choose another name");
        default -> throw e;
      }
    }
    String actualRegion = head.bucketRegion() == null ? region.id() : head.bucketRegion();
    return Optional.of(
        new ObservedBucket(name, actualRegion, publicAccess(s3, name), objectOwnership(s3, name), tags(s3, name)));
  }

  boolean holdsObjects(S3Client s3, String name) {
    // Versions and delete markers count: a versioned bucket with only those cannot be deleted either.
    var page = s3.listObjectVersions(b -> b.bucket(name).maxKeys(1));
    return page.hasVersions() && !page.versions().isEmpty()
        || page.hasDeleteMarkers() && !page.deleteMarkers().isEmpty();
  }

  /** The bucket's tags, or empty when the bucket is gone or this account may not read it. */
  static Optional<Map<String, String>> tagsIfReadable(S3Client s3, String name) {
    try {
      return Optional.of(tags(s3, name));
    } catch (S3Exception e) {
      if (e instanceof NoSuchBucketException || e.statusCode() == 404 || e.statusCode() == 403 || e.statusCode() == 301) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static Map<String, String> tags(S3Client s3, String name) {
    try {
      return s3.getBucketTagging(b -> b.bucket(name)).tagSet().stream()
          .collect(Collectors.toMap(t -> t.key(), t -> t.value(), (a, b) -> b));
    } catch (S3Exception e) {
      if ("NoSuchTagSet".equals(Bucket.errorCode(e))) {
        return Map.of();
      }
      throw e;
    }
  }

  private static PublicAccess publicAccess(S3Client s3, String name) {
    try {
      var c = s3.getPublicAccessBlock(b -> b.bucket(name)).publicAccessBlockConfiguration();
      return new PublicAccess(
          Boolean.TRUE.equals(c.blockPublicAcls()),
          Boolean.TRUE.equals(c.ignorePublicAcls()),
          Boolean.TRUE.equals(c.blockPublicPolicy()),
          Boolean.TRUE.equals(c.restrictPublicBuckets()));
    } catch (S3Exception e) {
      if ("NoSuchPublicAccessBlockConfiguration".equals(Bucket.errorCode(e))) {
        return PublicAccess.NONE_BLOCKED;
      }
      throw e;
    }
  }

  private static String objectOwnership(S3Client s3, String name) {
    try {
      var rules = s3.getBucketOwnershipControls(b -> b.bucket(name)).ownershipControls().rules();
      return rules.isEmpty() ? null : rules.get(0).objectOwnershipAsString();
    } catch (S3Exception e) {
      if ("OwnershipControlsNotFoundError".equals(Bucket.errorCode(e))) {
        return null;
      }
      throw e;
    }
  }
}
