package io.protectedfiles.operator.aws.cloudfront;

import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.aws.OwnerTags;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsRequest;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;
import software.amazon.awssdk.services.cloudfront.model.NoSuchResourceException;
import software.amazon.awssdk.services.cloudfront.paginators.ListDistributionsIterable;

/** Finds distributions in CloudFront without changing anything. */
final class DistributionFinder {

  private final AwsClients aws;

  DistributionFinder(AwsClients aws) {
    this.aws = aws;
  }

  /**
   * The store's own distribution, never another's. The id in the store's status is tried first; a
   * crash between creating the distribution and writing the status leaves no id there, so the
   * distributions are then searched for the store's uid tag.
   */
  Optional<ObservedDistribution> findOwnedBy(ProtectedFileStore store) {
    OwnerTags owner = OwnerTags.of(store);
    Optional<ObservedDistribution> fromStatus = idInStatus(store).flatMap(this::read).filter(d -> isOwnedBy(d, owner));
    return fromStatus.isPresent() ? fromStatus : idTaggedFor(owner).flatMap(this::read);
  }

  /** The distribution created with {@code callerReference}, whoever it belongs to. */
  Optional<ObservedDistribution> findByCallerReference(String callerReference) {
    CloudFrontClient cloudFront = aws.cloudFront();
    for (DistributionSummary summary : new ListDistributionsIterable(cloudFront, ListDistributionsRequest.builder().build()).items()) {
      try {
        if (callerReference.equals(
            cloudFront.getDistributionConfig(r -> r.id(summary.id())).distributionConfig().callerReference())) {
          return read(summary.id());
        }
      } catch (NoSuchDistributionException e) {
        // Deleted since it was listed.
      }
    }
    return Optional.empty();
  }

  static boolean isOwnedBy(ObservedDistribution distribution, OwnerTags owner) {
    return switch (owner.ownershipOf(distribution.tags())) {
      case THIS_STORE -> true;
      // CreateDistributionWithTags tags in the same step, so an untagged distribution with the
      // store's uid as CallerReference is the store's and lost its tags by hand.
      case UNTAGGED -> owner.uid().equals(distribution.callerReference());
      case ANOTHER_STORE, EARLIER_STORE_OF_SAME_NAME -> false;
    };
  }

  private Optional<ObservedDistribution> read(String id) {
    GetDistributionResponse response;
    try {
      response = aws.cloudFront().getDistribution(r -> r.id(id));
    } catch (NoSuchDistributionException e) {
      return Optional.empty();
    }
    return tags(response.distribution().arn())
        .map(tags -> ObservedDistribution.of(response.distribution(), response.eTag(), tags));
  }

  private Optional<String> idTaggedFor(OwnerTags owner) {
    for (DistributionSummary summary : new ListDistributionsIterable(aws.cloudFront(), ListDistributionsRequest.builder().build()).items()) {
      if (tags(summary.arn()).map(tags -> owner.uid().equals(tags.get(OwnerTags.UID_KEY))).orElse(false)) {
        return Optional.of(summary.id());
      }
    }
    return Optional.empty();
  }

  /** Empty when the distribution was deleted meanwhile. */
  private Optional<Map<String, String>> tags(String arn) {
    try {
      return Optional.of(aws.cloudFront().listTagsForResource(r -> r.resource(arn)).tags().items().stream()
          .collect(Collectors.toMap(t -> t.key(), t -> t.value(), (a, b) -> b)));
    } catch (NoSuchResourceException | NoSuchDistributionException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> idInStatus(ProtectedFileStore store) {
    var status = store.getStatus();
    if (status == null || status.getDistribution() == null) {
      return Optional.empty();
    }
    String id = status.getDistribution().getId();
    return id == null || id.isBlank() ? Optional.empty() : Optional.of(id);
  }
}
