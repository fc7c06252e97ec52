package io.protectedfiles.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class BucketSpec {

  @JsonPropertyDescription(
      "Name of the S3 bucket: 3 to 63 characters of lower-case letters, digits, dots and hyphens,"
          + " starting and ending with a letter or digit. Bucket names are global across AWS."
          + " Default: derived from the store's namespace and name. Cannot be changed later.")
  @Pattern(BucketNameRules.PATTERN)
  @Size(min = 3, max = BucketNameRules.MAX_LENGTH)
  @ValidationRule(
      value = "!self.contains('..') && !self.startsWith('xn--') && !self.startsWith('sthree-')"
          + " && !self.endsWith('-s3alias') && !self.endsWith('--ol-s3')"
          + " && !self.matches('^[0-9]+\\\\.[0-9]+\\\\.[0-9]+\\\\.[0-9]+$')",
      message = "must not contain '..', look like an IP address, or use a prefix or suffix S3"
          + " reserves (xn--, sthree-, -s3alias, --ol-s3)")
  @ValidationRule(value = "self == oldSelf", message = "cannot be changed once set")
  private String name;

  @JsonPropertyDescription(
      "AWS region of the bucket, for example eu-west-1. Default: the operator's region."
          + " Cannot be changed later.")
  @Pattern("^[a-z]{2}(-[a-z]+)+-[0-9]+$")
  @Size(max = 32)
  @ValidationRule(value = "self == oldSelf", message = "cannot be changed once set")
  private String region;

  @JsonPropertyDescription(
      "What happens to the bucket when the store is deleted. Retain (default) keeps the bucket and"
          + " its files. Delete removes the bucket, but only when it is empty: a bucket that still"
          + " holds files is never deleted.")
  @Default("Retain")
  private DeletionPolicy deletionPolicy;

  @JsonPropertyDescription(
      "Take over an existing bucket of this name that carries no ownership tags. Allowed only in"
          + " namespaces the operator's configuration lists for adoption. Default: false.")
  private Boolean adopt;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  /** The policy in force: Retain unless Delete is asked for explicitly. */
  public DeletionPolicy deletionPolicyOrDefault() {
    return deletionPolicy == null ? DeletionPolicy.Retain : deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }

  public Boolean getAdopt() {
    return adopt;
  }

  public void setAdopt(Boolean adopt) {
    this.adopt = adopt;
  }

  public boolean adoptRequested() {
    return Boolean.TRUE.equals(adopt);
  }
}
