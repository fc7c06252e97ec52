package io.protectedfiles.operator.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protectedfiles.operator.testsupport.AwsEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontOriginAccessIdentity;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** PutBucketPolicy as S3 does it: BlockPublicPolicy, and origin access identities as principals. */
class BucketPolicyIT {

  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  static final ObjectMapper JSON = new ObjectMapper();
  static final String BUCKET = "team-assets";

  final S3Client s3 = aws.s3();

  @BeforeEach
  void createBucket() {
    s3.createBucket(r -> r.bucket(BUCKET));
  }

  @Test
  void publicPolicyIsRefusedWhenBlockPublicPolicyIsOn() {
    blockPublicPolicy(true);

    assertAccessDenied(policy("\"*\"", ""));
    assertAccessDenied(policy("{\"AWS\": \"*\"}", ""));
    assertAccessDenied(policy("{\"AWS\": [\"arn:aws:iam::123456789012:root\", \"*\"]}", ""));
  }

  @Test
  void publicPolicyIsAcceptedWhenBlockPublicPolicyIsOff() {
    blockPublicPolicy(false);

    s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(policy("\"*\"", "")));

    assertThat(s3.getBucketPolicy(r -> r.bucket(BUCKET)).policy()).contains("\"*\"");
  }

  @Test
  void wildcardPrincipalLimitedToAFixedSourceArnIsNotPublic() {
    blockPublicPolicy(true);
    String condition = ", \"Condition\": {\"StringEquals\": {\"AWS:SourceArn\": "
        + "\"arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE\"}}";

    s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(policy("\"*\"", condition)));
  }

  @Test
  void originAccessControlPolicyIsNotPublic() {
    blockPublicPolicy(true);
    String condition = ", \"Condition\": {\"StringEquals\": {\"AWS:SourceArn\": "
        + "\"arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE\"}}";

    s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(policy("{\"Service\": \"cloudfront.amazonaws.com\"}", condition)));
  }

  @Test
  void canonicalUserOfAnIdentityReadsBackAsTheIdentityArn() throws Exception {
    blockPublicPolicy(true);
    CloudFrontOriginAccessIdentity identity = aws.cloudFront()
        .createCloudFrontOriginAccessIdentity(r -> r.cloudFrontOriginAccessIdentityConfig(c -> c.callerReference("store-1").comment("")))
        .cloudFrontOriginAccessIdentity();

    s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(policy("{\"CanonicalUser\": \"" + identity.s3CanonicalUserId() + "\"}", "")));

    JsonNode stored = JSON.readTree(s3.getBucketPolicy(r -> r.bucket(BUCKET)).policy());
    assertThat(stored.at("/Statement/0/Principal")).isEqualTo(JSON.readTree(
        "{\"AWS\": \"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity " + identity.id() + "\"}"));
    assertThat(stored.at("/Statement/0/Action").asText()).isEqualTo("s3:GetObject");
  }

  @Test
  void identityArnPrincipalIsKeptAsIs() throws Exception {
    String id = Distributions.createOriginAccessIdentity(aws.cloudFront(), "store-1");
    String principal = "{\"AWS\": \"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity " + id + "\"}";

    s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(policy(principal, "")));

    assertThat(JSON.readTree(s3.getBucketPolicy(r -> r.bucket(BUCKET)).policy()).at("/Statement/0/Principal"))
        .isEqualTo(JSON.readTree(principal));
  }

  @Test
  void unknownIdentityIsAMalformedPolicy() {
    assertMalformed(policy("{\"AWS\": \"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E1234567890ABC\"}", ""));
    assertMalformed(policy("{\"CanonicalUser\": \"" + "ab".repeat(48) + "\"}", ""));
  }

  @Test
  void policyThatIsNotJsonIsAMalformedPolicy() {
    assertMalformed("Allow everything");
  }

  private void blockPublicPolicy(boolean on) {
    s3.putPublicAccessBlock(r -> r.bucket(BUCKET).publicAccessBlockConfiguration(
        c -> c.blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(on).restrictPublicBuckets(true)));
  }

  private void assertAccessDenied(String policy) {
    assertThatThrownBy(() -> s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(policy)))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.statusCode()).isEqualTo(403);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
          assertThat(e.awsErrorDetails().errorMessage()).contains("BlockPublicPolicy");
        });
  }

  private void assertMalformed(String policy) {
    assertThatThrownBy(() -> s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(policy)))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicy");
        });
  }

  /** A policy granting s3:GetObject on the bucket's objects to `principal` (JSON), plus `extra` statement members. */
  private static String policy(String principal, String extra) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"read\", \"Effect\": \"Allow\", \"Principal\": "
        + principal + ", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::" + BUCKET + "/*\"" + extra + "}]}";
  }
}
