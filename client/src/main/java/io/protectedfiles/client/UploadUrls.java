package io.protectedfiles.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Presigned uploads into a store's bucket, so that browsers send files straight to S3 and never
 * through the application (the seed article's companion: "uploading user files to S3 without
 * passing through your lambdas").
 *
 * <pre>{@code
 * UploadUrls uploads = UploadUrls.builder().region(Region.US_WEST_2).build();
 * PresignedPost post = uploads.presignedPost("acme-team-assets",
 *     UploadConditions.keyPrefix("3f2a9c/").contentTypePrefix("image/").maxBytes(10_000_000), Duration.ofMinutes(15));
 * }</pre>
 *
 * The credentials sign the upload: they need {@code s3:PutObject} on the bucket. The bucket is
 * served at /{@code key} through the store's distribution once uploaded.
 */
public final class UploadUrls implements AutoCloseable {

  /** SigV4 presigned requests are valid for at most seven days. */
  public static final Duration MAX_TTL = Duration.ofDays(7);

  private final Region region;
  private final AwsCredentialsProvider credentials;
  private final Clock clock;
  private final S3Presigner presigner;

  private UploadUrls(Builder builder) {
    this.region = Objects.requireNonNull(builder.region, "region");
    this.credentials = builder.credentials != null ? builder.credentials : DefaultCredentialsProvider.builder().build();
    this.clock = builder.clock;
    var presigner = S3Presigner.builder()
        .region(region)
        .credentialsProvider(credentials)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(builder.pathStyle).build());
    if (builder.endpoint != null) {
      presigner.endpointOverride(builder.endpoint);
    }
    this.presigner = presigner.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A PUT of exactly {@code key}. A PUT cannot limit the file's size; use {@link #presignedPost}
   * for that.
   *
   * @param contentType the Content-Type the upload must carry (it is signed), or null for any
   */
  public PresignedPut presignedPut(String bucket, String key, Duration ttl, String contentType) {
    UploadConditions.requireKey(key, "key");
    requireTtl(ttl);
    PresignedPutObjectRequest signed = presigner.presignPutObject(p -> p
        .signatureDuration(ttl)
        .putObjectRequest(r -> r.bucket(bucket).key(key).contentType(contentType)));
    Map<String, String> headers = new LinkedHashMap<>();
    // The HTTP client sets Host from the URL itself.
    signed.signedHeaders().forEach((name, values) -> {
      if (!"host".equalsIgnoreCase(name)) {
        headers.put(name, String.join(",", values));
      }
    });
    return new PresignedPut(URI.create(signed.url().toString()), headers, signed.expiration());
  }

  /** A browser-based POST upload under {@code conditions}, which S3 enforces. */
  public PresignedPost presignedPost(String bucket, UploadConditions conditions, Duration ttl) {
    Objects.requireNonNull(conditions, "conditions");
    requireTtl(ttl);
    Instant now = clock.instant();
    Instant expiration = now.plus(ttl);
    Map<String, String> fields = PostPolicy.formFields(
        bucket, conditions, credentials.resolveCredentials(), region.id(), now, expiration);
    return new PresignedPost(bucketUrl(bucket), fields, expiration);
  }

  /**
   * Where a POST upload goes: the bucket itself. Taken from a presigned PUT's URL, so that it is
   * addressed exactly as the SDK addresses the bucket (endpoint from the environment or the
   * override, path-style or not, IP-address endpoints, partitions).
   */
  URI bucketUrl(String bucket) {
    String marker = "k";
    URI put = URI.create(presigner.presignPutObject(p -> p
        .signatureDuration(Duration.ofMinutes(1))
        .putObjectRequest(r -> r.bucket(bucket).key(marker))).url().toString());
    String path = put.getRawPath();
    return URI.create(put.getScheme() + "://" + put.getRawAuthority() + path.substring(0, path.length() - marker.length()));
  }

  private static void requireTtl(Duration ttl) {
    if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
      throw new IllegalArgumentException("an upload URL must be valid for one second to seven days, was " + ttl);
    }
  }

  @Override
  public void close() {
    presigner.close();
  }

  public static final class Builder {
    private Region region;
    private AwsCredentialsProvider credentials;
    private URI endpoint;
    private boolean pathStyle;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Required: the bucket's region (a store's {@code status.bucket.region}). */
    public Builder region(Region region) {
      this.region = region;
      return this;
    }

    /** Default: the AWS SDK's default chain (environment, profile, IRSA, instance role, ...). */
    public Builder credentialsProvider(AwsCredentialsProvider credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * An S3-compatible endpoint instead of AWS's, such as a local emulator. Default: the SDK's own
     * resolution, which also reads AWS_ENDPOINT_URL and the aws.endpointUrl system property.
     */
    public Builder endpointOverride(URI endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /** Bucket in the path rather than the host name, for endpoints without per-bucket host names. */
    public Builder pathStyle(boolean pathStyle) {
      this.pathStyle = pathStyle;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public UploadUrls build() {
      return new UploadUrls(this);
    }
  }
}
