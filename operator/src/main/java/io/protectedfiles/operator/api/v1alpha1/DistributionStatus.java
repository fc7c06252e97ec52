package io.protectedfiles.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DistributionStatus {

  @JsonPropertyDescription("Id of the CloudFront distribution.")
  private String id;

  @JsonPropertyDescription("ARN of the distribution.")
  private String arn;

  @JsonPropertyDescription("The distribution's domain name, such as d111111abcdef8.cloudfront.net.")
  private String domainName;

  @JsonPropertyDescription("InProgress while CloudFront deploys a change, then Deployed.")
  private String status;

  public DistributionStatus() {}

  public DistributionStatus(String id, String arn, String domainName, String status) {
    this.id = id;
    this.arn = arn;
    this.domainName = domainName;
    this.status = status;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getArn() {
    return arn;
  }

  public void setArn(String arn) {
    this.arn = arn;
  }

  public String getDomainName() {
    return domainName;
  }

  public void setDomainName(String domainName) {
    this.domainName = domainName;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }
}
