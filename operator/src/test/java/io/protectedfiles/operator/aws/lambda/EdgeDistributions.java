package io.protectedfiles.operator.aws.lambda;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.EventType;
import software.amazon.awssdk.services.cloudfront.model.Method;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;

/** A distribution running an edge function version, so that the version has replicas. */
final class EdgeDistributions {

  private EdgeDistributions() {}

  /** Creates a distribution with `versionArn` as its viewer-request function: its id. */
  static String runningVersion(CloudFrontClient cloudFront, String callerReference, String versionArn) {
    String identity = cloudFront.createCloudFrontOriginAccessIdentity(r -> r.cloudFrontOriginAccessIdentityConfig(
            c -> c.callerReference(callerReference).comment(callerReference)))
        .cloudFrontOriginAccessIdentity().id();
    DistributionConfig config = DistributionConfig.builder()
        .callerReference(callerReference)
        .comment(callerReference)
        .enabled(true)
        .origins(o -> o.quantity(1).items(origin -> origin.id("bucket")
            .domainName("files.s3.us-east-1.amazonaws.com")
            .s3OriginConfig(s -> s.originAccessIdentity("origin-access-identity/cloudfront/" + identity))))
        .defaultCacheBehavior(b -> b.targetOriginId("bucket")
            .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
            .cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6")
            .allowedMethods(m -> m.quantity(2).items(Method.GET, Method.HEAD)
                .cachedMethods(c -> c.quantity(2).items(Method.GET, Method.HEAD)))
            .lambdaFunctionAssociations(a -> a.quantity(1).items(f -> f.eventType(EventType.VIEWER_REQUEST)
                .lambdaFunctionARN(versionArn).includeBody(false))))
        .build();
    return cloudFront.createDistribution(r -> r.distributionConfig(config)).distribution().id();
  }

  /** What the operator's cleanup does before the function's turn: disable, wait until Deployed, delete. */
  static void disableAndDelete(CloudFrontClient cloudFront, String id) {
    var current = cloudFront.getDistributionConfig(r -> r.id(id));
    String etag = cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag())
            .distributionConfig(current.distributionConfig().toBuilder().enabled(false).build()))
        .eTag();
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
        .until(() -> "Deployed".equals(cloudFront.getDistribution(r -> r.id(id)).distribution().status()));
    cloudFront.deleteDistribution(r -> r.id(id).ifMatch(etag));
  }
}
