package io.protectedfiles.operator.aws.cloudfront;

import io.protectedfiles.operator.aws.cloudfront.DistributionSettings.EdgeAssociation;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A store's CloudFront distribution as read from CloudFront, or as the store wants it (then id,
 * arn, domainName, status and etag are null).
 *
 * @param status InProgress while CloudFront deploys a change to its edge locations, then Deployed
 * @param etag the version an update or delete must name as If-Match
 * @param callerReference the store's uid, fixed at creation
 */
public record ObservedDistribution(
    String id,
    String arn,
    String domainName,
    String status,
    String etag,
    String callerReference,
    Map<String, String> tags,
    DistributionSettings settings) {

  public static final String DEPLOYED = "Deployed";

  public ObservedDistribution {
    tags = Map.copyOf(tags);
  }

  static ObservedDistribution of(
      software.amazon.awssdk.services.cloudfront.model.Distribution distribution, String etag, Map<String, String> tags) {
    return new ObservedDistribution(
        distribution.id(),
        distribution.arn(),
        distribution.domainName(),
        distribution.status(),
        etag,
        distribution.distributionConfig().callerReference(),
        tags,
        DistributionSettings.of(distribution.distributionConfig()));
  }

  /** Whether CloudFront has deployed the latest change everywhere: the store is ready only then. */
  public boolean isDeployed() {
    return DEPLOYED.equals(status);
  }

  public boolean enabled() {
    return settings.enabled();
  }

  /** The Lambda@Edge function versions the distribution runs (which the edge function's cleanup keeps). */
  public Set<String> edgeFunctionArns() {
    return settings.edgeAssociations().stream().map(EdgeAssociation::functionArn).collect(Collectors.toUnmodifiableSet());
  }

  ObservedDistribution withTags(Map<String, String> newTags) {
    return new ObservedDistribution(id, arn, domainName, status, etag, callerReference, newTags, settings);
  }
}
