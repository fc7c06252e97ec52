package io.protectedfiles.operator.aws;

import io.protectedfiles.operator.config.OperatorSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the AWS clients the operator uses, one per service and region, from the SDK's standard
 * chain: region, credentials and endpoint (AWS_ENDPOINT_URL) come from the environment, an
 * instance role, IRSA or EKS Pod Identity. Clients are thread-safe and reused.
 */
public final class AwsClients implements AutoCloseable {

  // Throttling and 5xx answers are retried by the SDK with exponential backoff and full jitter;
  // a few more attempts than the default ride out a burst of throttling from many stores at once.
  private static final int MAX_ATTEMPTS = 6;

  private final OperatorSettings settings;
  private final Region defaultRegion;
  private final Map<Region, S3Client> s3 = new ConcurrentHashMap<>();

  public AwsClients(OperatorSettings settings) {
    this(settings, new DefaultAwsRegionProviderChain().getRegion());
  }

  AwsClients(OperatorSettings settings, Region defaultRegion) {
    this.settings = settings;
    this.defaultRegion = defaultRegion;
  }

  public Region defaultRegion() {
    return defaultRegion;
  }

  public S3Client s3(Region region) {
    return s3.computeIfAbsent(
        region,
        r ->
            S3Client.builder()
                .region(r)
                .forcePathStyle(settings.s3PathStyle())
                .overrideConfiguration(overrides())
                .build());
  }

  static ClientOverrideConfiguration overrides() {
    return ClientOverrideConfiguration.builder()
        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
        .build();
  }

  @Override
  public void close() {
    s3.values().forEach(S3Client::close);
  }
}
