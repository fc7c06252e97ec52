package io.protectedfiles.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Key rotation for generated keys. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RotationSpec {

  @JsonPropertyDescription(
      "Any label, such as 2026-11. Changing it generates a new key pair that becomes the signing key.")
  @Pattern("^[A-Za-z0-9._-]{1,63}$")
  private String generation;

  @JsonPropertyDescription(
      "Key ids of earlier generated keys the edge still accepts. Default: all earlier keys kept in"
          + " the signing-key Secret are accepted.")
  @Size(max = 10)
  private List<String> acceptedKeyIds;

  public String getGeneration() {
    return generation;
  }

  public void setGeneration(String generation) {
    this.generation = generation;
  }

  public List<String> getAcceptedKeyIds() {
    return acceptedKeyIds;
  }

  public void setAcceptedKeyIds(List<String> acceptedKeyIds) {
    this.acceptedKeyIds = acceptedKeyIds;
  }
}
