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
      "Kubernetes-style conditions: Ready, and one per stage (BucketReady, ...).")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The S3 bucket as last observed.")
  private BucketStatus bucket;

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

  public BucketStatus getBucket() {
    return bucket;
  }

  public void setBucket(BucketStatus bucket) {
    this.bucket = bucket;
  }
}
