package io.protectedfiles.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProtectedFileStoreSpec {

  @JsonPropertyDescription("The S3 bucket that holds the files. Everything in it is optional.")
  private BucketSpec bucket;

  @JsonPropertyDescription(
      "The bucket's CORS rule, for uploads with presigned requests and downloads through"
          + " CloudFront. Default: any origin, GET PUT POST HEAD, any header, 3000 s.")
  private CorsSpec cors;

  @JsonPropertyDescription(
      "How CloudFront reads the private bucket: OAI (origin access identity, the default) or OAC"
          + " (origin access control). Only CloudFront can read the bucket either way.")
  private OriginAccessType originAccess;

  @JsonPropertyDescription("The CloudFront distribution that serves the files.")
  private DistributionSpec distribution;

  @JsonPropertyDescription("The edge authorizer that checks a token on every download.")
  private AuthorizerSpec authorizer;

  @JsonPropertyDescription(
      "Tags added to every AWS resource of the store, besides the operator's ownership tags.")
  @Size(max = 40)
  @ValidationRule(
      value = "self.all(k, !k.startsWith('aws:') && !k.startsWith('protectedfiles.io/'))",
      message = "tag keys starting with aws: or protectedfiles.io/ are reserved")
  private Map<String, @Pattern("^[A-Za-z0-9 _.:/=+@-]*$") @Size(max = 256) String> tags;

  public BucketSpec getBucket() {
    return bucket;
  }

  public void setBucket(BucketSpec bucket) {
    this.bucket = bucket;
  }

  public CorsSpec getCors() {
    return cors;
  }

  public void setCors(CorsSpec cors) {
    this.cors = cors;
  }

  public OriginAccessType getOriginAccess() {
    return originAccess;
  }

  public void setOriginAccess(OriginAccessType originAccess) {
    this.originAccess = originAccess;
  }

  public DistributionSpec getDistribution() {
    return distribution;
  }

  public void setDistribution(DistributionSpec distribution) {
    this.distribution = distribution;
  }

  public AuthorizerSpec getAuthorizer() {
    return authorizer;
  }

  public void setAuthorizer(AuthorizerSpec authorizer) {
    this.authorizer = authorizer;
  }

  public Map<String, String> getTags() {
    return tags;
  }

  public void setTags(Map<String, String> tags) {
    this.tags = tags;
  }

  /** The bucket section, empty (all defaults) when the spec leaves it out. */
  public BucketSpec bucketOrDefaults() {
    return bucket == null ? new BucketSpec() : bucket;
  }

  public CorsSpec corsOrDefaults() {
    return cors == null ? new CorsSpec() : cors;
  }

  public OriginAccessType originAccessOrDefault() {
    return originAccess == null ? OriginAccessType.OAI : originAccess;
  }

  public DistributionSpec distributionOrDefaults() {
    return distribution == null ? new DistributionSpec() : distribution;
  }

  public AuthorizerSpec authorizerOrDefaults() {
    return authorizer == null ? new AuthorizerSpec() : authorizer;
  }

  public Map<String, String> tagsOrEmpty() {
    return tags == null ? Map.of() : tags;
  }
}
