package io.protectedfiles.operator.aws.cloudfront;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.aws.AwsResource;
import io.protectedfiles.operator.aws.DeletionInProgress;
import io.protectedfiles.operator.aws.OwnerTags;
import io.protectedfiles.operator.aws.TerminalFailure;
import io.protectedfiles.operator.aws.s3.ObservedBucket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;
import software.amazon.awssdk.services.cloudfront.model.DistributionAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionNotDisabledException;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.UpdateDistributionResponse;

/**
 * The store's CloudFront distribution: the bucket as its only managed origin (through the origin
 * access identity or control), the edge authorizer on every viewer request, and the spec's price
 * class, aliases and certificate.
 *
 * <p>Its CallerReference is the store's uid and it is created with the store's tags in one call, so
 * a crash between creating it and writing the status finds it again instead of making another.
 * Updates name the ETag of the configuration they change. Deleting takes several reconciles:
 * CloudFront deletes only a distribution that is disabled and has deployed being disabled.
 */
public class Distribution extends AwsResource<ObservedDistribution> {

  private static final Logger log = LoggerFactory.getLogger(Distribution.class);

  private final AwsClients aws;
  private final ViewerRequestFunction viewerRequestFunction;
  private final DistributionFinder finder;

  public Distribution(AwsClients aws, ViewerRequestFunction viewerRequestFunction) {
    super(ObservedDistribution.class);
    this.aws = aws;
    this.viewerRequestFunction = viewerRequestFunction;
    this.finder = new DistributionFinder(aws);
  }

  @Override
  public String describe() {
    return "CloudFront distribution";
  }

  @Override
  protected Optional<ObservedDistribution> observe(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    return finder.findOwnedBy(store);
  }

  @Override
  protected ObservedDistribution desired(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    ObservedBucket bucket = recordedBefore(context, ObservedBucket.class);
    ObservedOriginAccess originAccess = recordedBefore(context, ObservedOriginAccess.class);
    String functionArn = viewerRequestFunction.qualifiedArn(context)
        .orElseThrow(() -> new IllegalStateException("no published version of the edge authorizer is recorded yet"));
    return new ObservedDistribution(
        null, null, null, null, null,
        store.getMetadata().getUid(),
        OwnerTags.resourceTags(store),
        DesiredDistribution.of(store, bucket, originAccess, functionArn));
  }

  @Override
  protected boolean matches(ObservedDistribution observed, ObservedDistribution desired) {
    return observed.settings().equals(desired.settings())
        && observed.tags().entrySet().containsAll(desired.tags().entrySet());
  }

  @Override
  public ObservedDistribution create(
      ObservedDistribution desired, ProtectedFileStore store, Context<ProtectedFileStore> context) {
    DistributionConfig config = desired.settings()
        .applyTo(DistributionConfig.builder().callerReference(desired.callerReference()).build());
    try {
      var created = aws.cloudFront().createDistributionWithTags(r -> r.distributionConfigWithTags(
          c -> c.distributionConfig(config).tags(t -> t.items(tagList(desired.tags())))));
      log.info("created distribution {} for {}", created.distribution().id(), OwnerTags.of(store).describe());
      return ObservedDistribution.of(created.distribution(), created.eTag(), desired.tags());
    } catch (DistributionAlreadyExistsException e) {
      return adopt(desired, store, context, e);
    } catch (CloudFrontException e) {
      throw CloudFrontRefusals.classify(e, "creating the distribution of " + OwnerTags.of(store).describe());
    }
  }

  @Override
  public ObservedDistribution update(
      ObservedDistribution observed,
      ObservedDistribution desired,
      ProtectedFileStore store,
      Context<ProtectedFileStore> context) {
    ObservedDistribution result = observed;
    if (!observed.settings().equals(desired.settings())) {
      result = write(observed, desired.settings(), store);
      log.info("updated distribution {} of {} to match the spec", observed.id(), OwnerTags.of(store).describe());
    }
    if (!observed.tags().entrySet().containsAll(desired.tags().entrySet())) {
      // Tags set by others (cost allocation, say) are kept; TagResource only adds and overwrites.
      aws.cloudFront().tagResource(r -> r.resource(observed.arn()).tags(t -> t.items(tagList(desired.tags()))));
      Map<String, String> tags = new HashMap<>(observed.tags());
      tags.putAll(desired.tags());
      result = result.withTags(tags);
    }
    return result;
  }

  /**
   * One step of deleting per reconcile: disable, wait until that is deployed, delete. Each step that
   * leaves more to do throws {@link DeletionInProgress}, and the store's cleanup comes back later.
   */
  @Override
  protected void delete(ObservedDistribution observed, ProtectedFileStore store, Context<ProtectedFileStore> context) {
    if (observed == null) {
      return;
    }
    if (observed.enabled()) {
      disable(observed.id());
      throw new DeletionInProgress("disabling CloudFront distribution " + observed.id() + " before deleting it");
    }
    if (!observed.isDeployed()) {
      throw new DeletionInProgress(
          "waiting for the disabled CloudFront distribution " + observed.id() + " to deploy before deleting it");
    }
    try {
      aws.cloudFront().deleteDistribution(r -> r.id(observed.id()).ifMatch(observed.etag()));
      log.info("deleted distribution {} of {}", observed.id(), OwnerTags.of(store).describe());
    } catch (DistributionNotDisabledException | PreconditionFailedException e) {
      // Enabled again or changed since it was read: the next round starts from what it is then.
      throw new DeletionInProgress(
          "CloudFront distribution " + observed.id() + " changed while being deleted: " + e.awsErrorDetails().errorMessage());
    } catch (NoSuchDistributionException e) {
      log.info("distribution {} of {} was already deleted", observed.id(), OwnerTags.of(store).describe());
    }
  }

  /**
   * The distribution an earlier attempt created with this store's CallerReference: its answer was
   * lost (a crash, a timeout the SDK retried), so observe did not know it yet.
   */
  private ObservedDistribution adopt(
      ObservedDistribution desired,
      ProtectedFileStore store,
      Context<ProtectedFileStore> context,
      DistributionAlreadyExistsException e) {
    OwnerTags owner = OwnerTags.of(store);
    ObservedDistribution existing = finder.findByCallerReference(desired.callerReference()).orElseThrow(() -> e);
    if (!DistributionFinder.isOwnedBy(existing, owner)) {
      throw new TerminalFailure(
          "DistributionOwnedByAnotherStore",
          "CloudFront distribution " + existing.id() + " has this store's uid as CallerReference but is tagged for store "
              + OwnerTags.describe(existing.tags()) + "; it is left alone");
    }
    log.info("distribution {} of {} was created by an earlier attempt", existing.id(), owner.describe());
    return matches(existing, desired) ? existing : update(existing, desired, store, context);
  }

  private ObservedDistribution write(ObservedDistribution observed, DistributionSettings settings, ProtectedFileStore store) {
    String id = observed.id();
    try {
      UpdateDistributionResponse updated = StaleEtag.retryOnce(readConfig(id), () -> readConfig(id),
          current -> aws.cloudFront().updateDistribution(r -> r.id(id).ifMatch(current.eTag())
              .distributionConfig(settings.applyTo(current.distributionConfig()))));
      return ObservedDistribution.of(updated.distribution(), updated.eTag(), observed.tags());
    } catch (CloudFrontException e) {
      throw CloudFrontRefusals.classify(e, "updating distribution " + id + " of " + OwnerTags.of(store).describe());
    }
  }

  private void disable(String id) {
    CloudFrontClient cloudFront = aws.cloudFront();
    StaleEtag.retryOnce(readConfig(id), () -> readConfig(id),
        current -> cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag())
            .distributionConfig(current.distributionConfig().toBuilder().enabled(false).build())));
    log.info("disabled distribution {} so that it can be deleted", id);
  }

  private GetDistributionConfigResponse readConfig(String id) {
    return aws.cloudFront().getDistributionConfig(r -> r.id(id));
  }

  private static <T> T recordedBefore(Context<ProtectedFileStore> context, Class<T> type) {
    return recorded(context, type).orElseThrow(
        () -> new IllegalStateException(type.getSimpleName() + " is not recorded: the workflow must run its stage first"));
  }

  private static List<Tag> tagList(Map<String, String> tags) {
    return tags.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }
}
