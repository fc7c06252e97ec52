package io.protectedfiles.operator.emulator;

import static io.protectedfiles.operator.emulator.Distributions.config;
import static io.protectedfiles.operator.emulator.Distributions.createOriginAccessIdentity;
import static io.protectedfiles.operator.emulator.Distributions.originWithIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.protectedfiles.operator.testsupport.AwsEmulator;
import io.protectedfiles.operator.testsupport.EdgeFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The record of every AWS call since the last reset: operation, IAM action, whether it mutates. */
class CallRecordIT {

  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  @Test
  void everyCallIsRecordedInOrderWithTheIamActionItNeeds() {
    S3Client s3 = aws.s3();
    s3.createBucket(r -> r.bucket("team-assets"));
    s3.putBucketCors(r -> r.bucket("team-assets").corsConfiguration(c -> c.corsRules(rule -> rule
        .allowedOrigins("https://app.example.com").allowedMethods("GET"))));
    s3.headBucket(r -> r.bucket("team-assets"));
    s3.putPublicAccessBlock(r -> r.bucket("team-assets").publicAccessBlockConfiguration(c -> c.blockPublicPolicy(true)));
    s3.getPublicAccessBlock(r -> r.bucket("team-assets"));

    List<JsonNode> calls = calls();

    assertThat(calls).extracting(c -> c.get("operation").asText())
        .containsExactly("CreateBucket", "PutBucketCors", "HeadBucket", "PutPublicAccessBlock", "GetPublicAccessBlock");
    assertThat(calls).extracting(c -> c.get("action").asText()).containsExactly(
        "s3:CreateBucket", "s3:PutBucketCORS", "s3:ListBucket", "s3:PutBucketPublicAccessBlock", "s3:GetBucketPublicAccessBlock");
    assertThat(calls).extracting(c -> c.get("mutating").asBoolean()).containsExactly(true, true, false, true, false);
    assertThat(calls).extracting(c -> c.get("status").asInt()).containsOnly(200);
    assertThat(aws.control().calls()).containsExactly(
        "s3:CreateBucket", "s3:PutBucketCors", "s3:HeadBucket", "s3:PutPublicAccessBlock", "s3:GetPublicAccessBlock");
  }

  @Test
  void failedCallsAreRecordedWithTheirStatus() {
    aws.s3().createBucket(r -> r.bucket("team-assets"));

    assertThatThrownBy(() -> aws.s3().getBucketPolicy(r -> r.bucket("team-assets"))).isInstanceOf(S3Exception.class);

    assertThat(calls().get(1).get("operation").asText()).isEqualTo("GetBucketPolicy");
    assertThat(calls().get(1).get("status").asInt()).isEqualTo(404);
  }

  @Test
  void operationsAuthorisedUnderAnotherNameListEveryActionTheyNeed() {
    String identity = createOriginAccessIdentity(aws.cloudFront(), "store-1");
    String authorizer = EdgeFunctions.edgeVersion(aws, "authorizer");
    aws.control().clearCalls();

    aws.cloudFront().createDistributionWithTags(r -> r.distributionConfigWithTags(c -> c
        .distributionConfig(config("store-1", originWithIdentity(identity), authorizer))
        .tags(t -> t.items(Tag.builder().key("protectedfiles.io/uid").value("0b7c-uid").build()))));

    JsonNode create = calls().get(0);
    assertThat(create.get("operation").asText()).isEqualTo("CreateDistributionWithTags");
    assertThat(create.get("action").asText()).isEqualTo("cloudfront:CreateDistribution");
    assertThat(create.get("dependentActions")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
        "cloudfront:TagResource", "lambda:GetFunction", "lambda:EnableReplication*", "lambda:DisableReplication*",
        "iam:CreateServiceLinkedRole");
  }

  @Test
  void clearAndResetEmptyTheRecord() {
    aws.s3().createBucket(r -> r.bucket("team-assets"));
    aws.control().clearCalls();
    assertThat(calls()).isEmpty();

    aws.s3().headBucket(r -> r.bucket("team-assets"));
    aws.control().reset();
    assertThat(calls()).isEmpty();
  }

  @Test
  void controlEndpointCallsAreNotRecorded() {
    aws.control().configure(Map.of("distributionDeployReads", 1));
    ControlEndpoint.get(aws, "/_pfs/faults");

    assertThat(calls()).isEmpty();
  }

  private static List<JsonNode> calls() {
    List<JsonNode> calls = new ArrayList<>();
    ControlEndpoint.get(aws, "/_pfs/calls").get("calls").forEach(calls::add);
    return calls;
  }
}
