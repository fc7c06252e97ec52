package io.protectedfiles.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class BucketStatus {

  @JsonPropertyDescription("Name of the bucket.")
  private String name;

  @JsonPropertyDescription("ARN of the bucket.")
  private String arn;

  @JsonPropertyDescription("Region of the bucket.")
  private String region;

  public BucketStatus() {}

  public BucketStatus(String name, String arn, String region) {
    this.name = name;
    this.arn = arn;
    this.region = region;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getArn() {
    return arn;
  }

  public void setArn(String arn) {
    this.arn = arn;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }
}
