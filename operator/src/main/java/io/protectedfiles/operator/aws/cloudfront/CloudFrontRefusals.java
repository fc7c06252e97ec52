package io.protectedfiles.operator.aws.cloudfront;

import static java.util.Map.entry;

import io.protectedfiles.operator.aws.TerminalFailure;
import java.util.Map;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;

/**
 * Sorts CloudFront's errors into those a retry cannot fix, which become a {@link TerminalFailure}
 * with advice a person can act on, and the rest (throttling, 5xx: the SDK has already retried
 * them), which go on to the reconciler's retry with backoff. Error codes: the "Errors" section of
 * each operation in https://docs.aws.amazon.com/cloudfront/latest/APIReference/.
 */
final class CloudFrontRefusals {

  private record Refusal(String reason, String advice) {}

  private static final Refusal QUOTA = new Refusal(
      "CloudFrontQuotaReached",
      "a CloudFront quota of the AWS account is reached; ask AWS for a higher quota or remove unused resources");

  private static final Map<String, Refusal> BY_ERROR_CODE = Map.ofEntries(
      entry("InvalidViewerCertificate", new Refusal(
          "InvalidCertificate",
          "spec.distribution.certificateArn must be an issued ACM certificate in us-east-1 that covers every alias")),
      entry("InvalidMinimumProtocolVersion", new Refusal(
          "InvalidCertificate",
          "the certificate in spec.distribution.certificateArn does not support TLSv1.2_2021 with SNI")),
      entry("CNAMEAlreadyExists", new Refusal(
          "AliasInUse",
          "an alias in spec.distribution.aliases belongs to another CloudFront distribution; remove it there or here")),
      entry("InvalidLambdaFunctionAssociation", new Refusal(
          "InvalidEdgeFunction",
          "CloudFront does not accept the edge authorizer version")),
      entry("IllegalOriginAccessConfiguration", new Refusal(
          "IllegalOriginAccessConfiguration",
          "the bucket origin names both an origin access identity and an origin access control")),
      entry("InvalidDefaultRootObject", new Refusal(
          "InvalidDefaultRootObject",
          "spec.distribution.defaultRootObject is not an object name CloudFront accepts")),
      entry("InvalidArgument", new Refusal(
          "InvalidDistributionSettings",
          "CloudFront does not accept the distribution's settings")),
      entry("AccessDenied", new Refusal(
          "AccessDenied",
          "the operator's AWS role may not do this; compare its IAM policy with the one the chart documents")),
      entry("TooManyDistributions", QUOTA),
      entry("TooManyDistributionCNAMEs", QUOTA),
      entry("TooManyDistributionsWithLambdaAssociations", QUOTA),
      entry("TooManyDistributionsWithSingleFunctionARN", QUOTA),
      entry("TooManyLambdaFunctionAssociations", QUOTA),
      entry("TooManyCertificates", QUOTA),
      entry("TooManyCloudFrontOriginAccessIdentities", QUOTA),
      entry("TooManyOriginAccessControls", QUOTA));

  private CloudFrontRefusals() {}

  /**
   * What to throw for {@code e}, which happened while doing {@code action} ("creating distribution
   * for acme/team-assets").
   */
  static RuntimeException classify(CloudFrontException e, String action) {
    Refusal refusal = BY_ERROR_CODE.get(errorCode(e));
    if (refusal == null || isPendingFunction(e)) {
      return e;
    }
    return new TerminalFailure(
        refusal.reason(), refusal.advice() + " (" + action + ": " + errorCode(e) + ": " + errorMessage(e) + ")");
  }

  /**
   * CloudFront refuses a function version that Lambda is still making Active ("The function must
   * be in an Active state"): a state that passes, so the reconcile is retried instead of stopped.
   */
  private static boolean isPendingFunction(CloudFrontException e) {
    String message = errorMessage(e);
    return "InvalidLambdaFunctionAssociation".equals(errorCode(e))
        && message != null && message.contains("Active state");
  }

  private static String errorCode(CloudFrontException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  private static String errorMessage(CloudFrontException e) {
    return e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
  }
}
