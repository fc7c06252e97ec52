package io.protectedfiles.operator.aws.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import io.protectedfiles.operator.aws.cloudfront.DistributionSettings.Certificate;
import io.protectedfiles.operator.aws.cloudfront.DistributionSettings.EdgeAssociation;
import io.protectedfiles.operator.aws.cloudfront.DistributionSettings.S3Origin;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.LambdaFunctionAssociation;
import software.amazon.awssdk.services.cloudfront.model.Method;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.ViewerCertificate;

/** Distribution settings compare by meaning, and writing them keeps what the operator does not manage. */
class DistributionSettingsTest {

  static final String AUTHORIZER = "arn:aws:lambda:us-east-1:123456789012:function:authorizer:3";
  static final String CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-123456789012";

  static final DistributionSettings SETTINGS = new DistributionSettings(
      new S3Origin("s3-assets", "assets.s3.us-west-2.amazonaws.com", "origin-access-identity/cloudfront/E2QWRUHAPOMQZL", ""),
      "redirect-to-https",
      Set.of("GET", "HEAD", "OPTIONS"),
      Set.of("GET", "HEAD", "OPTIONS"),
      ManagedPolicies.CACHING_OPTIMIZED,
      ManagedPolicies.CORS_S3_ORIGIN,
      ManagedPolicies.CORS_WITH_PREFLIGHT,
      true,
      Set.of(new EdgeAssociation("viewer-request", AUTHORIZER, false)),
      "PriceClass_100",
      Set.of("files.example.com", "cdn.example.com"),
      new Certificate(false, CERTIFICATE, "sni-only", "TLSv1.2_2021"),
      "acme/team-assets",
      true,
      "",
      "http2and3",
      true);

  @Test
  void writtenSettingsReadBackEqual() {
    DistributionConfig written = SETTINGS.applyTo(DistributionConfig.builder().callerReference("uid").build());

    assertThat(DistributionSettings.of(written)).isEqualTo(SETTINGS);
    assertThat(written.callerReference()).isEqualTo("uid");
  }

  @Test
  void listsInAnotherOrderAndAbsentValuesMeanTheSame() {
    DistributionConfig written = SETTINGS.applyTo(DistributionConfig.builder().callerReference("uid").build());
    DefaultCacheBehavior behavior = written.defaultCacheBehavior();
    DistributionConfig asCloudFrontAnswers = written.toBuilder()
        .aliases(a -> a.quantity(2).items("files.example.com", "cdn.example.com"))
        .defaultRootObject(null)
        .origins(o -> o.quantity(1).items(written.origins().items().get(0).toBuilder().originAccessControlId("").build()))
        .defaultCacheBehavior(behavior.toBuilder()
            .allowedMethods(m -> m.quantity(3).items(Method.OPTIONS, Method.GET, Method.HEAD)
                .cachedMethods(c -> c.quantity(3).items(Method.HEAD, Method.OPTIONS, Method.GET)))
            .lambdaFunctionAssociations(l -> l.quantity(1).items(LambdaFunctionAssociation.builder()
                .eventType("viewer-request").lambdaFunctionARN(AUTHORIZER).build()))
            .build())
        .build();

    assertThat(DistributionSettings.of(asCloudFrontAnswers)).isEqualTo(SETTINGS);
  }

  @Test
  void withCloudFrontsCertificateTheTlsSettingsItReportsDoNotCount() {
    DistributionSettings wanted = withCertificate(Certificate.CLOUDFRONT_DEFAULT);
    DistributionConfig answered = wanted.applyTo(DistributionConfig.builder().callerReference("uid").build()).toBuilder()
        .viewerCertificate(ViewerCertificate.builder()
            .cloudFrontDefaultCertificate(true)
            .sslSupportMethod("vip")
            .minimumProtocolVersion("TLSv1")
            .certificateSource("cloudfront")
            .build())
        .build();

    assertThat(DistributionSettings.of(answered)).isEqualTo(wanted);
  }

  @Test
  void aChangeToAManagedFieldIsADifference() {
    DistributionConfig written = SETTINGS.applyTo(DistributionConfig.builder().callerReference("uid").build());
    DefaultCacheBehavior behavior = written.defaultCacheBehavior();

    List<DistributionConfig> changedByHand = List.of(
        written.toBuilder().defaultCacheBehavior(behavior.toBuilder().viewerProtocolPolicy("allow-all").build()).build(),
        written.toBuilder().defaultCacheBehavior(behavior.toBuilder().lambdaFunctionAssociations(l -> l.quantity(0)).build()).build(),
        written.toBuilder().defaultCacheBehavior(behavior.toBuilder().responseHeadersPolicyId(null).build()).build(),
        written.toBuilder().priceClass("PriceClass_All").build(),
        written.toBuilder().aliases(a -> a.quantity(1).items("files.example.com")).build(),
        written.toBuilder().viewerCertificate(v -> v.cloudFrontDefaultCertificate(true)).build(),
        written.toBuilder().enabled(false).build());

    assertThat(changedByHand).allSatisfy(config -> assertThat(DistributionSettings.of(config)).isNotEqualTo(SETTINGS));
  }

  @Test
  void writingKeepsWhatTheOperatorDoesNotManage() {
    Origin ours = Origin.builder()
        .id("s3-assets")
        .domainName("assets.s3.us-west-2.amazonaws.com")
        .originPath("/public")
        .customHeaders(h -> h.quantity(1).items(c -> c.headerName("x-team").headerValue("assets")))
        .s3OriginConfig(s -> s.originAccessIdentity("origin-access-identity/cloudfront/EOLDIDENTITY"))
        .build();
    Origin another = Origin.builder().id("images").domainName("images.example.com")
        .customOriginConfig(c -> c.httpPort(80).httpsPort(443).originProtocolPolicy("https-only"))
        .build();
    DistributionConfig current = DistributionConfig.builder()
        .callerReference("uid")
        .origins(o -> o.quantity(2).items(another, ours))
        .defaultCacheBehavior(d -> d.targetOriginId("s3-assets")
            .viewerProtocolPolicy("allow-all")
            .forwardedValues(f -> f.queryString(false).cookies(c -> c.forward("none")))
            .minTTL(0L)
            .defaultTTL(86400L)
            .maxTTL(31536000L)
            .realtimeLogConfigArn("arn:aws:cloudfront::123456789012:realtime-log-config/logs"))
        .cacheBehaviors(c -> c.quantity(1).items(CacheBehavior.builder().pathPattern("/images/*").targetOriginId("images")
            .viewerProtocolPolicy("https-only").cachePolicyId(ManagedPolicies.CACHING_OPTIMIZED).build()))
        .logging(l -> l.enabled(true).bucket("logs.s3.amazonaws.com").prefix("cf/").includeCookies(false))
        .webACLId("arn:aws:wafv2:us-east-1:123456789012:global/webacl/files/1")
        .restrictions(r -> r.geoRestriction(g -> g.restrictionType("blacklist").quantity(1).items("KP")))
        .build();

    DistributionConfig written = SETTINGS.applyTo(current);

    assertThat(DistributionSettings.of(written)).isEqualTo(SETTINGS);
    assertThat(written.logging()).isEqualTo(current.logging());
    assertThat(written.webACLId()).isEqualTo(current.webACLId());
    assertThat(written.restrictions()).isEqualTo(current.restrictions());
    assertThat(written.cacheBehaviors()).isEqualTo(current.cacheBehaviors());
    assertThat(written.origins().items()).extracting(Origin::id).containsExactly("s3-assets", "images");
    Origin writtenOurs = written.origins().items().get(0);
    assertThat(writtenOurs.originPath()).isEqualTo("/public");
    assertThat(writtenOurs.customHeaders()).isEqualTo(ours.customHeaders());
    DefaultCacheBehavior behavior = written.defaultCacheBehavior();
    assertThat(behavior.realtimeLogConfigArn()).isEqualTo("arn:aws:cloudfront::123456789012:realtime-log-config/logs");
    assertThat(behavior.forwardedValues()).isNull();
    assertThat(behavior.minTTL()).isNull();
    assertThat(behavior.defaultTTL()).isNull();
    assertThat(behavior.maxTTL()).isNull();
  }

  @Test
  void theOriginTheDefaultBehaviourUsedIsReplacedWhenTheBucketChanges() {
    DistributionConfig current = withOrigin(new S3Origin("s3-old-bucket", "old-bucket.s3.us-west-2.amazonaws.com", "", "E2OAC"))
        .applyTo(DistributionConfig.builder().callerReference("uid").build());

    DistributionConfig written = SETTINGS.applyTo(current);

    assertThat(written.origins().items()).extracting(Origin::id).containsExactly("s3-assets");
    assertThat(written.defaultCacheBehavior().targetOriginId()).isEqualTo("s3-assets");
  }

  @Test
  void movingFromControlToIdentityClearsTheControl() {
    DistributionConfig current = withOrigin(new S3Origin("s3-assets", "assets.s3.us-west-2.amazonaws.com", "", "E2OAC"))
        .applyTo(DistributionConfig.builder().callerReference("uid").build());

    Origin written = SETTINGS.applyTo(current).origins().items().get(0);

    assertThat(written.originAccessControlId()).isNull();
    assertThat(written.s3OriginConfig().originAccessIdentity()).isEqualTo("origin-access-identity/cloudfront/E2QWRUHAPOMQZL");
  }

  private static DistributionSettings withCertificate(Certificate certificate) {
    return new DistributionSettings(SETTINGS.origin(), SETTINGS.viewerProtocolPolicy(), SETTINGS.allowedMethods(),
        SETTINGS.cachedMethods(), SETTINGS.cachePolicyId(), SETTINGS.originRequestPolicyId(),
        SETTINGS.responseHeadersPolicyId(), SETTINGS.compress(), SETTINGS.edgeAssociations(), SETTINGS.priceClass(),
        Set.of(), certificate, SETTINGS.comment(), SETTINGS.enabled(), SETTINGS.defaultRootObject(),
        SETTINGS.httpVersion(), SETTINGS.ipv6Enabled());
  }

  private static DistributionSettings withOrigin(S3Origin origin) {
    return new DistributionSettings(origin, SETTINGS.viewerProtocolPolicy(), SETTINGS.allowedMethods(),
        SETTINGS.cachedMethods(), SETTINGS.cachePolicyId(), SETTINGS.originRequestPolicyId(),
        SETTINGS.responseHeadersPolicyId(), SETTINGS.compress(), SETTINGS.edgeAssociations(), SETTINGS.priceClass(),
        SETTINGS.aliases(), SETTINGS.certificate(), SETTINGS.comment(), SETTINGS.enabled(), SETTINGS.defaultRootObject(),
        SETTINGS.httpVersion(), SETTINGS.ipv6Enabled());
  }
}
