package io.protectedfiles.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class UploadUrlsTest {

  static final Instant NOW = Instant.parse("2015-12-29T00:00:00Z");
  static final StaticCredentialsProvider EXAMPLE_CREDENTIALS = StaticCredentialsProvider.create(
      AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", PostPolicySignatureTest.EXAMPLE_SECRET_ACCESS_KEY));

  final UploadUrls uploads = UploadUrls.builder()
      .region(Region.US_WEST_2)
      .credentialsProvider(EXAMPLE_CREDENTIALS)
      .clock(Clock.fixed(NOW, ZoneOffset.UTC))
      .build();

  @Test
  void postPolicyNamesEveryFormFieldAndTheConditions() throws Exception {
    PresignedPost post = uploads.presignedPost("acme-team-assets",
        UploadConditions.keyPrefix("3f2a9c/").contentTypePrefix("image/").maxBytes(1_000_000), Duration.ofMinutes(15));

    assertThat(post.url()).isEqualTo(URI.create("https://acme-team-assets.s3.us-west-2.amazonaws.com/"));
    assertThat(post.expiration()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    assertThat(post.fields()).containsEntry("key", "3f2a9c/${filename}")
        .containsEntry("x-amz-algorithm", "AWS4-HMAC-SHA256")
        .containsEntry("x-amz-credential", "AKIAIOSFODNN7EXAMPLE/20151229/us-west-2/s3/aws4_request")
        .containsEntry("x-amz-date", "20151229T000000Z")
        .doesNotContainKey("Content-Type");
    JsonNode policy = new ObjectMapper().readTree(Base64.getDecoder().decode(post.fields().get("policy")));
    assertThat(policy.get("expiration").asText()).isEqualTo("2015-12-29T00:15:00.000Z");
    assertThat(policy.get("conditions").toString()).isEqualTo("[{\"bucket\":\"acme-team-assets\"},"
        + "[\"starts-with\",\"$key\",\"3f2a9c/\"],"
        + "[\"starts-with\",\"$Content-Type\",\"image/\"],"
        + "[\"content-length-range\",0,1000000],"
        + "{\"x-amz-algorithm\":\"AWS4-HMAC-SHA256\"},"
        + "{\"x-amz-credential\":\"AKIAIOSFODNN7EXAMPLE/20151229/us-west-2/s3/aws4_request\"},"
        + "{\"x-amz-date\":\"20151229T000000Z\"}]");
    assertThat(post.fields().get("x-amz-signature")).isEqualTo(PostPolicySignature.sign(
        PostPolicySignatureTest.EXAMPLE_SECRET_ACCESS_KEY, "20151229", "us-west-2", "s3", post.fields().get("policy")));
    assertThat(post.fields().keySet()).endsWith("policy", "x-amz-signature");
  }

  @Test
  void exactKeyAndContentTypeAreFormFieldsAndConditions() throws Exception {
    PresignedPost post = uploads.presignedPost("bucket-1",
        UploadConditions.exactKey("3f2a9c/report.pdf").contentType("application/pdf"), Duration.ofMinutes(5));

    assertThat(post.fields()).containsEntry("key", "3f2a9c/report.pdf").containsEntry("Content-Type", "application/pdf");
    String conditions = new ObjectMapper().readTree(Base64.getDecoder().decode(post.fields().get("policy"))).get("conditions").toString();
    assertThat(conditions).contains("{\"key\":\"3f2a9c/report.pdf\"}", "{\"Content-Type\":\"application/pdf\"}",
        "[\"content-length-range\",0,5368709120]");
  }

  @Test
  void sessionCredentialsAddTheirTokenAsFieldAndCondition() throws Exception {
    var temporary = UploadUrls.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIAEXAMPLE", "secret", "session-token")))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    PresignedPost post = temporary.presignedPost("bucket-1", UploadConditions.exactKey("a/b"), Duration.ofMinutes(5));

    assertThat(post.fields()).containsEntry("x-amz-security-token", "session-token");
    assertThat(new String(Base64.getDecoder().decode(post.fields().get("policy")))).contains("{\"x-amz-security-token\":\"session-token\"}");
  }

  @Test
  void pathStyleEndpointPutsTheBucketInThePath() {
    var local = UploadUrls.builder().region(Region.US_EAST_1).credentialsProvider(EXAMPLE_CREDENTIALS)
        .endpointOverride(URI.create("http://127.0.0.1:5000")).pathStyle(true).build();

    assertThat(local.bucketUrl("bucket-1")).isEqualTo(URI.create("http://127.0.0.1:5000/bucket-1/"));
    PresignedPut put = local.presignedPut("bucket-1", "3f2a/report.pdf", Duration.ofMinutes(15), "application/pdf");
    assertThat(put.url().toString()).startsWith("http://127.0.0.1:5000/bucket-1/3f2a/report.pdf?")
        .contains("X-Amz-Expires=900", "X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F");
    assertThat(put.headers()).containsEntry("content-type", "application/pdf").doesNotContainKey("host");
  }

  @Test
  void virtualHostedEndpointPutsTheBucketInTheHostName() {
    var custom = UploadUrls.builder().region(Region.US_EAST_1).credentialsProvider(EXAMPLE_CREDENTIALS)
        .endpointOverride(URI.create("https://s3.example.internal:8443")).build();

    assertThat(custom.bucketUrl("bucket-1")).isEqualTo(URI.create("https://bucket-1.s3.example.internal:8443/"));
  }

  @Test
  void refusesWhatWouldNeverWork() {
    assertThatThrownBy(() -> uploads.presignedPut("b", "/3f2a/x", Duration.ofMinutes(1), null))
        .hasMessageContaining("must not start with /");
    assertThatThrownBy(() -> uploads.presignedPut("b", "a", Duration.ZERO, null)).hasMessageContaining("one second to seven days");
    assertThatThrownBy(() -> uploads.presignedPut("b", "a", Duration.ofDays(8), null)).hasMessageContaining("one second to seven days");
    assertThatThrownBy(() -> UploadConditions.exactKey("a").sizeRange(10, 5)).hasMessageContaining("0 <= min <= max");
    assertThatThrownBy(() -> UploadConditions.keyPrefix("")).hasMessageContaining("must be non-empty");
  }
}
