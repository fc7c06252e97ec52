package io.protectedfiles.operator.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult.Operation;
import io.protectedfiles.operator.api.v1alpha1.AuthorizerSpec;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.AwsResource;
import io.protectedfiles.operator.aws.OwnerTags;
import io.protectedfiles.operator.aws.iam.ObservedEdgeRole;
import io.protectedfiles.operator.edge.AuthorizerConfig;
import io.protectedfiles.operator.edge.AuthorizerSources;
import io.protectedfiles.operator.edge.EdgeBundle;
import io.protectedfiles.operator.edge.EdgeKeys;
import io.protectedfiles.operator.edge.EdgeNames;
import io.protectedfiles.operator.testsupport.AwsEmulator;
import io.protectedfiles.operator.testsupport.KubernetesApi;
import io.protectedfiles.operator.testsupport.ReconcileContext;
import io.protectedfiles.operator.testsupport.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The store's Lambda@Edge authorizer, reconciled against the API server and the emulator. */
class EdgeFunctionIT {

  @RegisterExtension static final KubernetesApi kube = new KubernetesApi();
  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  static String namespace;

  final KubernetesClient client = kube.client();
  final LambdaClient lambda = aws.lambda();
  EdgeStages edge;
  ProtectedFileStore store;

  @BeforeAll
  static void createNamespace() {
    namespace = kube.createNamespace("edge-function");
  }

  @BeforeEach
  void createStore() {
    edge = new EdgeStages(client, namespace);
    store = client.resource(Stores.store(namespace, "store-" + UUID.randomUUID().toString().substring(0, 8))).create();
  }

  @AfterEach
  void closeClients() {
    edge.close();
  }

  @Test
  void publishesTheBundleAsANumberedVersionInUsEast1() {
    ReconcileContext context = edge.reconcile(store);

    ObservedEdgeFunction recorded = AwsResource.recorded(context, ObservedEdgeFunction.class).orElseThrow();
    EdgeKeys keys = AwsResource.recorded(context, EdgeKeys.class).orElseThrow();
    String roleArn = AwsResource.recorded(context, ObservedEdgeRole.class).orElseThrow().arn();
    String name = EdgeNames.functionName(store);
    assertThat(AwsResource.recordedOperation(context, ObservedEdgeFunction.class)).contains(Operation.CREATED);
    assertThat(recorded.version()).isEqualTo("1");
    assertThat(recorded.qualifiedArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:" + name + ":1");
    assertThat(recorded.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:" + name);
    assertThat(recorded.codeSha256()).isEqualTo(expectedBundle(store, keys).codeSha256());
    assertThat(keys.signingKeySecret()).isEqualTo(store.getMetadata().getName() + "-signing-key");

    var version = lambda.getFunctionConfiguration(r -> r.functionName(name).qualifier("1"));
    assertThat(version.runtimeAsString()).isEqualTo("nodejs22.x");
    assertThat(version.handler()).isEqualTo("index.handler");
    assertThat(version.memorySize()).isEqualTo(128);
    assertThat(version.timeout()).isEqualTo(5);
    assertThat(version.role()).isEqualTo(roleArn);
    assertThat(version.environment()).isNull();
    assertThat(version.codeSha256()).isEqualTo(recorded.codeSha256());
    assertThat(lambda.listTags(r -> r.resource(recorded.functionArn())).tags())
        .containsEntry(OwnerTags.UID_KEY, store.getMetadata().getUid());
  }

  @Test
  void anUnchangedSpecPublishesNothingAndChangesNothing() {
    edge.reconcile(store);
    aws.control().clearCalls();

    ReconcileContext context = edge.reconcile(store);

    assertThat(AwsResource.recordedOperation(context, ObservedEdgeFunction.class)).contains(Operation.NONE);
    assertThat(AwsResource.recorded(context, ObservedEdgeFunction.class)).get()
        .satisfies(f -> assertThat(f.version()).isEqualTo("1"));
    assertThat(aws.control().calls()).anyMatch(c -> c.startsWith("lambda:"));
    assertThat(aws.control().mutatingCalls()).isEmpty();
    assertThat(numberedVersions()).containsExactly("1");
  }

  @Test
  void aChangedSettingPublishesANewVersionAndGoingBackReusesTheOldOne() {
    String first = recordedFunction(edge.reconcile(store)).codeSha256();

    audience(store, "another-audience");
    ObservedEdgeFunction changed = recordedFunction(edge.reconcile(store));

    assertThat(changed.version()).isEqualTo("2");
    assertThat(changed.codeSha256()).isNotEqualTo(first);

    audience(store, null);
    aws.control().clearCalls();
    ObservedEdgeFunction back = recordedFunction(edge.reconcile(store));

    assertThat(back.version()).isEqualTo("1");
    assertThat(back.codeSha256()).isEqualTo(first);
    assertThat(aws.control().mutatingCalls()).isEmpty();
  }

  @Test
  void aRestartAfterTheCodeWasUpdatedOnlyPublishes() {
    ReconcileContext context = edge.reconcile(store);
    audience(store, "another-audience");
    EdgeBundle next = expectedBundle(store, AwsResource.recorded(context, EdgeKeys.class).orElseThrow());
    lambda.updateFunctionCode(r -> r.functionName(EdgeNames.functionName(store)).zipFile(SdkBytes.fromByteArray(next.zip())));
    aws.control().clearCalls();

    ObservedEdgeFunction published = recordedFunction(edge.reconcile(store));

    assertThat(published.version()).isEqualTo("2");
    assertThat(published.codeSha256()).isEqualTo(next.codeSha256());
    assertThat(aws.control().mutatingCalls()).containsExactly("lambda:PublishVersion");
  }

  @Test
  void aVersionPublishedByHandWithOtherCodeIsNotUsed() {
    edge.reconcile(store);
    String name = EdgeNames.functionName(store);
    lambda.updateFunctionCode(r -> r.functionName(name)
        .zipFile(SdkBytes.fromByteArray(EdgeBundle.of(Map.of("index.js", "//".getBytes()), new byte[0]).zip())));
    lambda.publishVersion(r -> r.functionName(name));
    aws.control().clearCalls();

    ObservedEdgeFunction recorded = recordedFunction(edge.reconcile(store));

    assertThat(recorded.version()).isEqualTo("1");
    assertThat(aws.control().mutatingCalls()).isEmpty();
  }

  @Test
  void deletingAReplicatedFunctionDoesNotHoldTheStoreAndTheSweepDeletesItLater() {
    aws.control().configure(Map.of("lambdaReplicaSeconds", 0.5));
    String versionArn = recordedFunction(edge.reconcile(store)).qualifiedArn();
    String distribution = EdgeDistributions.runningVersion(aws.cloudFront(), store.getMetadata().getUid(), versionArn);
    ProtectedFileStore deleting = markedForDeletion(store);
    String name = EdgeNames.functionName(store);

    edge.function.delete(deleting, new ReconcileContext(client, deleting));
    edge.role.delete(deleting, new ReconcileContext(client, deleting));

    assertThat(lambda.getFunction(r -> r.functionName(name)).configuration().functionName()).isEqualTo(name);
    assertThat(aws.iam().getRole(r -> r.roleName(EdgeNames.roleName(store))).role()).isNotNull();

    EdgeDistributions.disableAndDelete(aws.cloudFront(), distribution);
    client.resource(store).delete();
    var sweeper = new EdgeFunctionSweeper(edge.clients, client, edge.settings, EdgeFunctionSweeper.DEFAULT_PERIOD);
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      sweeper.sweepOnce();
      assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName(name))).isInstanceOf(ResourceNotFoundException.class);
    });
    assertThatThrownBy(() -> aws.iam().getRole(r -> r.roleName(EdgeNames.roleName(store))))
        .isInstanceOf(NoSuchEntityException.class);
  }

  @Test
  void deletingAnUnreplicatedFunctionDeletesItAtOnce() {
    edge.reconcile(store);
    ProtectedFileStore deleting = markedForDeletion(store);

    edge.function.delete(deleting, new ReconcileContext(client, deleting));

    assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName(EdgeNames.functionName(store))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  private List<String> numberedVersions() {
    return lambda.listVersionsByFunction(r -> r.functionName(EdgeNames.functionName(store))).versions().stream()
        .map(FunctionConfiguration::version)
        .filter(v -> !v.equals("$LATEST"))
        .toList();
  }

  private static ObservedEdgeFunction recordedFunction(ReconcileContext context) {
    return AwsResource.recorded(context, ObservedEdgeFunction.class).orElseThrow();
  }

  private static EdgeBundle expectedBundle(ProtectedFileStore store, EdgeKeys keys) {
    return EdgeBundle.of(AuthorizerSources.load(), AuthorizerConfig.json(store, keys));
  }

  private static void audience(ProtectedFileStore store, String audience) {
    if (store.getSpec().getAuthorizer() == null) {
      store.getSpec().setAuthorizer(new AuthorizerSpec());
    }
    store.getSpec().getAuthorizer().setAudience(audience);
  }

  private static ProtectedFileStore markedForDeletion(ProtectedFileStore store) {
    var copy = kube.client().resource(store).get();
    copy.getMetadata().setDeletionTimestamp(Instant.now().toString());
    return copy;
  }
}
