package io.protectedfiles.operator.emulator;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.EventType;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.cloudfront.model.LambdaFunctionAssociation;
import software.amazon.awssdk.services.cloudfront.model.LambdaFunctionAssociations;
import software.amazon.awssdk.services.cloudfront.model.Method;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.PriceClass;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;

/** Distribution configs shaped like the operator's: one S3 origin, an optional edge authorizer. */
final class Distributions {

  static final String BUCKET_DOMAIN = "team-assets.s3.us-east-1.amazonaws.com";
  static final String ORIGIN_ID = "bucket";
  /** The managed CachingOptimized cache policy. */
  static final String CACHE_POLICY_ID = "658327ea-f89d-4fab-a63d-7e88639e58f6";

  private Distributions() {}

  static String createOriginAccessIdentity(CloudFrontClient cloudFront, String callerReference) {
    return cloudFront
        .createCloudFrontOriginAccessIdentity(r -> r.cloudFrontOriginAccessIdentityConfig(
            c -> c.callerReference(callerReference).comment("for " + callerReference)))
        .cloudFrontOriginAccessIdentity()
        .id();
  }

  static Origin originWithIdentity(String identityId) {
    return Origin.builder()
        .id(ORIGIN_ID)
        .domainName(BUCKET_DOMAIN)
        .s3OriginConfig(s -> s.originAccessIdentity("origin-access-identity/cloudfront/" + identityId))
        .build();
  }

  static Origin originWithControl(String controlId) {
    return Origin.builder()
        .id(ORIGIN_ID)
        .domainName(BUCKET_DOMAIN)
        .s3OriginConfig(s -> s.originAccessIdentity(""))
        .originAccessControlId(controlId)
        .build();
  }

  /** An enabled distribution in front of `origin`, with a viewer-request association per function ARN. */
  static DistributionConfig config(String callerReference, Origin origin, String... edgeFunctionArns) {
    return DistributionConfig.builder()
        .callerReference(callerReference)
        .comment("store " + callerReference)
        .enabled(true)
        .priceClass(PriceClass.PRICE_CLASS_200)
        .origins(o -> o.quantity(1).items(origin))
        .defaultCacheBehavior(DefaultCacheBehavior.builder()
            .targetOriginId(ORIGIN_ID)
            .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
            .cachePolicyId(CACHE_POLICY_ID)
            .allowedMethods(m -> m.quantity(3).items(Method.GET, Method.HEAD, Method.OPTIONS)
                .cachedMethods(c -> c.quantity(2).items(Method.GET, Method.HEAD)))
            .lambdaFunctionAssociations(viewerRequest(edgeFunctionArns))
            .build())
        .build();
  }

  static LambdaFunctionAssociations viewerRequest(String... functionArns) {
    List<LambdaFunctionAssociation> items = Arrays.stream(functionArns)
        .map(arn -> LambdaFunctionAssociation.builder()
            .eventType(EventType.VIEWER_REQUEST).lambdaFunctionARN(arn).includeBody(false).build())
        .toList();
    return LambdaFunctionAssociations.builder().quantity(items.size()).items(items).build();
  }

  /** Reads the distribution until it is Deployed (each read counts towards distributionDeployReads). */
  static void awaitDeployed(CloudFrontClient cloudFront, String id) {
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(
        () -> "Deployed".equals(cloudFront.getDistribution(r -> r.id(id)).distribution().status()));
  }

  /** What the operator's finalizer does: disable, wait for Deployed, delete. */
  static void disableAndDelete(CloudFrontClient cloudFront, String id) {
    GetDistributionConfigResponse current = cloudFront.getDistributionConfig(r -> r.id(id));
    String etag = cloudFront
        .updateDistribution(r -> r.id(id).ifMatch(current.eTag())
            .distributionConfig(current.distributionConfig().toBuilder().enabled(false).build()))
        .eTag();
    awaitDeployed(cloudFront, id);
    cloudFront.deleteDistribution(r -> r.id(id).ifMatch(etag));
  }
}
