package io.protectedfiles.operator.aws.cloudfront;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudfront.model.Aliases;
import software.amazon.awssdk.services.cloudfront.model.AllowedMethods;
import software.amazon.awssdk.services.cloudfront.model.CachedMethods;
import software.amazon.awssdk.services.cloudfront.model.CustomOriginConfig;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.ForwardedValues;
import software.amazon.awssdk.services.cloudfront.model.LambdaFunctionAssociation;
import software.amazon.awssdk.services.cloudfront.model.LambdaFunctionAssociations;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.Origins;
import software.amazon.awssdk.services.cloudfront.model.S3OriginConfig;
import software.amazon.awssdk.services.cloudfront.model.ViewerCertificate;

/**
 * The part of a distribution's configuration the operator manages, in a form that compares by
 * meaning: lists whose order CloudFront ignores are sets, and an absent value equals an empty one.
 * Everything else in a distribution's configuration (logging, geo restrictions, WAF, further
 * origins and cache behaviours, ...) is left as it is found.
 *
 * @param origin the S3 origin the default cache behaviour sends requests to
 * @param edgeAssociations the default cache behaviour's Lambda@Edge functions
 */
public record DistributionSettings(
    S3Origin origin,
    String viewerProtocolPolicy,
    Set<String> allowedMethods,
    Set<String> cachedMethods,
    String cachePolicyId,
    String originRequestPolicyId,
    String responseHeadersPolicyId,
    boolean compress,
    Set<EdgeAssociation> edgeAssociations,
    String priceClass,
    Set<String> aliases,
    Certificate certificate,
    String comment,
    boolean enabled,
    String defaultRootObject,
    String httpVersion,
    boolean ipv6Enabled) {

  public DistributionSettings {
    viewerProtocolPolicy = orEmpty(viewerProtocolPolicy);
    allowedMethods = setOf(allowedMethods);
    cachedMethods = setOf(cachedMethods);
    cachePolicyId = orEmpty(cachePolicyId);
    originRequestPolicyId = orEmpty(originRequestPolicyId);
    responseHeadersPolicyId = orEmpty(responseHeadersPolicyId);
    edgeAssociations = setOf(edgeAssociations);
    priceClass = orEmpty(priceClass);
    aliases = setOf(aliases);
    comment = orEmpty(comment);
    defaultRootObject = orEmpty(defaultRootObject);
    httpVersion = orEmpty(httpVersion);
  }

  /** Reads the managed settings out of a distribution's configuration. */
  static DistributionSettings of(DistributionConfig config) {
    DefaultCacheBehavior behavior = config.defaultCacheBehavior();
    AllowedMethods methods = behavior.allowedMethods();
    return new DistributionSettings(
        S3Origin.of(config.origins(), behavior.targetOriginId()),
        behavior.viewerProtocolPolicyAsString(),
        methods == null ? Set.of() : Set.copyOf(methods.itemsAsStrings()),
        methods == null || methods.cachedMethods() == null ? Set.of() : Set.copyOf(methods.cachedMethods().itemsAsStrings()),
        behavior.cachePolicyId(),
        behavior.originRequestPolicyId(),
        behavior.responseHeadersPolicyId(),
        Boolean.TRUE.equals(behavior.compress()),
        behavior.lambdaFunctionAssociations() == null
            ? Set.of()
            : behavior.lambdaFunctionAssociations().items().stream().map(EdgeAssociation::of).collect(Collectors.toSet()),
        config.priceClassAsString(),
        config.aliases() == null ? Set.of() : Set.copyOf(config.aliases().items()),
        Certificate.of(config.viewerCertificate()),
        config.comment(),
        Boolean.TRUE.equals(config.enabled()),
        config.defaultRootObject(),
        config.httpVersionAsString(),
        Boolean.TRUE.equals(config.isIPV6Enabled()));
  }

  /** {@code current} with these settings written over it; what the operator does not manage is kept. */
  DistributionConfig applyTo(DistributionConfig current) {
    return current.toBuilder()
        .origins(originsOver(current))
        .defaultCacheBehavior(defaultCacheBehaviorOver(current.defaultCacheBehavior()))
        .priceClass(priceClass)
        .aliases(Aliases.builder().quantity(aliases.size()).items(itemsOrNull(sorted(aliases))).build())
        .viewerCertificate(certificate.toViewerCertificate())
        .comment(comment)
        .enabled(enabled)
        .defaultRootObject(defaultRootObject)
        .httpVersion(httpVersion)
        .isIPV6Enabled(ipv6Enabled)
        .build();
  }

  /**
   * The origin the default behaviour used is the operator's: it is replaced (its id changes with the
   * bucket), and origins added by hand for further cache behaviours are kept.
   */
  private Origins originsOver(DistributionConfig current) {
    String replaced = current.defaultCacheBehavior() == null ? null : current.defaultCacheBehavior().targetOriginId();
    Origin existing = null;
    List<Origin> items = new ArrayList<>();
    for (Origin o : current.origins() == null ? List.<Origin>of() : current.origins().items()) {
      if (o.id().equals(origin.id())) {
        existing = o;
      } else if (!o.id().equals(replaced)) {
        items.add(o);
      }
    }
    items.add(0, origin.over(existing));
    return Origins.builder().quantity(items.size()).items(items).build();
  }

  private DefaultCacheBehavior defaultCacheBehaviorOver(DefaultCacheBehavior current) {
    List<LambdaFunctionAssociation> associations = edgeAssociations.stream()
        .sorted(Comparator.comparing(EdgeAssociation::eventType).thenComparing(EdgeAssociation::functionArn))
        .map(EdgeAssociation::toAssociation)
        .toList();
    return (current == null ? DefaultCacheBehavior.builder() : current.toBuilder())
        .targetOriginId(origin.id())
        .viewerProtocolPolicy(viewerProtocolPolicy)
        .allowedMethods(AllowedMethods.builder()
            .quantity(allowedMethods.size())
            .itemsWithStrings(sorted(allowedMethods))
            .cachedMethods(CachedMethods.builder().quantity(cachedMethods.size()).itemsWithStrings(sorted(cachedMethods)).build())
            .build())
        .cachePolicyId(nullIfEmpty(cachePolicyId))
        .originRequestPolicyId(nullIfEmpty(originRequestPolicyId))
        .responseHeadersPolicyId(nullIfEmpty(responseHeadersPolicyId))
        .compress(compress)
        .lambdaFunctionAssociations(LambdaFunctionAssociations.builder()
            .quantity(associations.size())
            .items(itemsOrNull(associations))
            .build())
        // A cache policy replaces the legacy ForwardedValues and TTL fields, and CloudFront refuses a
        // behaviour that has both (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DefaultCacheBehavior.html).
        .forwardedValues((ForwardedValues) null)
        .minTTL(null)
        .defaultTTL(null)
        .maxTTL(null)
        .build();
  }

  /**
   * The bucket origin.
   *
   * @param originAccessIdentity "origin-access-identity/cloudfront/ID" with an OAI; empty with an OAC
   *     (CloudFront wants the element, empty)
   * @param originAccessControlId empty with an OAI
   */
  public record S3Origin(String id, String domainName, String originAccessIdentity, String originAccessControlId) {

    public S3Origin {
      id = orEmpty(id);
      domainName = orEmpty(domainName);
      originAccessIdentity = orEmpty(originAccessIdentity);
      originAccessControlId = orEmpty(originAccessControlId);
    }

    static S3Origin of(Origins origins, String id) {
      return (origins == null ? List.<Origin>of() : origins.items()).stream()
          .filter(o -> o.id().equals(id))
          .findFirst()
          .map(o -> new S3Origin(
              o.id(),
              o.domainName(),
              o.s3OriginConfig() == null ? null : o.s3OriginConfig().originAccessIdentity(),
              o.originAccessControlId()))
          .orElse(new S3Origin(id, null, null, null));
    }

    /** {@code existing} (origin path, shield, timeouts, custom headers kept) turned into this origin. */
    Origin over(Origin existing) {
      S3OriginConfig s3 = existing == null || existing.s3OriginConfig() == null
          ? S3OriginConfig.builder().originAccessIdentity(originAccessIdentity).build()
          : existing.s3OriginConfig().toBuilder().originAccessIdentity(originAccessIdentity).build();
      return (existing == null ? Origin.builder() : existing.toBuilder())
          .id(id)
          .domainName(domainName)
          .s3OriginConfig(s3)
          .customOriginConfig((CustomOriginConfig) null)
          .originAccessControlId(nullIfEmpty(originAccessControlId))
          .build();
    }
  }

  /** A Lambda@Edge function version run on one event of the default cache behaviour. */
  public record EdgeAssociation(String eventType, String functionArn, boolean includeBody) {

    static EdgeAssociation of(LambdaFunctionAssociation association) {
      return new EdgeAssociation(
          association.eventTypeAsString(),
          association.lambdaFunctionARN(),
          Boolean.TRUE.equals(association.includeBody()));
    }

    LambdaFunctionAssociation toAssociation() {
      return LambdaFunctionAssociation.builder()
          .eventType(eventType)
          .lambdaFunctionARN(functionArn)
          .includeBody(includeBody)
          .build();
    }
  }

  /**
   * The certificate viewers see: CloudFront's own for *.cloudfront.net, or an ACM certificate for
   * the aliases. With CloudFront's own, CloudFront decides the TLS settings itself (and reports
   * them), so only that choice counts
   * (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html).
   */
  public record Certificate(
      boolean cloudFrontDefault, String acmCertificateArn, String sslSupportMethod, String minimumProtocolVersion) {

    public static final Certificate CLOUDFRONT_DEFAULT = new Certificate(true, "", "", "");

    public Certificate {
      acmCertificateArn = orEmpty(acmCertificateArn);
      sslSupportMethod = orEmpty(sslSupportMethod);
      minimumProtocolVersion = orEmpty(minimumProtocolVersion);
    }

    static Certificate of(ViewerCertificate certificate) {
      if (certificate == null
          || Boolean.TRUE.equals(certificate.cloudFrontDefaultCertificate())
              && orEmpty(certificate.acmCertificateArn()).isEmpty()
              && orEmpty(certificate.iamCertificateId()).isEmpty()) {
        return CLOUDFRONT_DEFAULT;
      }
      return new Certificate(
          false,
          certificate.acmCertificateArn(),
          certificate.sslSupportMethodAsString(),
          certificate.minimumProtocolVersionAsString());
    }

    ViewerCertificate toViewerCertificate() {
      if (cloudFrontDefault) {
        return ViewerCertificate.builder().cloudFrontDefaultCertificate(true).build();
      }
      return ViewerCertificate.builder()
          .cloudFrontDefaultCertificate(false)
          .acmCertificateArn(acmCertificateArn)
          .sslSupportMethod(sslSupportMethod)
          .minimumProtocolVersion(minimumProtocolVersion)
          .build();
    }
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String nullIfEmpty(String value) {
    return value.isEmpty() ? null : value;
  }

  private static <T> Set<T> setOf(Collection<T> values) {
    return values == null ? Set.of() : Set.copyOf(values);
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  /** CloudFront lists with no items are sent as Quantity 0 without an Items element. */
  private static <T> List<T> itemsOrNull(List<T> items) {
    return items.isEmpty() ? null : items;
  }
}
