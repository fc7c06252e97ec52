package io.protectedfiles.operator.aws.cloudfront;

import static io.protectedfiles.operator.aws.cloudfront.CloudFrontStages.BUCKET;
import static io.protectedfiles.operator.aws.cloudfront.CloudFrontStages.BUCKET_DOMAIN;
import static io.protectedfiles.operator.aws.cloudfront.CloudFrontStages.store;
import static org.assertj.core.api.Assertions.assertThat;

import io.protectedfiles.operator.api.v1alpha1.DistributionSpec;
import io.protectedfiles.operator.api.v1alpha1.OriginAccessType;
import io.protectedfiles.operator.api.v1alpha1.PriceClass;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.cloudfront.DistributionSettings.Certificate;
import io.protectedfiles.operator.aws.cloudfront.DistributionSettings.EdgeAssociation;
import io.protectedfiles.operator.aws.cloudfront.DistributionSettings.S3Origin;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a store's spec asks of its distribution. */
class DesiredDistributionTest {

  static final String AUTHORIZER = "arn:aws:lambda:us-east-1:123456789012:function:authorizer:3";
  static final ObservedOriginAccess IDENTITY =
      new ObservedOriginAccess(OriginAccessType.OAI, "E2QWRUHAPOMQZL", "canonical", "ETAG", "", null);
  static final ObservedOriginAccess CONTROL =
      new ObservedOriginAccess(OriginAccessType.OAC, "E2OACID", null, "ETAG", "", ObservedOriginAccess.Signing.S3_ALWAYS_SIGV4);

  @Test
  void anEmptySpecGivesAnEnabledHttpsOnlyDistributionWithTheAuthorizer() {
    DistributionSettings settings = DesiredDistribution.of(store("team-assets"), BUCKET, IDENTITY, AUTHORIZER);

    assertThat(settings.origin()).isEqualTo(
        new S3Origin("s3-acme-team-assets", BUCKET_DOMAIN, "origin-access-identity/cloudfront/E2QWRUHAPOMQZL", ""));
    assertThat(settings.viewerProtocolPolicy()).isEqualTo("redirect-to-https");
    assertThat(settings.allowedMethods()).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS");
    assertThat(settings.cachedMethods()).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS");
    assertThat(settings.cachePolicyId()).isEqualTo("658327ea-f89d-4fab-a63d-7e88639e58f6");
    assertThat(settings.originRequestPolicyId()).isEqualTo("88a5eaf4-2fd4-4709-b370-b4c650ea3fcf");
    assertThat(settings.responseHeadersPolicyId()).isEqualTo("5cc3b908-e619-4b99-88e5-2cf7f45965bd");
    assertThat(settings.compress()).isTrue();
    assertThat(settings.edgeAssociations()).containsExactly(new EdgeAssociation("viewer-request", AUTHORIZER, false));
    assertThat(settings.priceClass()).isEqualTo("PriceClass_100");
    assertThat(settings.aliases()).isEmpty();
    assertThat(settings.certificate()).isEqualTo(Certificate.CLOUDFRONT_DEFAULT);
    assertThat(settings.comment()).isEqualTo("acme/team-assets");
    assertThat(settings.enabled()).isTrue();
    assertThat(settings.defaultRootObject()).isEmpty();
    assertThat(settings.httpVersion()).isEqualTo("http2and3");
    assertThat(settings.ipv6Enabled()).isTrue();
  }

  @Test
  void aliasesComeWithTheirAcmCertificateServedWithSni() {
    ProtectedFileStore store = store("team-assets");
    DistributionSpec spec = new DistributionSpec();
    spec.setAliases(List.of("files.example.com"));
    spec.setCertificateArn("arn:aws:acm:us-east-1:123456789012:certificate/abc");
    spec.setPriceClass(PriceClass.PriceClass_All);
    spec.setComment("files");
    spec.setEnabled(false);
    spec.setDefaultRootObject("index.html");
    store.getSpec().setDistribution(spec);

    DistributionSettings settings = DesiredDistribution.of(store, BUCKET, IDENTITY, AUTHORIZER);

    assertThat(settings.aliases()).isEqualTo(Set.of("files.example.com"));
    assertThat(settings.certificate())
        .isEqualTo(new Certificate(false, "arn:aws:acm:us-east-1:123456789012:certificate/abc", "sni-only", "TLSv1.2_2021"));
    assertThat(settings.priceClass()).isEqualTo("PriceClass_All");
    assertThat(settings.comment()).isEqualTo("files");
    assertThat(settings.enabled()).isFalse();
    assertThat(settings.defaultRootObject()).isEqualTo("index.html");
  }

  @Test
  void withAControlTheOriginHasAnEmptyIdentity() {
    DistributionSettings settings = DesiredDistribution.of(store("team-assets"), BUCKET, CONTROL, AUTHORIZER);

    assertThat(settings.origin()).isEqualTo(new S3Origin("s3-acme-team-assets", BUCKET_DOMAIN, "", "E2OACID"));
  }

  @Test
  void theDefaultCommentIsCutToWhatCloudFrontTakes() {
    ProtectedFileStore store = store("a".repeat(253));

    assertThat(DesiredDistribution.of(store, BUCKET, IDENTITY, AUTHORIZER).comment())
        .hasSize(128)
        .startsWith("acme/aaaa");
  }
}
