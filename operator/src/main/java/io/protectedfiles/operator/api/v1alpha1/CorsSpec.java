package io.protectedfiles.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * The bucket's CORS rule: browsers upload with presigned POST/PUT straight to S3 and download
 * through CloudFront, which forwards the CORS headers to S3. Defaults are the seed article's rule.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CorsSpec {

  public static final List<String> DEFAULT_ORIGINS = List.of("*");
  public static final List<String> DEFAULT_METHODS = List.of("GET", "PUT", "POST", "HEAD");
  public static final List<String> DEFAULT_HEADERS = List.of("*");
  public static final int DEFAULT_MAX_AGE_SECONDS = 3000;
  /** "*", or scheme://host[:port] without a path; S3 allows one * wildcard in the host. */
  static final String ORIGIN_PATTERN = "^(\\*|https?://(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?)$";

  @JsonPropertyDescription(
      "Origins allowed to upload and download, such as https://app.example.com, or * for any."
          + " Default: [\"*\"].")
  @Size(min = 1, max = 100)
  private List<@Pattern(ORIGIN_PATTERN) @Size(max = 255) String> allowedOrigins;

  @JsonPropertyDescription("HTTP methods allowed from those origins. Default: GET, PUT, POST, HEAD.")
  @Size(min = 1, max = 5)
  private List<CorsMethod> allowedMethods;

  @JsonPropertyDescription("Request headers a browser may send (Access-Control-Request-Headers). Default: [\"*\"].")
  @Size(max = 100)
  private List<@Size(max = 255) String> allowedHeaders;

  @JsonPropertyDescription("Response headers a browser may read, such as ETag for multipart uploads. Default: none.")
  @Size(max = 100)
  private List<@Size(max = 255) String> exposeHeaders;

  @JsonPropertyDescription("How long a browser may cache a preflight answer, in seconds. Default: 3000.")
  @Min(0)
  @Max(86400)
  private Integer maxAgeSeconds;

  public List<String> getAllowedOrigins() {
    return allowedOrigins;
  }

  public void setAllowedOrigins(List<String> allowedOrigins) {
    this.allowedOrigins = allowedOrigins;
  }

  public List<CorsMethod> getAllowedMethods() {
    return allowedMethods;
  }

  public void setAllowedMethods(List<CorsMethod> allowedMethods) {
    this.allowedMethods = allowedMethods;
  }

  public List<String> getAllowedHeaders() {
    return allowedHeaders;
  }

  public void setAllowedHeaders(List<String> allowedHeaders) {
    this.allowedHeaders = allowedHeaders;
  }

  public List<String> getExposeHeaders() {
    return exposeHeaders;
  }

  public void setExposeHeaders(List<String> exposeHeaders) {
    this.exposeHeaders = exposeHeaders;
  }

  public Integer getMaxAgeSeconds() {
    return maxAgeSeconds;
  }

  public void setMaxAgeSeconds(Integer maxAgeSeconds) {
    this.maxAgeSeconds = maxAgeSeconds;
  }

  public List<String> originsOrDefault() {
    return allowedOrigins == null || allowedOrigins.isEmpty() ? DEFAULT_ORIGINS : allowedOrigins;
  }

  public List<String> methodsOrDefault() {
    return allowedMethods == null || allowedMethods.isEmpty()
        ? DEFAULT_METHODS
        : allowedMethods.stream().map(Enum::name).toList();
  }

  public List<String> headersOrDefault() {
    return allowedHeaders == null ? DEFAULT_HEADERS : allowedHeaders;
  }

  public List<String> exposeHeadersOrDefault() {
    return exposeHeaders == null ? List.of() : exposeHeaders;
  }

  public int maxAgeOrDefault() {
    return maxAgeSeconds == null ? DEFAULT_MAX_AGE_SECONDS : maxAgeSeconds;
  }
}
