package io.protectedfiles.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A key of a Secret in the store's own namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretKeyRef {

  @JsonPropertyDescription("Name of the Secret.")
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")
  private String name;

  @JsonPropertyDescription("Key within the Secret's data.")
  @Required
  @Pattern("^[-._a-zA-Z0-9]{1,253}$")
  private String key;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }
}
