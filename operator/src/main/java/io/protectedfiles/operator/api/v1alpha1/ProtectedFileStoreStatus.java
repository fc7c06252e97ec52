package io.protectedfiles.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProtectedFileStoreStatus {

  @JsonPropertyDescription("The metadata.generation this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Kubernetes-style conditions: Ready, and one per stage: BucketReady, OriginAccessReady,"
          + " BucketPolicyReady, AuthorizerPublished, DistributionDeployed.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The S3 bucket as last observed.")
  private BucketStatus bucket;

  @JsonPropertyDescription("The origin access identity or control CloudFront reads the bucket with.")
  private OriginAccessStatus originAccess;

  @JsonPropertyDescription("The edge authorizer's role, function and published version.")
  private AuthorizerStatus authorizer;

  @JsonPropertyDescription("The CloudFront distribution.")
  private DistributionStatus distribution;

  @JsonPropertyDescription("Where the files are served, such as https://d111111abcdef8.cloudfront.net.")
  private String url;

  @JsonPropertyDescription(
      "Secret in the store's namespace holding the generated private signing keys (JWKS), for the"
          + " application to sign tokens with.")
  private String signingKeySecret;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public OriginAccessStatus getOriginAccess() {
    return originAccess;
  }

  public void setOriginAccess(OriginAccessStatus originAccess) {
    this.originAccess = originAccess;
  }

  public AuthorizerStatus getAuthorizer() {
    return authorizer;
  }

  public void setAuthorizer(AuthorizerStatus authorizer) {
    this.authorizer = authorizer;
  }

  public DistributionStatus getDistribution() {
    return distribution;
  }

  public void setDistribution(DistributionStatus distribution) {
    this.distribution = distribution;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getSigningKeySecret() {
    return signingKeySecret;
  }

  public void setSigningKeySecret(String signingKeySecret) {
    this.signingKeySecret = signingKeySecret;
  }

  public BucketStatus getBucket() {
    return bucket;
  }

  public void setBucket(BucketStatus bucket) {
    this.bucket = bucket;
  }
}
