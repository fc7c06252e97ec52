package io.protectedfiles.operator.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.protectedfiles.operator.api.v1alpha1.AuthorizerSpec;
import io.protectedfiles.operator.api.v1alpha1.AuthorizerStatus;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStoreStatus;
import io.protectedfiles.operator.aws.AwsResource;
import io.protectedfiles.operator.aws.OwnerTags;
import io.protectedfiles.operator.edge.EdgeBundle;
import io.protectedfiles.operator.testsupport.AwsEmulator;
import io.protectedfiles.operator.testsupport.KubernetesApi;
import io.protectedfiles.operator.testsupport.Stores;
import java.time.Duration;
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
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The periodic sweep of edge functions that replicas kept alive, against the API server and the emulator. */
class EdgeFunctionSweeperIT {

  @RegisterExtension static final KubernetesApi kube = new KubernetesApi();
  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  static String namespace;

  final KubernetesClient client = kube.client();
  final LambdaClient lambda = aws.lambda();
  EdgeStages edge;
  EdgeFunctionSweeper sweeper;

  @BeforeAll
  static void createNamespace() {
    namespace = kube.createNamespace("edge-sweep");
  }

  @BeforeEach
  void createSweeper() {
    aws.control().configure(Map.of("lambdaReplicaSeconds", 0.5));
    edge = new EdgeStages(client, namespace);
    sweeper = new EdgeFunctionSweeper(edge.clients, client, edge.settings, Duration.ofMillis(200));
  }

  @AfterEach
  void stopSweeper() {
    sweeper.stop();
    edge.close();
  }

  @Test
  void keepsTheVersionTheStoreRunsAndTheNewestAndDeletesTheRest() {
    ProtectedFileStore store = createStore();
    ObservedEdgeFunction first = publish(store, null);
    publish(store, "second");
    ObservedEdgeFunction third = publish(store, "third");
    publish(store, "fourth");
    String distribution = EdgeDistributions.runningVersion(aws.cloudFront(), store.getMetadata().getUid(), first.qualifiedArn());
    reportRunning(store, third.version());

    sweeper.sweepOnce();

    assertThat(numberedVersions(first.functionName())).containsExactly("1", "3", "4");

    EdgeDistributions.disableAndDelete(aws.cloudFront(), distribution);
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      sweeper.sweepOnce();
      assertThat(numberedVersions(first.functionName())).containsExactly("3", "4");
    });
  }

  @Test
  void judgesOnlyFunctionsAndRolesTaggedForStoresItWatches() {
    String role = role("pfs-edge-judged", Map.of());
    String unwatched = createFunction("pfs-edge-unwatched", role, owner("elsewhere", "gone"));
    String untagged = createFunction("pfs-edge-untagged", role, Map.of());
    String otherName = createFunction("somebody-else", role, owner(namespace, "gone"));
    String orphan = createFunction("pfs-edge-orphan", role, owner(namespace, "gone"));
    String orphanRole = role("pfs-edge-orphan", owner(namespace, "gone"));
    String unwatchedRole = role("pfs-edge-unwatched", owner("elsewhere", "gone"));

    sweeper.sweepOnce();

    assertThat(functionExists(orphan)).isFalse();
    assertThat(roleExists(orphanRole)).isFalse();
    assertThat(List.of(unwatched, untagged, otherName)).allMatch(this::functionExists);
    assertThat(List.of(unwatchedRole, role)).allMatch(this::roleExists);
  }

  @Test
  void keepsTheFunctionsOfLiveStores() {
    ProtectedFileStore store = createStore();
    ObservedEdgeFunction published = publish(store, null);

    sweeper.sweepOnce();

    assertThat(functionExists(published.functionName())).isTrue();
  }

  @Test
  void keepsSweepingOnScheduleAfterAFailedSweep() {
    String orphan = createFunction("pfs-edge-orphan", role("pfs-edge-orphan", Map.of()), owner(namespace, "gone"));
    aws.control().injectFault("lambda:ListFunctions", 20, "ServiceUnavailable");

    sweeper.start();

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> !functionExists(orphan));
  }

  private ProtectedFileStore createStore() {
    return client.resource(Stores.store(namespace, "store-" + UUID.randomUUID().toString().substring(0, 8))).create();
  }

  /** Reconciles the store with the given audience: the function as then recorded. */
  private ObservedEdgeFunction publish(ProtectedFileStore store, String audience) {
    store.getSpec().setAuthorizer(new AuthorizerSpec());
    store.getSpec().getAuthorizer().setAudience(audience);
    return AwsResource.recorded(edge.reconcile(store), ObservedEdgeFunction.class).orElseThrow();
  }

  private void reportRunning(ProtectedFileStore store, String version) {
    ProtectedFileStore current = client.resource(store).get();
    current.setStatus(new ProtectedFileStoreStatus());
    current.getStatus().setAuthorizer(new AuthorizerStatus());
    current.getStatus().getAuthorizer().setVersion(version);
    client.resource(current).updateStatus();
  }

  private Map<String, String> owner(String storeNamespace, String name) {
    return Map.of(OwnerTags.NAMESPACE_KEY, storeNamespace, OwnerTags.NAME_KEY, name, OwnerTags.UID_KEY, UUID.randomUUID().toString());
  }

  private String role(String name, Map<String, String> tags) {
    aws.iam().createRole(r -> r.roleName(name).path("/protectedfiles/")
        .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]}")
        .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
    return name;
  }

  private String createFunction(String name, String role, Map<String, String> tags) {
    String roleArn = aws.iam().getRole(r -> r.roleName(role)).role().arn();
    lambda.createFunction(r -> r.functionName(name).runtime("nodejs22.x").role(roleArn).handler("index.handler").tags(tags)
        .code(c -> c.zipFile(SdkBytes.fromByteArray(EdgeBundle.of(Map.of("index.js", new byte[0]), new byte[0]).zip()))));
    return name;
  }

  private List<String> numberedVersions(String function) {
    return lambda.listVersionsByFunction(r -> r.functionName(function)).versions().stream()
        .map(FunctionConfiguration::version)
        .filter(v -> !v.equals("$LATEST"))
        .toList();
  }

  private boolean functionExists(String name) {
    try {
      lambda.getFunction(r -> r.functionName(name));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  private boolean roleExists(String name) {
    try {
      aws.iam().getRole(r -> r.roleName(name));
      return true;
    } catch (NoSuchEntityException e) {
      return false;
    }
  }
}
