package io.protectedfiles.operator.aws;

import io.protectedfiles.operator.config.OperatorSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the AWS clients the operator uses, one per service and region, from the SDK's standard
 * chain: region, credentials and endpoint (AWS_ENDPOINT_URL) come from the environment, an
 * instance role, IRSA or EKS Pod Identity. Clients are thread-safe and reused.
 */
public final class AwsClients implements AutoCloseable {

  /** Lambda@Edge functions must live in us-east-1, whatever the bucket's region. */
  public static final Region EDGE_REGION = Region.US_EAST_1;

  // Throttling and 5xx answers are retried by the SDK with exponential backoff and full jitter;
  // a few more attempts than the default ride out a burst of throttling from many stores at once.
  private static final int MAX_ATTEMPTS = 6;

  private final OperatorSettings settings;
  private final Region defaultRegion;
  private final List<ExecutionInterceptor> interceptors;
  private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

  public AwsClients(OperatorSettings settings) {
    this(settings, List.of());
  }

  /** @param interceptors see every AWS call, for metrics */
  public AwsClients(OperatorSettings settings, List<ExecutionInterceptor> interceptors) {
    this(settings, new DefaultAwsRegionProviderChain().getRegion(), interceptors);
  }

  AwsClients(OperatorSettings settings, Region defaultRegion, List<ExecutionInterceptor> interceptors) {
    this.settings = settings;
    this.defaultRegion = defaultRegion;
    this.interceptors = List.copyOf(interceptors);
  }

  public Region defaultRegion() {
    return defaultRegion;
  }

  public S3Client s3(Region region) {
    return client("s3/" + region.id(), () -> S3Client.builder()
        .region(region)
        .forcePathStyle(settings.s3PathStyle())
        .overrideConfiguration(overrides())
        .build());
  }

  public CloudFrontClient cloudFront() {
    return client("cloudfront", () -> CloudFrontClient.builder()
        .region(Region.AWS_GLOBAL)
        .overrideConfiguration(overrides())
        .build());
  }

  public LambdaClient edgeLambda() {
    return client("lambda", () -> LambdaClient.builder()
        .region(EDGE_REGION)
        .overrideConfiguration(overrides())
        .build());
  }

  public IamClient iam() {
    return client("iam", () -> IamClient.builder()
        .region(Region.AWS_GLOBAL)
        .overrideConfiguration(overrides())
        .build());
  }

  @SuppressWarnings("unchecked")
  private <C extends SdkClient> C client(String key, java.util.function.Supplier<C> build) {
    return (C) clients.computeIfAbsent(key, k -> build.get());
  }

  private ClientOverrideConfiguration overrides() {
    return ClientOverrideConfiguration.builder()
        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
        .executionInterceptors(interceptors)
        .build();
  }

  @Override
  public void close() {
    clients.values().forEach(SdkClient::close);
  }
}
