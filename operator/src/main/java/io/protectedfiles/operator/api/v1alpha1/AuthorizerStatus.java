package io.protectedfiles.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class AuthorizerStatus {

  @JsonPropertyDescription("ARN of the edge role the function runs as.")
  private String roleArn;

  @JsonPropertyDescription("ARN of the Lambda function (unqualified), in us-east-1.")
  private String functionArn;

  @JsonPropertyDescription("The published version the distribution runs.")
  private String version;

  @JsonPropertyDescription("ARN of that version (what CloudFront is associated with).")
  private String qualifiedArn;

  @JsonPropertyDescription("SHA-256 of the version's bundle, as Lambda reports it.")
  private String codeSha256;

  public String getRoleArn() {
    return roleArn;
  }

  public void setRoleArn(String roleArn) {
    this.roleArn = roleArn;
  }

  public String getFunctionArn() {
    return functionArn;
  }

  public void setFunctionArn(String functionArn) {
    this.functionArn = functionArn;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getQualifiedArn() {
    return qualifiedArn;
  }

  public void setQualifiedArn(String qualifiedArn) {
    this.qualifiedArn = qualifiedArn;
  }

  public String getCodeSha256() {
    return codeSha256;
  }

  public void setCodeSha256(String codeSha256) {
    this.codeSha256 = codeSha256;
  }
}
