package io.protectedfiles.operator.aws.cloudfront;

import io.protectedfiles.operator.api.v1alpha1.OriginAccessType;

/**
 * A store's origin access identity (OAI) or origin access control (OAC), as read from CloudFront or
 * as the store wants it.
 *
 * @param id null in the desired state
 * @param s3CanonicalUserId the S3 canonical user of an OAI, which a bucket policy may name; null for
 *     an OAC
 * @param etag the version that an update or delete must name as If-Match; null in the desired state
 * @param comment an OAI's comment or an OAC's description
 * @param signing how an OAC signs requests to S3; null for an OAI
 */
public record ObservedOriginAccess(
    OriginAccessType type,
    String id,
    String s3CanonicalUserId,
    String etag,
    String comment,
    Signing signing) {

  public ObservedOriginAccess {
    comment = comment == null ? "" : comment;
  }

  /** The value an S3 origin's OriginAccessIdentity takes to use this OAI. */
  public String originAccessIdentityPath() {
    return "origin-access-identity/cloudfront/" + id;
  }

  /** An OAC's settings: which origin type it is for and how it signs requests. */
  public record Signing(String originType, String behavior, String protocol) {

    /**
     * S3 origin, every request signed with SigV4. "always" is AWS's recommended setting: CloudFront
     * signs even a request whose viewer sent an Authorization header (the authorizer accepts a
     * Bearer token), replacing that header, so the viewer's token never reaches S3
     * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html#oac-advanced-settings-s3).
     */
    public static final Signing S3_ALWAYS_SIGV4 = new Signing("s3", "always", "sigv4");
  }
}
