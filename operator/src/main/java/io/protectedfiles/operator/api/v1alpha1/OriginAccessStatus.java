package io.protectedfiles.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class OriginAccessStatus {

  @JsonPropertyDescription("OAI or OAC.")
  private String type;

  @JsonPropertyDescription("Id of the origin access identity or origin access control.")
  private String id;

  public OriginAccessStatus() {}

  public OriginAccessStatus(String type, String id) {
    this.type = type;
    this.id = id;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
