package io.protectedfiles.operator.aws.s3;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.AwsResource;
import io.protectedfiles.operator.aws.OwnerTags;
import io.protectedfiles.operator.aws.OwnerTags.Ownership;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bucket policy that lets CloudFront, and nothing else, read the store's files. The bucket is
 * the store's own, so the policy is too: anything else found in it is drift and is replaced.
 */
public class BucketPolicy extends AwsResource<ObservedBucketPolicy> {

  private final StoreBuckets buckets;
  private final BiFunction<ProtectedFileStore, Context<ProtectedFileStore>, CloudFrontReader> reader;

  /** @param reader who may read, from what the earlier stages of this reconcile recorded */
  public BucketPolicy(
      StoreBuckets buckets, BiFunction<ProtectedFileStore, Context<ProtectedFileStore>, CloudFrontReader> reader) {
    super(ObservedBucketPolicy.class);
    this.buckets = buckets;
    this.reader = reader;
  }

  @Override
  public String describe() {
    return "bucket policy";
  }

  @Override
  protected Optional<ObservedBucketPolicy> observe(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    String bucket = BucketNames.of(store);
    try {
      String policy = buckets.client(store).getBucketPolicy(b -> b.bucket(bucket)).policy();
      return Optional.of(new ObservedBucketPolicy(bucket, policy));
    } catch (NoSuchBucketException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if ("NoSuchBucketPolicy".equals(Bucket.errorCode(e))) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  protected ObservedBucketPolicy desired(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    String bucket = BucketNames.of(store);
    String statement = reader.apply(store, context).statementJson(bucket);
    return new ObservedBucketPolicy(bucket, "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}");
  }

  @Override
  protected boolean matches(ObservedBucketPolicy observed, ObservedBucketPolicy desired) {
    return PolicyDocuments.sameMeaning(observed.document(), desired.document());
  }

  @Override
  public ObservedBucketPolicy create(
      ObservedBucketPolicy desired, ProtectedFileStore store, Context<ProtectedFileStore> context) {
    buckets.client(store).putBucketPolicy(b -> b.bucket(desired.bucket()).policy(desired.document()));
    return desired;
  }

  @Override
  public ObservedBucketPolicy update(
      ObservedBucketPolicy observed, ObservedBucketPolicy desired, ProtectedFileStore store,
      Context<ProtectedFileStore> context) {
    return create(desired, store, context);
  }

  /**
   * The identity the policy names is deleted with the store, so its grant goes too: only the
   * store's own statement, and only from a bucket that is the store's (a store refused a bucket
   * that is not its own must not touch that bucket's policy when it is deleted).
   */
  @Override
  public void delete(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    S3Client s3 = buckets.client(store);
    String bucket = BucketNames.of(store);
    Optional<Map<String, String>> tags = BucketReader.tagsIfReadable(s3, bucket);
    if (tags.isEmpty() || OwnerTags.of(store).ownershipOf(tags.get()) != Ownership.THIS_STORE) {
      return;
    }
    observe(store, context).ifPresent(policy -> {
      Optional<String> rest = PolicyDocuments.withoutStatement(policy.document(), CloudFrontReader.STATEMENT_ID);
      if (rest.isEmpty()) {
        s3.deleteBucketPolicy(b -> b.bucket(bucket));
      } else {
        s3.putBucketPolicy(b -> b.bucket(bucket).policy(rest.get()));
      }
    });
  }

  @Override
  protected void delete(ObservedBucketPolicy observed, ProtectedFileStore store, Context<ProtectedFileStore> context) {
    delete(store, context);
  }
}
