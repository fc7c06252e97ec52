package io.protectedfiles.operator.aws.cloudfront;

import io.protectedfiles.operator.api.v1alpha1.DistributionSpec;
import io.protectedfiles.operator.api.v1alpha1.OriginAccessType;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.cloudfront.DistributionSettings.Certificate;
import io.protectedfiles.operator.aws.cloudfront.DistributionSettings.EdgeAssociation;
import io.protectedfiles.operator.aws.cloudfront.DistributionSettings.S3Origin;
import io.protectedfiles.operator.aws.s3.ObservedBucket;
import java.util.Set;

/** The distribution settings a store's spec asks for, in front of its bucket and origin access. */
final class DesiredDistribution {

  // DistributionConfig.Comment: at most 128 characters.
  private static final int COMMENT_MAX_LENGTH = 128;
  private static final Set<String> GET_HEAD_OPTIONS = Set.of("GET", "HEAD", "OPTIONS");
  // An ACM certificate is served with SNI (dedicated IP addresses are charged for, and only clients
  // without SNI need them) and the security policy AWS recommends
  // (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html).
  private static final String SNI_ONLY = "sni-only";
  private static final String TLS_POLICY = "TLSv1.2_2021";

  private DesiredDistribution() {}

  static DistributionSettings of(
      ProtectedFileStore store, ObservedBucket bucket, ObservedOriginAccess originAccess, String viewerRequestFunctionArn) {
    DistributionSpec spec = store.specOrDefaults().distributionOrDefaults();
    return new DistributionSettings(
        origin(bucket, originAccess),
        "redirect-to-https",
        // OPTIONS lets CORS preflight requests through; PUT and POST uploads go to S3 directly,
        // with presigned requests, never through CloudFront.
        GET_HEAD_OPTIONS,
        GET_HEAD_OPTIONS,
        ManagedPolicies.CACHING_OPTIMIZED,
        ManagedPolicies.CORS_S3_ORIGIN,
        ManagedPolicies.CORS_WITH_PREFLIGHT,
        true,
        Set.of(new EdgeAssociation("viewer-request", viewerRequestFunctionArn, false)),
        spec.priceClassOrDefault().name(),
        Set.copyOf(spec.aliasesOrEmpty()),
        certificate(spec.getCertificateArn()),
        isBlank(spec.getComment()) ? StoreLabels.namespacedName(store, COMMENT_MAX_LENGTH) : spec.getComment(),
        spec.enabledOrDefault(),
        spec.getDefaultRootObject(),
        "http2and3",
        true);
  }

  /**
   * The bucket's regional domain name, which S3 origins with an OAI or OAC should use
   * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistS3AndCustomOrigins.html).
   */
  private static S3Origin origin(ObservedBucket bucket, ObservedOriginAccess originAccess) {
    String id = "s3-" + bucket.name();
    String domainName = bucket.name() + ".s3." + bucket.region() + ".amazonaws.com";
    return originAccess.type() == OriginAccessType.OAI
        ? new S3Origin(id, domainName, originAccess.originAccessIdentityPath(), "")
        : new S3Origin(id, domainName, "", originAccess.id());
  }

  private static Certificate certificate(String certificateArn) {
    return isBlank(certificateArn)
        ? Certificate.CLOUDFRONT_DEFAULT
        : new Certificate(false, certificateArn, SNI_ONLY, TLS_POLICY);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
