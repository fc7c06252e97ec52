package io.protectedfiles.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.protectedfiles.operator.api.v1alpha1.AuthorizerSpec;
import io.protectedfiles.operator.api.v1alpha1.CorsSpec;
import io.protectedfiles.operator.api.v1alpha1.KeysSpec;
import io.protectedfiles.operator.api.v1alpha1.RotationSpec;
import io.protectedfiles.operator.api.v1alpha1.DeletionPolicy;
import io.protectedfiles.operator.api.v1alpha1.OriginAccessType;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.testsupport.AwsEmulator;
import io.protectedfiles.operator.testsupport.KubernetesApi;
import io.protectedfiles.operator.testsupport.OperatorUnderTest;
import io.protectedfiles.operator.testsupport.Stores;
import io.protectedfiles.operator.testsupport.Zips;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;

/** A store reconciled into the whole stack, changed, repaired, and deleted. */
class StoreLifecycleIT {

  @RegisterExtension static final KubernetesApi kube = new KubernetesApi();
  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  static final Duration RESYNC = Duration.ofSeconds(3);
  static final Duration PATIENCE = Duration.ofSeconds(90);
  static final ObjectMapper JSON = new ObjectMapper();

  static String namespace;
  static OperatorUnderTest operator;

  @BeforeAll
  static void startOperator() {
    namespace = kube.createNamespace("lifecycle");
    operator = start();
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }

  static OperatorUnderTest start() {
    return OperatorUnderTest.start(kube, OperatorUnderTest.settings(Set.of(namespace), Set.of(), RESYNC));
  }

  @Test
  void storeBecomesReadyWithTheWholeStackThroughAnOriginAccessIdentity() throws Exception {
    var store = Stores.store(namespace, "team-assets");
    var cors = new CorsSpec();
    cors.setAllowedOrigins(List.of("https://app.example.com"));
    store.getSpec().setCors(cors);
    kube.client().resource(store).create();

    ProtectedFileStore ready = awaitReady("team-assets");

    var status = ready.getStatus();
    assertThat(status.getDistribution().getDomainName()).endsWith(".cloudfront.net");
    assertThat(status.getDistribution().getStatus()).isEqualTo("Deployed");
    assertThat(status.getUrl()).isEqualTo("https://" + status.getDistribution().getDomainName());
    assertThat(status.getOriginAccess().getType()).isEqualTo("OAI");
    String bucket = status.getBucket().getName();
    String oaiId = status.getOriginAccess().getId();

    S3Client s3 = aws.s3();
    assertThat(s3.getBucketCors(b -> b.bucket(bucket)).corsRules()).singleElement()
        .satisfies(r -> assertThat(r.allowedOrigins()).containsExactly("https://app.example.com"));
    JsonNode policy = JSON.readTree(s3.getBucketPolicy(b -> b.bucket(bucket)).policy());
    assertThat(policy.get("Statement")).hasSize(1);
    JsonNode grant = policy.get("Statement").get(0);
    assertThat(grant.get("Effect").asText()).isEqualTo("Allow");
    assertThat(grant.get("Principal").get("AWS").asText())
        .isEqualTo("arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity " + oaiId);
    assertThat(grant.get("Action").isArray() ? grant.get("Action").get(0).asText() : grant.get("Action").asText())
        .isEqualTo("s3:GetObject");
    assertThat(grant.get("Resource").asText()).isEqualTo("arn:aws:s3:::" + bucket + "/*");
    assertThat(aws.cloudFront().getCloudFrontOriginAccessIdentity(b -> b.id(oaiId)).cloudFrontOriginAccessIdentity().id())
        .isEqualTo(oaiId);

    String qualifiedArn = status.getAuthorizer().getQualifiedArn();
    assertThat(qualifiedArn).startsWith("arn:aws:lambda:us-east-1:").matches(".*:[0-9]+$");
    var function = aws.lambda().getFunction(b -> b.functionName(qualifiedArn));
    assertThat(function.configuration().version()).isEqualTo(status.getAuthorizer().getVersion());
    Map<String, String> bundle = Zips.download(function.code().location());
    assertThat(bundle).containsKeys("index.js", "config.json");
    JsonNode config = JSON.readTree(bundle.get("config.json"));
    JsonNode edgeKey = config.get("keys").get("keys").get(0);
    assertThat(edgeKey.get("alg").asText()).isEqualTo("ES256");
    assertThat(edgeKey.has("d")).as("no private key at the edge").isFalse();
    assertThat(publicKeyIds(status.getSigningKeySecret())).contains(edgeKey.get("kid").asText());

    DistributionConfig distribution = aws.cloudFront()
        .getDistributionConfig(b -> b.id(status.getDistribution().getId())).distributionConfig();
    var origin = distribution.origins().items().get(0);
    assertThat(origin.domainName()).startsWith(bucket + ".s3.");
    assertThat(origin.s3OriginConfig().originAccessIdentity()).isEqualTo("origin-access-identity/cloudfront/" + oaiId);
    var association = distribution.defaultCacheBehavior().lambdaFunctionAssociations().items().get(0);
    assertThat(association.eventTypeAsString()).isEqualTo("viewer-request");
    assertThat(association.lambdaFunctionARN()).isEqualTo(qualifiedArn);
    assertThat(distribution.defaultCacheBehavior().viewerProtocolPolicyAsString()).isEqualTo("redirect-to-https");
  }

  @Test
  void originAccessControlGrantsTheDistributionBySourceArn() throws Exception {
    var store = Stores.store(namespace, "oac");
    store.getSpec().setOriginAccess(OriginAccessType.OAC);
    kube.client().resource(store).create();

    var status = awaitReady("oac").getStatus();

    assertThat(status.getOriginAccess().getType()).isEqualTo("OAC");
    JsonNode grant = JSON.readTree(aws.s3().getBucketPolicy(b -> b.bucket(status.getBucket().getName())).policy())
        .get("Statement").get(0);
    assertThat(grant.get("Principal").get("Service").asText()).isEqualTo("cloudfront.amazonaws.com");
    assertThat(grant.get("Condition").get("StringEquals").get("AWS:SourceArn").asText())
        .isEqualTo(status.getDistribution().getArn());
    var origin = aws.cloudFront().getDistributionConfig(b -> b.id(status.getDistribution().getId()))
        .distributionConfig().origins().items().get(0);
    assertThat(origin.originAccessControlId()).isEqualTo(status.getOriginAccess().getId());
  }

  @Test
  void rotatingTheKeyPublishesAVersionThatAcceptsOldAndNewAndMovesTheDistributionToIt() throws Exception {
    kube.client().resource(Stores.store(namespace, "rotate")).create();
    var before = awaitReady("rotate").getStatus();
    String firstKey = publicKeyIds(before.getSigningKeySecret()).get(0);

    var store = get("rotate");
    var keys = new KeysSpec();
    var rotation = new RotationSpec();
    rotation.setGeneration("2026-12");
    keys.setRotation(rotation);
    var authorizer = new AuthorizerSpec();
    authorizer.setKeys(keys);
    store.getSpec().setAuthorizer(authorizer);
    kube.client().resource(store).update();

    await().atMost(PATIENCE).until(() -> {
      var status = get("rotate").getStatus();
      return Stores.isTrue(get("rotate"), "Ready") && !before.getAuthorizer().getVersion().equals(status.getAuthorizer().getVersion());
    });
    var after = get("rotate").getStatus();
    List<String> secretKeys = publicKeyIds(after.getSigningKeySecret());
    assertThat(secretKeys).hasSize(2).startsWith(firstKey);
    var function = aws.lambda().getFunction(b -> b.functionName(after.getAuthorizer().getQualifiedArn()));
    JsonNode edgeKeys = JSON.readTree(Zips.download(function.code().location()).get("config.json")).get("keys").get("keys");
    assertThat(edgeKeys.findValuesAsText("kid")).containsExactlyInAnyOrderElementsOf(secretKeys);
    var association = aws.cloudFront().getDistributionConfig(b -> b.id(after.getDistribution().getId()))
        .distributionConfig().defaultCacheBehavior().lambdaFunctionAssociations().items().get(0);
    assertThat(association.lambdaFunctionARN()).isEqualTo(after.getAuthorizer().getQualifiedArn());
  }

  @Test
  void aSecondReconcileWithNothingChangedMakesNoMutatingCall() {
    kube.client().resource(Stores.store(namespace, "steady")).create();
    awaitReady("steady");
    aws.control().clearCalls();

    // Several resyncs of every store of the namespace happen in this time.
    await().pollDelay(RESYNC.multipliedBy(3)).atMost(RESYNC.multipliedBy(4)).until(() -> true);

    assertThat(aws.control().calls()).as("the resyncs did read AWS").isNotEmpty();
    assertThat(aws.control().mutatingCalls()).isEmpty();
  }

  @Test
  void aPolicyReplacedByHandIsPutBack() {
    kube.client().resource(Stores.store(namespace, "policy-drift")).create();
    String bucket = awaitReady("policy-drift").getStatus().getBucket().getName();
    S3Client s3 = aws.s3();
    String original = s3.getBucketPolicy(b -> b.bucket(bucket)).policy();

    s3.putBucketPolicy(b -> b.bucket(bucket).policy("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},\
        "Action":"s3:*","Resource":"arn:aws:s3:::%s/*"}]}""".formatted(bucket)));

    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(JSON.readTree(s3.getBucketPolicy(b -> b.bucket(bucket)).policy()))
            .isEqualTo(JSON.readTree(original)));
  }

  @Test
  void anOperatorThatLostTheStatusAfterCreatingTheDistributionFindsItAgain() {
    kube.client().resource(Stores.store(namespace, "crash")).create();
    var ready = awaitReady("crash");
    String distributionId = ready.getStatus().getDistribution().getId();
    operator.close();
    // What a crash between CreateDistribution and the status write leaves: a status without it.
    ready.setStatus(null);
    kube.client().resource(ready).patchStatus();

    operator = start();

    var again = awaitReady("crash");
    assertThat(again.getStatus().getDistribution().getId()).isEqualTo(distributionId);
    assertThat(distributionsOf(again)).hasSize(1);
  }

  @Test
  void throttlingOnCloudFrontAndLambdaStillEndsReadyWithoutDuplicates() {
    aws.control().injectFault("CreateDistribution", 3, "Throttling");
    aws.control().injectFault("PublishVersion", 3, "Throttling");
    aws.control().injectFault("CreateCloudFrontOriginAccessIdentity", 2, "ServiceUnavailable");
    aws.control().injectFault("CreateFunction", 2, "InternalError");

    kube.client().resource(Stores.store(namespace, "throttled")).create();
    var ready = awaitReady("throttled");

    assertThat(distributionsOf(ready)).hasSize(1);
    String functionArn = ready.getStatus().getAuthorizer().getFunctionArn();
    String functionName = functionArn.substring(functionArn.lastIndexOf(':') + 1);
    List<FunctionConfiguration> versions = aws.lambda().listVersionsByFunction(b -> b.functionName(functionName)).versions();
    assertThat(versions.stream().filter(v -> !"$LATEST".equals(v.version()))).hasSize(1);
    assertThat(aws.cloudFront().listCloudFrontOriginAccessIdentities(b -> {})
        .cloudFrontOriginAccessIdentityList().items().stream()
        .filter(o -> o.id().equals(ready.getStatus().getOriginAccess().getId()))).hasSize(1);
  }

  @Test
  void deletingARetainedStoreRemovesCloudFrontAndTheFunctionButKeepsTheBucket() {
    kube.client().resource(Stores.store(namespace, "goodbye")).create();
    var status = awaitReady("goodbye").getStatus();
    String bucket = status.getBucket().getName();
    aws.s3().putObject(b -> b.bucket(bucket).key("3f2a/report.pdf"), RequestBody.fromString("figures"));
    aws.control().configure(Map.of("lambdaReplicaSeconds", 1.0));

    kube.client().resources(ProtectedFileStore.class).inNamespace(namespace).withName("goodbye").delete();
    await().atMost(PATIENCE).until(() -> get("goodbye") == null);

    assertThat(aws.cloudFront().listDistributions(b -> {}).distributionList().items().stream()
        .filter(d -> d.id().equals(status.getDistribution().getId()))).isEmpty();
    assertThat(aws.cloudFront().listCloudFrontOriginAccessIdentities(b -> {})
        .cloudFrontOriginAccessIdentityList().items().stream()
        .filter(o -> o.id().equals(status.getOriginAccess().getId()))).isEmpty();
    await().atMost(PATIENCE).untilAsserted(() -> {
      operator.sweepEdgeFunctions();
      assertThat(functionExists(status.getAuthorizer().getFunctionArn())).isFalse();
    });
    assertThat(aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key("3f2a/report.pdf")).asUtf8String())
        .isEqualTo("figures");
  }

  @Test
  void deletingAStoreWithDeletePolicyKeepsANonEmptyBucketAndSaysWhy() {
    var store = Stores.store(namespace, "not-empty");
    store.getSpec().getBucket().setDeletionPolicy(DeletionPolicy.Delete);
    kube.client().resource(store).create();
    String bucket = awaitReady("not-empty").getStatus().getBucket().getName();
    aws.s3().putObject(b -> b.bucket(bucket).key("keep.txt"), RequestBody.fromString("still here"));

    kube.client().resources(ProtectedFileStore.class).inNamespace(namespace).withName("not-empty").delete();

    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(Stores.condition(get("not-empty"), "Ready")).hasValueSatisfying(c -> {
          assertThat(c.getReason()).isEqualTo("BucketNotEmpty");
          assertThat(c.getMessage()).contains(bucket).contains("still holds objects");
        }));
    assertThat(kube.client().v1().events().inNamespace(namespace).list().getItems())
        .anySatisfy(e -> {
          assertThat(e.getReason()).isEqualTo("BucketNotEmpty");
          assertThat(e.getInvolvedObject().getName()).isEqualTo("not-empty");
        });
    assertThat(aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key("keep.txt")).asUtf8String()).isEqualTo("still here");
  }

  private List<DistributionSummary> distributionsOf(ProtectedFileStore store) {
    String uid = store.getMetadata().getUid();
    return aws.cloudFront().listDistributions(b -> {}).distributionList().items().stream()
        .filter(d -> aws.cloudFront().getDistributionConfig(b -> b.id(d.id())).distributionConfig()
            .callerReference().equals(uid))
        .toList();
  }

  private List<String> publicKeyIds(String secretName) throws Exception {
    Secret secret = kube.client().secrets().inNamespace(namespace).withName(secretName).get();
    JsonNode jwks = JSON.readTree(Base64.getDecoder().decode(secret.getData().get("jwks.json")));
    return jwks.findValuesAsText("kid");
  }

  private boolean functionExists(String functionArn) {
    try {
      aws.lambda().getFunction(b -> b.functionName(functionArn));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  private static ProtectedFileStore awaitReady(String name) {
    await().atMost(PATIENCE).until(() -> Stores.isTrue(get(name), "Ready"));
    return get(name);
  }

  private static ProtectedFileStore get(String name) {
    return kube.client().resources(ProtectedFileStore.class).inNamespace(namespace).withName(name).get();
  }
}
