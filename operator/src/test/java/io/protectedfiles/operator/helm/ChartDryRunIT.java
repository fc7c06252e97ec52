package io.protectedfiles.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.protectedfiles.operator.testsupport.KubernetesApi;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rendered chart is accepted by a real API server (server-side dry run: schema, admission, RBAC
 * escalation checks), in a namespace that enforces the restricted Pod Security profile.
 */
class ChartDryRunIT {

  @RegisterExtension static final KubernetesApi kube = new KubernetesApi();

  static Path kubeconfig;

  @BeforeAll
  static void writeKubeconfig() {
    kubeconfig = Cli.writeKubeconfig(kube.kubeconfigYaml());
  }

  @Test
  void defaultValues() {
    String namespace = restrictedNamespace();

    String applied = dryRun(namespace);

    assertThat(applied).contains(
        "customresourcedefinition.apiextensions.k8s.io/protectedfilestores.protectedfiles.io",
        "clusterrole.rbac.authorization.k8s.io/pfs-protected-file-store-operator created (server dry run)",
        "role.rbac.authorization.k8s.io/pfs-protected-file-store-operator-leader-election created (server dry run)",
        "deployment.apps/pfs-protected-file-store-operator created (server dry run)");
  }

  @Test
  void watchedNamespaces() {
    String namespace = restrictedNamespace();
    String teamA = kube.createNamespace("pfs-team-a");
    String teamB = kube.createNamespace("pfs-team-b");

    String applied = dryRun(namespace, "watchNamespaces={" + teamA + "," + teamB + "}");

    assertThat(applied)
        .contains("role.rbac.authorization.k8s.io/pfs-protected-file-store-operator created (server dry run)")
        .doesNotContain("clusterrole.rbac");
  }

  @Test
  void twoReplicasWithTheArgoHealthConfigMap() {
    String namespace = restrictedNamespace();

    String applied = dryRun(namespace, "replicaCount=2", "argocd.healthCheckConfigMap.enabled=true");

    assertThat(applied).contains(
        "deployment.apps/pfs-protected-file-store-operator created (server dry run)",
        "configmap/pfs-protected-file-store-operator-argocd-health created (server dry run)");
  }

  @Test
  void thePodSecurityCheckIsLiveAndWouldCatchAnEscalation() {
    String namespace = restrictedNamespace();

    var result = apply(namespace, "securityContext.allowPrivilegeEscalation=true");

    assertThat(result.stderr()).contains("would violate PodSecurity \"restricted:latest\"");
  }

  /** Applies the rendered chart with a server-side dry run; fails on any error or Pod Security warning. */
  private static String dryRun(String namespace, String... sets) {
    var result = apply(namespace, sets).requireSuccess();
    assertThat(result.stderr()).doesNotContain("PodSecurity");
    return result.stdout();
  }

  private static Cli.Result apply(String namespace, String... sets) {
    String manifests = Rendered.chart(namespace, sets).yaml();
    return Cli.kubectl(kubeconfig, manifests, "apply", "--dry-run=server", "-f", "-");
  }

  /** A fresh namespace whose pods must meet the restricted profile; workloads that would not are warned about. */
  private static String restrictedNamespace() {
    String name = kube.createNamespace("pfs-system");
    kube.client().namespaces().withName(name).edit(n -> new NamespaceBuilder(n).editMetadata()
        .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
        .addToLabels("pod-security.kubernetes.io/warn", "restricted")
        .endMetadata().build());
    return name;
  }
}
