package io.protectedfiles.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.protectedfiles.operator.OperatorRuntime;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.observability.ObservabilityServer;
import io.protectedfiles.operator.observability.OperatorMetrics;
import io.protectedfiles.operator.testsupport.AwsEmulator;
import io.protectedfiles.operator.testsupport.KubernetesApi;
import io.protectedfiles.operator.testsupport.OperatorUnderTest;
import io.protectedfiles.operator.testsupport.Stores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chart's ServiceAccount and RBAC (watched-namespaces mode), applied to a real API server, and
 * used through impersonation: enough for the operator to reconcile a store to Ready, and no more.
 */
class ChartRbacIT {

  @RegisterExtension static final KubernetesApi kube = new KubernetesApi();
  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  static final String ACCOUNT = "pfs-protected-file-store-operator";
  static final String LEASE = "pfs-protected-file-store-operator";

  static String releaseNamespace;
  static String watched;
  static String unwatched;
  static KubernetesClient asOperator;

  @BeforeAll
  static void applyTheChartsRbac() {
    releaseNamespace = kube.createNamespace("pfs-system");
    watched = kube.createNamespace("pfs-watched");
    unwatched = kube.createNamespace("pfs-unwatched");
    String manifests = Cli.helm("template", "pfs", Cli.CHART.toString(), "--namespace", releaseNamespace,
        "--set", "watchNamespaces={" + watched + "}",
        "--show-only", "templates/serviceaccount.yaml",
        "--show-only", "templates/rbac.yaml",
        "--show-only", "templates/leader-election-rbac.yaml");
    Path kubeconfig = Cli.writeKubeconfig(kube.kubeconfigYaml());
    Cli.kubectl(kubeconfig, manifests, "apply", "-f", "-").requireSuccess();

    Config config = Config.fromKubeconfig(kube.kubeconfigYaml());
    config.setImpersonateUsername("system:serviceaccount:" + releaseNamespace + ":" + ACCOUNT);
    asOperator = new KubernetesClientBuilder().withConfig(config).build();
  }

  @AfterAll
  static void closeClient() {
    asOperator.close();
  }

  @Test
  void mayWorkOnStoresEventsAndSecretsInAWatchedNamespace() {
    kube.client().resource(Stores.store(watched, "allowed")).create();
    var stores = asOperator.resources(ProtectedFileStore.class).inNamespace(watched);

    assertThat(stores.list().getItems()).extracting(s -> s.getMetadata().getName()).contains("allowed");
    stores.watch(new IgnoringWatcher()).close();
    stores.withName("allowed").edit(s -> {
      s.getMetadata().getFinalizers().add("protectedfiles.io/test");
      return s;
    });
    asOperator.v1().events().inNamespace(watched).resource(new EventBuilder()
        .withNewMetadata().withGenerateName("allowed.").endMetadata()
        .withNewInvolvedObject().withKind("ProtectedFileStore").withName("allowed").withNamespace(watched).endInvolvedObject()
        .withReason("Test").withMessage("recorded as the operator").withType("Normal")
        .build()).create();
    var secrets = asOperator.secrets().inNamespace(watched);
    secrets.resource(new SecretBuilder().withNewMetadata().withName("allowed-signing-key").endMetadata()
        .addToStringData("jwks.json", "{}").build()).create();
    assertThat(secrets.withName("allowed-signing-key").get()).isNotNull();
    secrets.withName("allowed-signing-key").delete();
    stores.withName("allowed").edit(s -> {
      s.getMetadata().getFinalizers().remove("protectedfiles.io/test");
      return s;
    });
  }

  @Test
  void isRefusedWhatTheOperatorNeverDoes() {
    kube.client().resource(Stores.store(watched, "refused")).create();

    assertForbidden(() -> asOperator.secrets().inNamespace(unwatched).withName("anything").get());
    assertForbidden(() -> asOperator.secrets().inNamespace(unwatched).list());
    assertForbidden(() -> asOperator.resources(ProtectedFileStore.class).inNamespace(unwatched).list());
    assertForbidden(() -> asOperator.resources(ProtectedFileStore.class).inAnyNamespace().list());
    assertForbidden(() -> asOperator.resources(ProtectedFileStore.class).inNamespace(watched).withName("refused").delete());
    assertForbidden(() -> asOperator.resource(Stores.store(watched, "created-by-operator")).create());
    assertForbidden(() -> asOperator.namespaces().list());
    assertForbidden(() -> asOperator.apiextensions().v1().customResourceDefinitions().list());
    assertForbidden(() -> asOperator.configMaps().inNamespace(watched).list());
    assertForbidden(() -> asOperator.leases().inNamespace(watched).list());
    assertForbidden(() -> asOperator.leases().inNamespace(releaseNamespace).withName("someone-elses-lease").get());
  }

  @Test
  void theOperatorRunningAsTheServiceAccountReconcilesAStoreToReady() throws Exception {
    var settings = OperatorUnderTest.settings(Set.of(watched), Set.of(), Duration.ofSeconds(5));
    var metrics = new OperatorMetrics();
    // Not exiting on lost leadership (as production does): this JVM runs other tests too.
    var election = new LeaderElectionConfiguration(LEASE, releaseNamespace,
        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE, LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE, "test-replica", null, false);
    var runtime = new OperatorRuntime(asOperator, settings, new AwsClients(settings, List.of(metrics.awsCalls())),
        metrics.storeConditions(), o -> {
      o.withMetrics(metrics.reconciles());
      o.withLeaderElectionConfiguration(election);
    });
    try (var server = ObservabilityServer.start(0, metrics::scrape,
        () -> runtime.runtimeInfo().isStarted() && runtime.runtimeInfo().allEventSourcesAreHealthy())) {
      runtime.start();
      kube.client().resource(Stores.store(watched, "team-assets")).create();

      await().atMost(Duration.ofSeconds(120)).until(() -> Stores.isTrue(store("team-assets"), "Ready"));

      assertThat(kube.client().leases().inNamespace(releaseNamespace).withName(LEASE).get().getSpec().getHolderIdentity())
          .isEqualTo("test-replica");
      assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);
      String scraped = get(server, "/metrics").body();
      assertThat(scraped).containsPattern("pfs_aws_calls_seconds_count\\{operation=\"CreateBucket\",outcome=\"success\",service=\"S3\"} 1");
      assertThat(scraped).contains("operator_sdk_reconciliations_success_total");

      kube.client().resources(ProtectedFileStore.class).inNamespace(watched).withName("team-assets").delete();
      await().atMost(Duration.ofSeconds(120)).until(() -> store("team-assets") == null);
    } finally {
      runtime.close();
    }
  }

  private static ProtectedFileStore store(String name) {
    return kube.client().resources(ProtectedFileStore.class).inNamespace(watched).withName(name).get();
  }

  private static HttpResponse<String> get(ObservabilityServer server, String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertForbidden(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
  }

  private static final class IgnoringWatcher implements Watcher<ProtectedFileStore> {
    @Override
    public void eventReceived(Action action, ProtectedFileStore resource) {}

    @Override
    public void onClose(WatcherException cause) {}
  }
}
