package io.protectedfiles.operator.testsupport;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.protectedfiles.operator.OperatorRuntime;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.config.OperatorSettings;
import java.time.Duration;
import java.util.Set;

/**
 * The operator's production wiring, run inside the test JVM against the shared API server and
 * emulator, watching only the test class's own namespaces.
 */
public final class OperatorUnderTest implements AutoCloseable {

  private final KubernetesClient client;
  private final OperatorRuntime runtime;

  private OperatorUnderTest(KubernetesClient client, OperatorRuntime runtime) {
    this.client = client;
    this.runtime = runtime;
  }

  public static OperatorUnderTest start(KubernetesApi kube, OperatorSettings settings) {
    var client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kube.kubeconfigYaml())).build();
    var runtime = new OperatorRuntime(client, settings, new AwsClients(settings));
    runtime.start();
    return new OperatorUnderTest(client, runtime);
  }

  /**
   * Settings for tests: the given namespaces, a short resync, path-style S3 as the emulator needs,
   * and a quick look again while the emulator "deploys" a distribution.
   */
  public static OperatorSettings settings(Set<String> namespaces, Set<String> adoptionNamespaces, Duration resync) {
    return new OperatorSettings(
        namespaces, adoptionNamespaces, resync, true, null, Duration.ofMinutes(15), Duration.ofSeconds(1));
  }

  /** Runs the sweep of edge functions left behind now, instead of waiting for its period. */
  public void sweepEdgeFunctions() {
    runtime.sweeper().sweepOnce();
  }

  @Override
  public void close() {
    runtime.close();
    client.close();
  }
}
