package io.protectedfiles.operator.emulator;

import static io.protectedfiles.operator.emulator.Distributions.createOriginAccessIdentity;
import static io.protectedfiles.operator.emulator.Distributions.originWithIdentity;
import static io.protectedfiles.operator.emulator.Distributions.viewerRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.protectedfiles.operator.testsupport.AwsEmulator;
import io.protectedfiles.operator.testsupport.EdgeFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.Distribution;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.Method;
import software.amazon.awssdk.services.cloudfront.model.SSLSupportMethod;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;

/** Distributions keep and return every field the operator sets, and their tags under their ARN. */
class DistributionFieldsIT {

  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  static final String CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-123456789012";
  static final String ORIGIN_REQUEST_POLICY = "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf";
  static final String RESPONSE_HEADERS_POLICY = "5cc3b908-e619-4b99-88e5-2cf7f45965bd";

  final CloudFrontClient cloudFront = aws.cloudFront();

  @Test
  void everyFieldTheOperatorSetsReadsBack() {
    DistributionConfig sent = fullConfig();

    Distribution created = cloudFront.createDistribution(r -> r.distributionConfig(sent)).distribution();
    DistributionConfig read = cloudFront.getDistributionConfig(r -> r.id(created.id())).distributionConfig();

    for (DistributionConfig config : new DistributionConfig[] {created.distributionConfig(), read}) {
      assertThat(config.callerReference()).isEqualTo(sent.callerReference());
      assertThat(config.comment()).isEqualTo(sent.comment());
      assertThat(config.enabled()).isTrue();
      assertThat(config.priceClass()).isEqualTo(sent.priceClass());
      assertThat(config.defaultRootObject()).isEqualTo("index.html");
      assertThat(config.aliases().items()).containsExactly("files.example.com");
      assertThat(config.origins().items().get(0).s3OriginConfig()).isEqualTo(sent.origins().items().get(0).s3OriginConfig());
      assertThat(config.defaultCacheBehavior().lambdaFunctionAssociations())
          .isEqualTo(sent.defaultCacheBehavior().lambdaFunctionAssociations());
      assertThat(config.defaultCacheBehavior().cachePolicyId()).isEqualTo(Distributions.CACHE_POLICY_ID);
      assertThat(config.defaultCacheBehavior().originRequestPolicyId()).isEqualTo(ORIGIN_REQUEST_POLICY);
      assertThat(config.defaultCacheBehavior().responseHeadersPolicyId()).isEqualTo(RESPONSE_HEADERS_POLICY);
      assertThat(config.defaultCacheBehavior().viewerProtocolPolicy()).isEqualTo(ViewerProtocolPolicy.REDIRECT_TO_HTTPS);
      assertThat(config.defaultCacheBehavior().allowedMethods().items())
          .containsExactly(Method.GET, Method.HEAD, Method.OPTIONS);
      assertThat(config.defaultCacheBehavior().allowedMethods().cachedMethods().items()).containsExactly(Method.GET, Method.HEAD);
      CacheBehavior other = config.cacheBehaviors().items().get(0);
      assertThat(other.pathPattern()).isEqualTo("/private/*");
      assertThat(other.lambdaFunctionAssociations()).isEqualTo(sent.cacheBehaviors().items().get(0).lambdaFunctionAssociations());
      assertThat(config.viewerCertificate().acmCertificateArn()).isEqualTo(CERTIFICATE);
      assertThat(config.viewerCertificate().sslSupportMethod()).isEqualTo(SSLSupportMethod.SNI_ONLY);
      assertThat(config.viewerCertificate().minimumProtocolVersionAsString()).isEqualTo("TLSv1.2_2021");
      assertThat(config.viewerCertificate().cloudFrontDefaultCertificate()).isFalse();
    }
  }

  @Test
  void tagsAreKeptUnderTheDistributionArn() {
    Distribution created = cloudFront
        .createDistributionWithTags(r -> r.distributionConfigWithTags(c -> c.distributionConfig(fullConfig())
            .tags(t -> t.items(Tag.builder().key("protectedfiles.io/uid").value("0b7c-uid").build()))))
        .distribution();

    assertThat(created.arn()).isEqualTo("arn:aws:cloudfront::123456789012:distribution/" + created.id());
    assertThat(cloudFront.listTagsForResource(r -> r.resource(created.arn())).tags().items())
        .containsExactly(Tag.builder().key("protectedfiles.io/uid").value("0b7c-uid").build());
  }

  @Test
  void listDistributionsReturnsTheFieldsToo() {
    DistributionConfig sent = fullConfig();
    Distribution created = cloudFront.createDistribution(r -> r.distributionConfig(sent)).distribution();

    DistributionSummary summary = cloudFront.listDistributions(r -> {}).distributionList().items().get(0);

    assertThat(summary.id()).isEqualTo(created.id());
    assertThat(summary.arn()).isEqualTo(created.arn());
    assertThat(summary.domainName()).isEqualTo(created.domainName()).endsWith(".cloudfront.net");
    assertThat(summary.comment()).isEqualTo(sent.comment());
    assertThat(summary.enabled()).isTrue();
    assertThat(summary.aliases().items()).containsExactly("files.example.com");
    assertThat(summary.origins().items().get(0).s3OriginConfig()).isEqualTo(sent.origins().items().get(0).s3OriginConfig());
    assertThat(summary.defaultCacheBehavior().lambdaFunctionAssociations())
        .isEqualTo(sent.defaultCacheBehavior().lambdaFunctionAssociations());
    assertThat(summary.viewerCertificate().acmCertificateArn()).isEqualTo(CERTIFICATE);
  }

  /** Every field the operator sets, as it sets them. */
  private DistributionConfig fullConfig() {
    String identity = createOriginAccessIdentity(cloudFront, "store-1");
    String authorizer = EdgeFunctions.edgeVersion(aws, "authorizer");
    DistributionConfig base = Distributions.config("store-1", originWithIdentity(identity), authorizer);
    return base.toBuilder()
        .defaultRootObject("index.html")
        .aliases(a -> a.quantity(1).items("files.example.com"))
        .defaultCacheBehavior(base.defaultCacheBehavior().toBuilder()
            .originRequestPolicyId(ORIGIN_REQUEST_POLICY)
            .responseHeadersPolicyId(RESPONSE_HEADERS_POLICY)
            .build())
        .cacheBehaviors(c -> c.quantity(1).items(CacheBehavior.builder()
            .pathPattern("/private/*")
            .targetOriginId(Distributions.ORIGIN_ID)
            .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
            .cachePolicyId(Distributions.CACHE_POLICY_ID)
            .lambdaFunctionAssociations(viewerRequest(authorizer))
            .build()))
        .viewerCertificate(v -> v.acmCertificateArn(CERTIFICATE)
            .sslSupportMethod(SSLSupportMethod.SNI_ONLY)
            .minimumProtocolVersion("TLSv1.2_2021"))
        .build();
  }
}
