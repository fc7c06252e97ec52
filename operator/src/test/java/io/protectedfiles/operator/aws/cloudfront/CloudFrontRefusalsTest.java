package io.protectedfiles.operator.aws.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import io.protectedfiles.operator.aws.TerminalFailure;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;

/** What AWS will never accept becomes a terminal failure with advice; the rest is retried. */
class CloudFrontRefusalsTest {

  @Test
  void anAliasOfAnotherDistributionIsTerminalWithAdviceAndCloudFrontsMessage() {
    RuntimeException classified = CloudFrontRefusals.classify(
        error("CNAMEAlreadyExists", 409, "One or more of the CNAMEs you provided are already associated with a different resource."),
        "creating the distribution of acme/team-assets");

    assertThat(classified).isInstanceOfSatisfying(TerminalFailure.class, e -> {
      assertThat(e.reason()).isEqualTo("AliasInUse");
      assertThat(e.getMessage())
          .contains("spec.distribution.aliases")
          .contains("creating the distribution of acme/team-assets")
          .contains("already associated with a different resource");
    });
  }

  @Test
  void aVersionLambdaIsStillMakingActiveIsLeftForTheRetry() {
    CloudFrontException pending = error("InvalidLambdaFunctionAssociation", 400,
        "The function must be in an Active state. The current state for function arn:aws:lambda:us-east-1:1:function:f:2 is Pending");

    assertThat(CloudFrontRefusals.classify(pending, "updating")).isSameAs(pending);
    assertThat(CloudFrontRefusals.classify(
        error("InvalidLambdaFunctionAssociation", 400, "The function cannot have environment variables"), "updating"))
        .isInstanceOf(TerminalFailure.class);
  }

  @Test
  void quotasShareOneReason() {
    assertThat(CloudFrontRefusals.classify(error("TooManyDistributions", 400, "quota"), "creating"))
        .isInstanceOfSatisfying(TerminalFailure.class, e -> assertThat(e.reason()).isEqualTo("CloudFrontQuotaReached"));
  }

  @Test
  void throttlingAndServerErrorsAreLeftForTheRetry() {
    CloudFrontException throttled = error("Throttling", 400, "Rate exceeded");
    CloudFrontException failed = error("InternalFailure", 500, "internal");

    assertThat(CloudFrontRefusals.classify(throttled, "creating")).isSameAs(throttled);
    assertThat(CloudFrontRefusals.classify(failed, "creating")).isSameAs(failed);
  }

  private static CloudFrontException error(String code, int status, String message) {
    return (CloudFrontException) CloudFrontException.builder()
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
        .build();
  }
}
