package io.protectedfiles.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/**
 * The Lambda@Edge authorizer that checks a JWT on every download. Its settings are baked into the
 * function's bundle (Lambda@Edge has no environment variables): changing one publishes a new
 * version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AuthorizerSpec {

  public static final String DEFAULT_QUERY_PARAMETER = "authorization";
  public static final String DEFAULT_PATH_CLAIM = "paths";
  public static final int DEFAULT_CLOCK_SKEW_SECONDS = 30;

  @JsonPropertyDescription(
      "Query parameter that carries the token, as in ?authorization=<jwt>. An"
          + " 'Authorization: Bearer <jwt>' header is accepted too, never both at once."
          + " Default: authorization.")
  @Pattern("^[A-Za-z0-9_.-]{1,64}$")
  private String queryParameter;

  @JsonPropertyDescription("Required value of the token's iss claim. Default: the iss claim is not checked.")
  @Size(max = 512)
  private String issuer;

  @JsonPropertyDescription(
      "Required value (or member) of the token's aud claim. Default: the store's name.")
  @Size(max = 512)
  private String audience;

  @JsonPropertyDescription(
      "Claim holding the list of path prefixes a token may read, such as [\"/3f2a9c/\"]. A prefix"
          + " grants the paths below it at a / boundary. Default: paths.")
  @Pattern("^[A-Za-z_][A-Za-z0-9_]{0,63}$")
  private String pathClaim;

  @JsonPropertyDescription(
      "Origin header added to granted requests that carry none, so that S3 answers with CORS"
          + " headers (as in the seed article), such as https://app.example.com. Default: none added.")
  @Pattern("^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$")
  private String defaultOrigin;

  @JsonPropertyDescription("Tolerated clock difference for exp, nbf and iat, in seconds. Default: 30.")
  @Min(0)
  @Max(300)
  private Integer clockSkewSeconds;

  @JsonPropertyDescription(
      "Longest token lifetime accepted, in seconds: tokens must then carry iat, and exp - iat may"
          + " not exceed it (so a token issued for the year 3000 is refused). Default: no limit"
          + " beyond exp.")
  @Min(1)
  @Max(31536000)
  private Integer maxTokenAgeSeconds;

  @JsonPropertyDescription("Keys that sign the tokens. Default: the operator generates an ES256 key pair.")
  private KeysSpec keys;

  public String getQueryParameter() {
    return queryParameter;
  }

  public void setQueryParameter(String queryParameter) {
    this.queryParameter = queryParameter;
  }

  public String getIssuer() {
    return issuer;
  }

  public void setIssuer(String issuer) {
    this.issuer = issuer;
  }

  public String getAudience() {
    return audience;
  }

  public void setAudience(String audience) {
    this.audience = audience;
  }

  public String getPathClaim() {
    return pathClaim;
  }

  public void setPathClaim(String pathClaim) {
    this.pathClaim = pathClaim;
  }

  public String getDefaultOrigin() {
    return defaultOrigin;
  }

  public void setDefaultOrigin(String defaultOrigin) {
    this.defaultOrigin = defaultOrigin;
  }

  public Integer getClockSkewSeconds() {
    return clockSkewSeconds;
  }

  public void setClockSkewSeconds(Integer clockSkewSeconds) {
    this.clockSkewSeconds = clockSkewSeconds;
  }

  public Integer getMaxTokenAgeSeconds() {
    return maxTokenAgeSeconds;
  }

  public void setMaxTokenAgeSeconds(Integer maxTokenAgeSeconds) {
    this.maxTokenAgeSeconds = maxTokenAgeSeconds;
  }

  public KeysSpec getKeys() {
    return keys;
  }

  public void setKeys(KeysSpec keys) {
    this.keys = keys;
  }

  /**
   * The issuer tokens must name, or null when the iss claim is not checked. Blank means unset: the
   * authorizer refuses an empty issuer at load, which would refuse every request.
   */
  public String issuerOrNull() {
    return issuer == null || issuer.isBlank() ? null : issuer;
  }

  /** The audience tokens must name: the spec's, or the store's name when it sets none. */
  public String audienceOrDefault(String storeName) {
    return audience == null || audience.isBlank() ? storeName : audience;
  }

  public String queryParameterOrDefault() {
    return queryParameter == null ? DEFAULT_QUERY_PARAMETER : queryParameter;
  }

  public String pathClaimOrDefault() {
    return pathClaim == null ? DEFAULT_PATH_CLAIM : pathClaim;
  }

  public int clockSkewOrDefault() {
    return clockSkewSeconds == null ? DEFAULT_CLOCK_SKEW_SECONDS : clockSkewSeconds;
  }

  public KeysSpec keysOrDefaults() {
    return keys == null ? new KeysSpec() : keys;
  }
}
