package io.protectedfiles.operator.aws.s3;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.protectedfiles.operator.api.v1alpha1.DeletionPolicy;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.AwsResource;
import io.protectedfiles.operator.aws.OwnerTags;
import io.protectedfiles.operator.aws.OwnerTags.Ownership;
import io.protectedfiles.operator.aws.TerminalFailure;
import io.protectedfiles.operator.aws.s3.ObservedBucket.PublicAccess;
import io.protectedfiles.operator.config.OperatorSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The store's S3 bucket with the settings that keep it private: all four public-access-block flags,
 * object ownership BucketOwnerEnforced (no ACLs), and the tags that name its owner.
 */
public class Bucket extends AwsResource<ObservedBucket> {

  private static final Logger log = LoggerFactory.getLogger(Bucket.class);

  static final String OWNERSHIP = ObjectOwnership.BUCKET_OWNER_ENFORCED.toString();

  private final StoreBuckets buckets;
  private final OperatorSettings settings;
  private final BucketReader reader;

  public Bucket(StoreBuckets buckets, OperatorSettings settings) {
    super(ObservedBucket.class);
    this.buckets = buckets;
    this.settings = settings;
    this.reader = new BucketReader();
  }

  @Override
  public String describe() {
    return "S3 bucket";
  }

  @Override
  protected Optional<ObservedBucket> observe(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    return reader.read(s3(store), BucketNames.of(store), region(store));
  }

  @Override
  protected ObservedBucket desired(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    return new ObservedBucket(
        BucketNames.of(store),
        region(store).id(),
        PublicAccess.ALL_BLOCKED,
        OWNERSHIP,
        OwnerTags.resourceTags(store));
  }

  @Override
  protected boolean matches(ObservedBucket observed, ObservedBucket desired) {
    return observed.publicAccess().equals(desired.publicAccess())
        && desired.objectOwnership().equals(observed.objectOwnership())
        && observed.tags().entrySet().containsAll(desired.tags().entrySet());
  }

  @Override
  public ObservedBucket create(
      ObservedBucket desired, ProtectedFileStore store, Context<ProtectedFileStore> context) {
    S3Client s3 = s3(store);
    try {
      s3.createBucket(
          b -> {
            b.bucket(desired.name()).objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED);
            // us-east-1 is the one region that takes no location constraint.
            if (!Region.US_EAST_1.id().equals(desired.region())) {
              b.createBucketConfiguration(
                  c -> c.locationConstraint(BucketLocationConstraint.fromValue(desired.region())));
            }
          });
    } catch (S3Exception e) {
      if ("BucketAlreadyExists".equals(errorCode(e))) {
        throw new TerminalFailure(
            "BucketNameTaken",
            "bucket " + desired.name() + " belongs to another AWS account: choose another spec.bucket.name");
      }
      // BucketAlreadyOwnedByYou: observe saw nothing, but a concurrent or crashed attempt made it.
      // Only untagged or ours can reach the tagging below; a bucket tagged for someone else was
      // refused by observe's answer on the next round.
      if (!"BucketAlreadyOwnedByYou".equals(errorCode(e))) {
        throw e;
      }
      return update(reader.read(s3, desired.name(), region(store)).orElseThrow(() -> e), desired, store, context);
    }
    // Tag first: from here on the bucket is recognisably this store's, even if the operator stops.
    putTags(s3, desired.name(), desired.tags());
    putPublicAccessBlock(s3, desired.name(), desired.publicAccess());
    return desired;
  }

  @Override
  public ObservedBucket update(
      ObservedBucket observed, ObservedBucket desired, ProtectedFileStore store, Context<ProtectedFileStore> context) {
    requireOwnedOrAdoptable(observed, store);
    S3Client s3 = s3(store);
    Map<String, String> tags = new HashMap<>(observed.tags());
    if (!tags.entrySet().containsAll(desired.tags().entrySet())) {
      // Tags set by others (cost allocation, say) are kept; only the owner's are written.
      tags.putAll(desired.tags());
      putTags(s3, desired.name(), tags);
    }
    if (!observed.publicAccess().equals(desired.publicAccess())) {
      putPublicAccessBlock(s3, desired.name(), desired.publicAccess());
    }
    if (!desired.objectOwnership().equals(observed.objectOwnership())) {
      s3.putBucketOwnershipControls(
          b -> b.bucket(desired.name())
              .ownershipControls(o -> o.rules(r -> r.objectOwnership(desired.objectOwnership()))));
    }
    return new ObservedBucket(desired.name(), observed.region(), desired.publicAccess(), desired.objectOwnership(), tags);
  }

  /**
   * A bucket this account may not read, or that lives in another region, was never the store's:
   * deleting the store leaves it alone instead of failing (and holding up the rest of the cleanup).
   */
  @Override
  public void delete(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    Optional<ObservedBucket> observed;
    try {
      observed = observe(store, context);
    } catch (TerminalFailure e) {
      log.info("bucket of {} left alone on deletion: {}", OwnerTags.of(store).describe(), e.getMessage());
      return;
    }
    observed.ifPresent(bucket -> delete(bucket, store, context));
  }

  @Override
  protected void delete(ObservedBucket observed, ProtectedFileStore store, Context<ProtectedFileStore> context) {
    if (observed == null) {
      return;
    }
    if (OwnerTags.of(store).ownershipOf(observed.tags()) != Ownership.THIS_STORE) {
      log.info("bucket {} is not this store's: left alone", observed.name());
      return;
    }
    if (store.specOrDefaults().bucketOrDefaults().deletionPolicyOrDefault() != DeletionPolicy.Delete) {
      log.info("bucket {} kept (deletionPolicy Retain)", observed.name());
      return;
    }
    S3Client s3 = s3(store);
    if (reader.holdsObjects(s3, observed.name())) {
      throw new BucketNotEmpty(observed.name());
    }
    s3.deleteBucket(b -> b.bucket(observed.name()));
    log.info("bucket {} deleted (deletionPolicy Delete)", observed.name());
  }

  private void requireOwnedOrAdoptable(ObservedBucket observed, ProtectedFileStore store) {
    OwnerTags owner = OwnerTags.of(store);
    switch (owner.ownershipOf(observed.tags())) {
      case THIS_STORE, EARLIER_STORE_OF_SAME_NAME -> {}
      case ANOTHER_STORE -> throw new TerminalFailure(
          "BucketOwnedByAnotherStore",
          "bucket " + observed.name() + " belongs to store " + OwnerTags.describe(observed.tags())
              + "; choose another spec.bucket.name");
      case UNTAGGED -> {
        if (!store.specOrDefaults().bucketOrDefaults().adoptRequested()) {
          throw new TerminalFailure(
              "BucketExists",
              "bucket " + observed.name() + " already exists and is not managed by a store; set"
                  + " spec.bucket.adopt: true to take it over, or choose another spec.bucket.name");
        }
        if (!settings.adoptionAllowedIn(owner.namespace())) {
          throw new TerminalFailure(
              "AdoptionNotAllowed",
              "the operator's configuration does not allow adopting buckets in namespace "
                  + owner.namespace() + " (ask the platform team to add it to the adoption list)");
        }
      }
    }
  }

  private static void putTags(S3Client s3, String bucket, Map<String, String> tags) {
    s3.putBucketTagging(
        b -> b.bucket(bucket)
            .tagging(t -> t.tagSet(tags.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> software.amazon.awssdk.services.s3.model.Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList())));
  }

  private static void putPublicAccessBlock(S3Client s3, String bucket, PublicAccess flags) {
    s3.putPublicAccessBlock(
        b -> b.bucket(bucket)
            .publicAccessBlockConfiguration(
                c -> c.blockPublicAcls(flags.blockPublicAcls())
                    .ignorePublicAcls(flags.ignorePublicAcls())
                    .blockPublicPolicy(flags.blockPublicPolicy())
                    .restrictPublicBuckets(flags.restrictPublicBuckets())));
  }

  private S3Client s3(ProtectedFileStore store) {
    return buckets.client(store);
  }

  private Region region(ProtectedFileStore store) {
    return buckets.region(store);
  }

  static String errorCode(S3Exception e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }
}
