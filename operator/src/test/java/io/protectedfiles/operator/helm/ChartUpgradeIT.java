package io.protectedfiles.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.protectedfiles.operator.testsupport.KubernetesApi;
import io.protectedfiles.operator.testsupport.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * helm install, upgrade to a chart whose CRD gained a field, and uninstall, against a real API
 * server. Each test uses copies of the chart whose CRD has a group of its own, so that the CRD the
 * other tests run against is never touched.
 */
class ChartUpgradeIT {

  @RegisterExtension static final KubernetesApi kube = new KubernetesApi();

  static final String NEW_FIELD = "upgradeProbe";

  static Path kubeconfig;
  @TempDir Path dir;

  @BeforeAll
  static void writeKubeconfig() {
    kubeconfig = Cli.writeKubeconfig(kube.kubeconfigYaml());
  }

  @Test
  void upgradingTheReleaseUpgradesTheCrdAndUninstallingKeepsIt() throws IOException {
    String group = uniqueGroup();
    Path v1 = chartCopy("v1", group, false);
    Path v2 = chartCopy("v2", group, true);
    String namespace = kube.createNamespace("pfs-helm");
    String release = "pfs-" + suffix();

    String installed = helm("install", release, v1.toString(), "--namespace", namespace);
    assertThat(installed).contains("STATUS: deployed", "kubectl wait -n NAMESPACE --for=condition=Ready pfs/team-assets");
    awaitEstablished(group);
    assertThat(specProperties(group).has(NEW_FIELD)).isFalse();
    assertThat(storeKeeps(group, namespace, "before")).as("the API server prunes a field its CRD lacks").isFalse();

    helm("upgrade", release, v2.toString(), "--namespace", namespace);
    await().atMost(Duration.ofSeconds(30)).until(() -> specProperties(group).has(NEW_FIELD));
    awaitEstablished(group);
    assertThat(storeKeeps(group, namespace, "after")).as("the upgraded CRD keeps the new field").isTrue();

    helm("uninstall", release, "--namespace", namespace);
    assertThat(kube.client().apps().deployments().inNamespace(namespace).list().getItems()).isEmpty();
    assertThat(crd(group)).as("the CRD is kept (helm.sh/resource-policy: keep)").isNotNull();
  }

  @Test
  void withoutKeepUninstallingRemovesTheCrd() throws IOException {
    String group = uniqueGroup();
    Path chart = chartCopy("v1", group, false);
    String namespace = kube.createNamespace("pfs-helm");
    String release = "pfs-" + suffix();
    helm("install", release, chart.toString(), "--namespace", namespace, "--set", "crds.keep=false");
    awaitEstablished(group);

    helm("uninstall", release, "--namespace", namespace);

    await().atMost(Duration.ofSeconds(60)).until(() -> crd(group) == null);
  }

  private String helm(String... args) {
    String[] all = Stream.concat(Stream.of(args), Stream.of("--kubeconfig", kubeconfig.toString())).toArray(String[]::new);
    return Cli.helm(all);
  }

  /** A copy of the chart whose CRD is in the given group, with or without the new spec field. */
  private Path chartCopy(String name, String group, boolean withNewField) throws IOException {
    Path copy = dir.resolve(name);
    try (Stream<Path> files = Files.walk(Cli.CHART)) {
      for (Path source : files.toList()) {
        Path target = copy.resolve(Cli.CHART.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    Path crdFile = copy.resolve("files/crds").resolve(ChartCrdIsInSyncTest.FILE);
    ObjectNode crd = (ObjectNode) Rendered.YAML.readTree(crdFile.toFile());
    ((ObjectNode) crd.path("metadata")).put("name", "protectedfilestores." + group);
    ((ObjectNode) crd.path("spec")).put("group", group);
    if (withNewField) {
      ((ObjectNode) crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties"))
          .putObject(NEW_FIELD).put("type", "string").put("description", "added by the chart upgrade test");
    }
    Rendered.YAML.writeValue(crdFile.toFile(), crd);
    return copy;
  }

  /** Whether a store created now keeps a value in the new field. */
  private static boolean storeKeeps(String group, String namespace, String name) {
    var context = new ResourceDefinitionContext.Builder()
        .withGroup(group).withVersion("v1alpha1").withKind("ProtectedFileStore").withPlural("protectedfilestores")
        .withNamespaced(true).build();
    GenericKubernetesResource store = Stores.fromYaml(namespace, """
        apiVersion: %s/v1alpha1
        kind: ProtectedFileStore
        metadata: {name: %s}
        spec: {%s: hello}
        """.formatted(group, name, NEW_FIELD));
    var created = kube.client().genericKubernetesResources(context).inNamespace(namespace).resource(store).create();
    return created.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec && "hello".equals(spec.get(NEW_FIELD));
  }

  private static JsonNode specProperties(String group) {
    JsonNode crd = Rendered.YAML.valueToTree(crd(group));
    return crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties");
  }

  private static void awaitEstablished(String group) {
    kube.client().apiextensions().v1().customResourceDefinitions().withName("protectedfilestores." + group)
        .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions().stream()
            .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 60, TimeUnit.SECONDS);
  }

  private static CustomResourceDefinition crd(String group) {
    return kube.client().apiextensions().v1().customResourceDefinitions().withName("protectedfilestores." + group).get();
  }

  private static String uniqueGroup() {
    return "t" + suffix() + ".protectedfiles.io";
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
