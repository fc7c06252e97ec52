package io.protectedfiles.operator.emulator;

import static io.protectedfiles.operator.emulator.Distributions.config;
import static io.protectedfiles.operator.emulator.Distributions.createOriginAccessIdentity;
import static io.protectedfiles.operator.emulator.Distributions.originWithIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.protectedfiles.operator.testsupport.AwsEmulator;
import io.protectedfiles.operator.testsupport.EdgeFunctions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.LambdaFunctionAssociations;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Lambda@Edge replicas keep an associated version from being deleted, for a while after the association ends. */
class LambdaEdgeReplicaIT {

  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  final CloudFrontClient cloudFront = aws.cloudFront();
  final LambdaClient lambda = aws.lambda();
  String version;
  String distributionId;
  String etag;

  @BeforeEach
  void associateAVersion() {
    aws.control().configure(Map.of("lambdaReplicaSeconds", 0.5));
    version = EdgeFunctions.edgeVersion(aws, "authorizer");
    String identity = createOriginAccessIdentity(cloudFront, "store-1");
    var created = cloudFront.createDistribution(r -> r.distributionConfig(config("store-1", originWithIdentity(identity), version)));
    distributionId = created.distribution().id();
    etag = created.eTag();
  }

  @Test
  void associatedVersionAndItsFunctionCannotBeDeleted() {
    assertReplicated(() -> lambda.deleteFunction(r -> r.functionName("authorizer").qualifier("1")));
    assertReplicated(() -> lambda.deleteFunction(r -> r.functionName(version)));
    assertReplicated(() -> lambda.deleteFunction(r -> r.functionName("authorizer")));
  }

  @Test
  void versionIsDeletableOnlyAfterTheReplicaTimeOnceAnUpdateRemovedTheAssociation() {
    var current = cloudFront.getDistributionConfig(r -> r.id(distributionId)).distributionConfig();
    cloudFront.updateDistribution(r -> r.id(distributionId).ifMatch(etag).distributionConfig(current.toBuilder()
        .defaultCacheBehavior(current.defaultCacheBehavior().toBuilder()
            .lambdaFunctionAssociations(LambdaFunctionAssociations.builder().quantity(0).build()).build())
        .build()));

    assertReplicated(() -> lambda.deleteFunction(r -> r.functionName("authorizer").qualifier("1")));
    awaitDeleted(() -> lambda.deleteFunction(r -> r.functionName("authorizer").qualifier("1")));
  }

  @Test
  void functionIsDeletableOnlyAfterTheReplicaTimeOnceTheDistributionIsDeleted() {
    Distributions.disableAndDelete(cloudFront, distributionId);

    assertReplicated(() -> lambda.deleteFunction(r -> r.functionName("authorizer")));
    awaitDeleted(() -> lambda.deleteFunction(r -> r.functionName("authorizer")));
    assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("authorizer"))).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void versionsNeverAssociatedAreDeletedAtOnce() {
    String second = EdgeFunctions.nextVersion(aws, "authorizer", "version 2");

    assertThat(second).endsWith(":authorizer:2");
    lambda.deleteFunction(r -> r.functionName("authorizer").qualifier("2"));
    assertReplicated(() -> lambda.deleteFunction(r -> r.functionName("authorizer").qualifier("1")));
  }

  private void assertReplicated(Runnable delete) {
    assertThatThrownBy(delete::run).isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorMessage())
          .isEqualTo("Lambda was unable to delete " + version + " because it is a replicated function. "
              + "Please see our documentation for Deleting Lambda@Edge Functions and Replicas.");
    });
  }

  private static void awaitDeleted(Runnable delete) {
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).ignoreException(InvalidParameterValueException.class)
        .untilAsserted(delete::run);
  }
}
