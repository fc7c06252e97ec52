package io.protectedfiles.operator.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protectedfiles.operator.testsupport.AwsEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Faults armed through the control endpoint fail the next calls the way each service fails them. */
class FaultInjectionIT {

  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  // Clients that do not retry, so that each test sees the injected error itself.
  final CloudFrontClient cloudFront = CloudFrontClient.builder()
      .endpointOverride(aws.endpoint()).region(Region.AWS_GLOBAL).credentialsProvider(credentials())
      .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
  final LambdaClient lambda = LambdaClient.builder()
      .endpointOverride(aws.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials())
      .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
  final S3Client s3 = S3Client.builder()
      .endpointOverride(aws.endpoint()).region(Region.US_EAST_1).forcePathStyle(true).credentialsProvider(credentials())
      .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
  final IamClient iam = IamClient.builder()
      .endpointOverride(aws.endpoint()).region(Region.AWS_GLOBAL).credentialsProvider(credentials())
      .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();

  @AfterEach
  void closeClients() {
    cloudFront.close();
    lambda.close();
    s3.close();
    iam.close();
  }

  @Test
  void cloudFrontThrottlingIsAThrottling400() {
    aws.control().injectFault("CreateCloudFrontOriginAccessIdentity", 1, "Throttling");

    assertThatThrownBy(this::createIdentity).isInstanceOfSatisfying(CloudFrontException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
      assertThat(e.isThrottlingException()).isTrue();
    });
  }

  @Test
  void lambdaThrottlingIsATooManyRequests429() {
    aws.control().injectFault("lambda:ListFunctions", 1, "Throttling");

    assertThatThrownBy(() -> lambda.listFunctions()).isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(429);
      assertThat(e.isThrottlingException()).isTrue();
    });
  }

  @Test
  void s3SlowDownIsA503() {
    aws.control().injectFault("CreateBucket", 1, "SlowDown");

    assertThatThrownBy(() -> s3.createBucket(r -> r.bucket("team-assets"))).isInstanceOfSatisfying(S3Exception.class, e -> {
      assertThat(e.statusCode()).isEqualTo(503);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
      assertThat(e.isThrottlingException()).isTrue();
    });
  }

  @Test
  void serverErrorsAre500And503() {
    aws.control().injectFault("GetRole", 1, "InternalError");
    aws.control().injectFault("ListCloudFrontOriginAccessIdentities", 1, "ServiceUnavailable");

    assertThatThrownBy(() -> iam.getRole(r -> r.roleName("edge")))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    assertThatThrownBy(() -> cloudFront.listCloudFrontOriginAccessIdentities(r -> {}))
        .isInstanceOfSatisfying(CloudFrontException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(503);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
        });
  }

  @Test
  void faultLastsForItsCountThenCallsSucceed() {
    aws.control().injectFault("cloudfront:CreateCloudFrontOriginAccessIdentity", 2, "Throttling");

    assertThatThrownBy(this::createIdentity).isInstanceOf(CloudFrontException.class);
    assertThatThrownBy(this::createIdentity).isInstanceOf(CloudFrontException.class);
    createIdentity();
  }

  @Test
  void faultOnAnIamActionNameCoversEveryOperationNeedingIt() {
    // CreateDistributionWithTags is authorised as cloudfront:CreateDistribution.
    aws.control().injectFault("CreateDistribution", 1, "Throttling");
    String identity = createIdentity();

    assertThatThrownBy(() -> cloudFront.createDistributionWithTags(r -> r.distributionConfigWithTags(c -> c
            .distributionConfig(Distributions.config("store-1", Distributions.originWithIdentity(identity)))
            .tags(t -> t.items(Tag.builder().key("k").value("v").build())))))
        .isInstanceOfSatisfying(CloudFrontException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling"));
  }

  @Test
  void sdkRetriesThroughAFault() {
    aws.control().injectFault("CreateCloudFrontOriginAccessIdentity", 1, "Throttling");

    aws.cloudFront().createCloudFrontOriginAccessIdentity(
        r -> r.cloudFrontOriginAccessIdentityConfig(c -> c.callerReference("store-1").comment("")));

    assertThat(aws.control().calls()).containsExactly(
        "cloudfront:CreateCloudFrontOriginAccessIdentity", "cloudfront:CreateCloudFrontOriginAccessIdentity");
  }

  @Test
  void resetDisarmsFaults() {
    aws.control().injectFault("CreateCloudFrontOriginAccessIdentity", 5, "Throttling");

    aws.control().reset();

    createIdentity();
  }

  private String createIdentity() {
    return cloudFront
        .createCloudFrontOriginAccessIdentity(r -> r.cloudFrontOriginAccessIdentityConfig(c -> c.callerReference("store-1").comment("")))
        .cloudFrontOriginAccessIdentity()
        .id();
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(AwsEmulator.ACCESS_KEY, AwsEmulator.SECRET_KEY));
  }
}
