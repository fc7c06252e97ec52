package io.protectedfiles.operator.emulator;

import static io.protectedfiles.operator.emulator.Distributions.config;
import static io.protectedfiles.operator.emulator.Distributions.createOriginAccessIdentity;
import static io.protectedfiles.operator.emulator.Distributions.originWithIdentity;
import static io.protectedfiles.operator.emulator.Distributions.viewerRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protectedfiles.operator.testsupport.AwsEmulator;
import io.protectedfiles.operator.testsupport.EdgeFunctions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.InvalidLambdaFunctionAssociationException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** The checks CloudFront makes on a Lambda@Edge function when a distribution is created or updated. */
class LambdaEdgeAssociationIT {

  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  final CloudFrontClient cloudFront = aws.cloudFront();
  String identity;
  String edgeRole;

  @BeforeEach
  void createIdentityAndRole() {
    identity = createOriginAccessIdentity(cloudFront, "store-1");
    edgeRole = EdgeFunctions.role(aws, "edge-role", EdgeFunctions.EDGE_TRUST_POLICY);
  }

  @Test
  void numberedVersionInUsEast1WithAnEdgeRoleIsAccepted() {
    String version = EdgeFunctions.edgeVersion(aws, "authorizer");

    var created = cloudFront.createDistribution(r -> r.distributionConfig(config("store-1", originWithIdentity(identity), version)));

    assertThat(version).endsWith(":authorizer:1");
    assertThat(created.distribution().distributionConfig().defaultCacheBehavior().lambdaFunctionAssociations().items())
        .singleElement().satisfies(a -> assertThat(a.lambdaFunctionARN()).isEqualTo(version));
  }

  @Test
  void unqualifiedArnIsRefused() {
    String version = EdgeFunctions.edgeVersion(aws, "authorizer");
    String unqualified = version.substring(0, version.lastIndexOf(':'));

    assertRefused(unqualified, "The function ARN must reference a specific function version");
  }

  @Test
  void latestIsRefused() {
    String version = EdgeFunctions.edgeVersion(aws, "authorizer");

    assertRefused(version.substring(0, version.lastIndexOf(':')) + ":$LATEST", "must reference a specific function version");
  }

  @Test
  void aliasIsRefused() {
    EdgeFunctions.edgeVersion(aws, "authorizer");
    String alias = aws.lambda().createAlias(r -> r.functionName("authorizer").name("live").functionVersion("1")).aliasArn();

    assertRefused(alias, "must reference a specific function version");
  }

  @Test
  void functionOutsideUsEast1IsRefused() {
    try (LambdaClient oregon = LambdaClient.builder()
        .endpointOverride(aws.endpoint())
        .region(Region.US_WEST_2)
        .credentialsProvider(() -> AwsBasicCredentials.create(AwsEmulator.ACCESS_KEY, AwsEmulator.SECRET_KEY))
        .build()) {
      String version = EdgeFunctions.publishedVersion(oregon, "authorizer", edgeRole, r -> {});

      assertRefused(version, "The function must be in region 'us-east-1'");
    }
  }

  @Test
  void missingVersionIsRefused() {
    String version = EdgeFunctions.edgeVersion(aws, "authorizer");

    assertRefused(version.replaceAll(":1$", ":7"), "Lambda@Edge cannot retrieve the specified Lambda function");
  }

  @Test
  void functionWithEnvironmentVariablesIsRefused() {
    String version = EdgeFunctions.publishedVersion(
        aws.lambda(), "authorizer", edgeRole, EdgeFunctions.withEnvironment(Map.of("ISSUER", "https://auth.example.com")));

    assertRefused(version, "The function cannot have environment variables");
  }

  @Test
  void functionWithALayerIsRefused() {
    String layer = aws.lambda().publishLayerVersion(r -> r.layerName("deps").compatibleRuntimes(Runtime.NODEJS20_X)
            .content(c -> c.zipFile(SdkBytes.fromByteArray(EdgeFunctions.handlerZip(EdgeFunctions.HANDLER)))))
        .layerVersionArn();
    String version = EdgeFunctions.publishedVersion(aws.lambda(), "authorizer", edgeRole, r -> r.layers(layer));

    assertRefused(version, "The function cannot have a layer");
  }

  @Test
  void roleNotTrustingEdgeLambdaIsRefused() {
    String lambdaOnly = EdgeFunctions.role(aws, "lambda-only", EdgeFunctions.LAMBDA_ONLY_TRUST_POLICY);
    String version = EdgeFunctions.publishedVersion(aws.lambda(), "authorizer", lambdaOnly, r -> {});

    assertRefused(version, "must be assumable with edgelambda.amazonaws.com as well as lambda.amazonaws.com");
  }

  @Test
  void theRulesApplyToUpdatesToo() {
    String version = EdgeFunctions.edgeVersion(aws, "authorizer");
    var created = cloudFront.createDistribution(r -> r.distributionConfig(config("store-1", originWithIdentity(identity))));
    var sent = created.distribution().distributionConfig();
    String latest = version.substring(0, version.lastIndexOf(':')) + ":$LATEST";

    assertThatThrownBy(() -> cloudFront.updateDistribution(r -> r.id(created.distribution().id()).ifMatch(created.eTag())
            .distributionConfig(sent.toBuilder()
                .defaultCacheBehavior(sent.defaultCacheBehavior().toBuilder().lambdaFunctionAssociations(viewerRequest(latest)).build())
                .build())))
        .isInstanceOf(InvalidLambdaFunctionAssociationException.class);
  }

  private void assertRefused(String functionArn, String message) {
    assertThatThrownBy(() -> cloudFront.createDistribution(
            r -> r.distributionConfig(config("store-1", originWithIdentity(identity), functionArn))))
        .isInstanceOfSatisfying(InvalidLambdaFunctionAssociationException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorMessage()).contains(message);
        });
  }
}
