package io.protectedfiles.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.aliases) || size(self.aliases) == 0 || (has(self.certificateArn) && self.certificateArn != '')",
    message = "aliases need a certificateArn: an ACM certificate in us-east-1 that covers them",
    fieldPath = ".certificateArn")
public class DistributionSpec {

  public static final PriceClass DEFAULT_PRICE_CLASS = PriceClass.PriceClass_100;

  @JsonPropertyDescription(
      "Which edge locations serve the files: PriceClass_100 (North America, Europe; default),"
          + " PriceClass_200, PriceClass_All.")
  private PriceClass priceClass;

  @JsonPropertyDescription(
      "Extra domain names (CNAMEs) for the distribution, such as files.example.com. Needs certificateArn.")
  @Size(max = 100)
  private List<@Pattern("^(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$") @Size(max = 253) String> aliases;

  @JsonPropertyDescription(
      "ARN of an ACM certificate in us-east-1 covering the aliases. Default: CloudFront's own"
          + " certificate for the *.cloudfront.net domain.")
  @Size(max = 2048)
  @Pattern("^(arn:aws[a-z-]*:acm:us-east-1:[0-9]{12}:certificate/[A-Za-z0-9-]+)?$")
  private String certificateArn;

  @JsonPropertyDescription("Comment shown in the CloudFront console. Default: the store's namespace/name.")
  @Size(max = 128)
  private String comment;

  @JsonPropertyDescription("Whether the distribution serves requests. Default: true.")
  private Boolean enabled;

  @JsonPropertyDescription("Object served for a request to the root URL, such as index.html. Default: none.")
  @Pattern("^[^/][^\\s]{0,254}$")
  private String defaultRootObject;

  public PriceClass getPriceClass() {
    return priceClass;
  }

  public void setPriceClass(PriceClass priceClass) {
    this.priceClass = priceClass;
  }

  public List<String> getAliases() {
    return aliases;
  }

  public void setAliases(List<String> aliases) {
    this.aliases = aliases;
  }

  public String getCertificateArn() {
    return certificateArn;
  }

  public void setCertificateArn(String certificateArn) {
    this.certificateArn = certificateArn;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public String getDefaultRootObject() {
    return defaultRootObject;
  }

  public void setDefaultRootObject(String defaultRootObject) {
    this.defaultRootObject = defaultRootObject;
  }

  public PriceClass priceClassOrDefault() {
    return priceClass == null ? DEFAULT_PRICE_CLASS : priceClass;
  }

  public List<String> aliasesOrEmpty() {
    return aliases == null ? List.of() : aliases;
  }

  public boolean enabledOrDefault() {
    return enabled == null || enabled;
  }
}
