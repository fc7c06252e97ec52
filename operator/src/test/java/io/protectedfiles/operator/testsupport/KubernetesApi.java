package io.protectedfiles.operator.testsupport;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real kube-apiserver with etcd, built by local-env/setup.sh, started once per test JVM and
 * shared by every test class; classes keep apart through namespaces of their own. The committed CRD
 * from crds/ is installed at start, so the tests run against exactly what users apply.
 */
public final class KubernetesApi implements BeforeAllCallback {

  public static final Path CRD_FILE = LocalEnvironment.projectRoot()
      .resolve("crds/protectedfilestores.protectedfiles.io-v1.yml");

  private static Running running;

  @Override
  public void beforeAll(ExtensionContext context) {
    running();
  }

  public KubernetesClient client() {
    return running().client;
  }

  public String kubeconfigYaml() {
    return running().kubeconfig;
  }

  /** A fresh namespace whose name starts with the given prefix. */
  public String createNamespace(String prefix) {
    String name = (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    return name;
  }

  private static synchronized Running running() {
    if (running == null) {
      running = Running.start();
      Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "kube-apiserver-stop"));
    }
    return running;
  }

  private static final class Running {
    final KubeAPIServer server;
    final String kubeconfig;
    final KubernetesClient client;

    private Running(KubeAPIServer server, String kubeconfig, KubernetesClient client) {
      this.server = server;
      this.kubeconfig = kubeconfig;
      this.client = client;
    }

    static Running start() {
      String version = LocalEnvironment.version("KUBERNETES_VERSION");
      Path binaries = LocalEnvironment.cacheDir().resolve("k8s").resolve(version + "-linux-amd64");
      LocalEnvironment.requireExecutable(binaries.resolve("kube-apiserver"));
      LocalEnvironment.requireExecutable(binaries.resolve("etcd"));
      var server = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
          .withTestDir(LocalEnvironment.cacheDir().toString())
          .withApiServerVersion(version)
          .withOfflineMode(true)
          .withUpdateKubeConfig(false)
          .withStartupTimeout(120_000)
          .build());
      server.start();
      String kubeconfig = server.getKubeConfigYaml();
      var client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build();
      installCrd(client);
      return new Running(server, kubeconfig, client);
    }

    private static void installCrd(KubernetesClient client) {
      try (InputStream in = Files.newInputStream(CRD_FILE)) {
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
        client.resource(crd).serverSideApply();
        client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
            .waitUntilCondition(c -> c.getStatus() != null && c.getStatus().getConditions().stream()
                .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 60, TimeUnit.SECONDS);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void stop() {
      client.close();
      server.stop();
    }
  }
}
