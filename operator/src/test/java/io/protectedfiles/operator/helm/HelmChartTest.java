package io.protectedfiles.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chart lints, renders, and renders what a platform team's review asks for. */
class HelmChartTest {

  static final String NS = "pfs-system";

  /** What the operator does with the Kubernetes API: the rules of its (Cluster)Role, exactly. */
  static final List<String> OPERATOR_RULES = List.of(
      "protectedfiles.io protectedfilestores [get, list, watch, patch, update]",
      "protectedfiles.io protectedfilestores/status [get, patch, update]",
      "protectedfiles.io protectedfilestores/finalizers [update]",
      " events [create, patch]",
      " secrets [get, list, watch, create, update, patch, delete]");

  @Test
  void lintPassesStrictly() {
    Cli.helm("lint", "--strict", Cli.CHART.toString());
    Cli.helm("lint", "--strict", Cli.CHART.toString(), "--set", "watchNamespaces={team-a,team-b}", "--set", "replicaCount=2");
  }

  @Test
  void defaultValuesRenderTheOperatorWithAClusterRole() {
    var rendered = Rendered.chart(NS);

    assertThat(rendered.kinds()).containsExactlyInAnyOrder(
        "ServiceAccount", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding",
        "Role", "RoleBinding", "Service", "Deployment");
    assertThat(rules(rendered.one("ClusterRole"))).containsExactlyElementsOf(OPERATOR_RULES);
    assertThat(rendered.documents()).filteredOn(d -> !isClusterScoped(d))
        .allSatisfy(d -> assertThat(d.at("/metadata/namespace").asText()).isEqualTo(NS));
  }

  @Test
  void watchedNamespacesGetARoleEachAndNothingClusterWide() {
    var rendered = Rendered.chart(NS, "watchNamespaces={team-a,team-b}");

    assertThat(rendered.kinds()).doesNotContain("ClusterRole", "ClusterRoleBinding");
    List<JsonNode> operatorRoles = rendered.all("Role").stream()
        .filter(r -> !r.at("/metadata/name").asText().endsWith("-leader-election")).toList();
    assertThat(operatorRoles).extracting(r -> r.at("/metadata/namespace").asText()).containsExactly("team-a", "team-b");
    assertThat(operatorRoles).allSatisfy(r -> assertThat(rules(r)).containsExactlyElementsOf(OPERATOR_RULES));
    assertThat(rendered.all("RoleBinding")).allSatisfy(b -> {
      assertThat(b.at("/subjects/0/name").asText()).isEqualTo("pfs-protected-file-store-operator");
      assertThat(b.at("/subjects/0/namespace").asText()).isEqualTo(NS);
    });
    assertThat(env(rendered)).containsEntry("PFS_WATCH_NAMESPACES", "team-a,team-b");
  }

  @Test
  void theLeaseRoleCoversOnlyTheLeaseInTheReleaseNamespace() {
    var role = Rendered.chart(NS).all("Role").stream()
        .filter(r -> r.at("/metadata/name").asText().endsWith("-leader-election")).findFirst().orElseThrow();

    assertThat(role.at("/metadata/namespace").asText()).isEqualTo(NS);
    assertThat(rules(role)).containsExactly(
        "coordination.k8s.io leases [create]",
        "coordination.k8s.io leases [get, update, patch] names [pfs-protected-file-store-operator]");
  }

  @Test
  void thePodRunsUnderTheRestrictedPodSecurityProfile() {
    JsonNode pod = Rendered.chart(NS).one("Deployment").at("/spec/template/spec");
    JsonNode container = pod.at("/containers/0");

    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
    assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(container.at("/securityContext/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
    assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/tmp");
    assertThat(pod.at("/volumes/0/emptyDir").isObject()).isTrue();
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
    assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
  }

  @Test
  void theOperatorsSettingsBecomeItsEnvironment() {
    var rendered = Rendered.chart(NS,
        "aws.region=eu-west-1",
        "aws.edgeRoleArn=arn:aws:iam::123456789012:role/edge",
        "adoptionNamespaces={legacy}",
        "resyncPeriod=PT5M",
        "extraEnv[0].name=AWS_ENDPOINT_URL", "extraEnv[0].value=http://aws.local");

    assertThat(env(rendered)).containsAllEntriesOf(Map.of(
        "AWS_REGION", "eu-west-1",
        "PFS_EDGE_ROLE_ARN", "arn:aws:iam::123456789012:role/edge",
        "PFS_WATCH_NAMESPACES", "",
        "PFS_ADOPTION_NAMESPACES", "legacy",
        "PFS_RESYNC_PERIOD", "PT5M",
        "PFS_METRICS_PORT", "8080",
        "PFS_LEADER_ELECTION", "true",
        "PFS_LEADER_ELECTION_LEASE", "pfs-protected-file-store-operator",
        "AWS_ENDPOINT_URL", "http://aws.local"));
    JsonNode podNamespace = StreamSupport.stream(container(rendered).path("env").spliterator(), false)
        .filter(e -> "POD_NAMESPACE".equals(e.path("name").asText())).findFirst().orElseThrow();
    assertThat(podNamespace.at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.namespace");
  }

  @Test
  void theServiceAccountTakesAnIrsaRole() {
    var account = Rendered.chart(NS, "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn=arn:aws:iam::123456789012:role/pfs")
        .one("ServiceAccount");

    assertThat(account.at("/metadata/annotations/eks.amazonaws.com~1role-arn").asText())
        .isEqualTo("arn:aws:iam::123456789012:role/pfs");
  }

  @Test
  void withoutLeaderElectionTheOldPodGoesBeforeTheNewOneStarts() {
    var deployment = Rendered.chart(NS, "leaderElection.enabled=false").one("Deployment");

    assertThat(deployment.at("/spec/strategy/type").asText()).isEqualTo("Recreate");
  }

  @Test
  void twoReplicasNeedLeaderElection() {
    var result = Cli.helmResult("template", "pfs", Cli.CHART.toString(), "--set", "replicaCount=2", "--set", "leaderElection.enabled=false");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("replicaCount > 1 needs leaderElection.enabled");
  }

  @Test
  void theCrdCanBeLeftOutOrLetGoOnUninstall() {
    assertThat(Rendered.chart(NS, "crds.enabled=false").kinds()).doesNotContain("CustomResourceDefinition");
    assertThat(Rendered.chart(NS, "crds.keep=false").one("CustomResourceDefinition").at("/metadata/annotations").isMissingNode())
        .isTrue();
  }

  @Test
  void serviceMonitorAndArgoHealthConfigMapAreOptional() throws IOException {
    var rendered = Rendered.chart(NS, "metrics.serviceMonitor.enabled=true", "argocd.healthCheckConfigMap.enabled=true");

    assertThat(rendered.one("ServiceMonitor").at("/spec/endpoints/0/port").asText()).isEqualTo("http-metrics");
    assertThat(rendered.one("ConfigMap").at("/data").path("resource.customizations.health.protectedfiles.io_ProtectedFileStore").asText())
        .isEqualTo(Files.readString(Cli.CHART.resolve("files/argocd-health.lua")));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "resyncPeriod=10 minutes", "replicas=2", "watchNamespaces={Team_A}", "aws.region=Frankfurt",
      "aws.edgeRoleArn=edge-role", "metrics.port=0"})
  void theSchemaRefusesMalformedValues(String set) {
    var result = Cli.helmResult("template", "pfs", Cli.CHART.toString(), "--set", set);

    assertThat(result.exitCode()).as(set).isNotZero();
    assertThat(result.stderr()).contains("values don't meet the specifications of the schema");
  }

  private static JsonNode container(Rendered rendered) {
    return rendered.one("Deployment").at("/spec/template/spec/containers/0");
  }

  private static Map<String, String> env(Rendered rendered) {
    return StreamSupport.stream(container(rendered).path("env").spliterator(), false)
        .filter(e -> e.has("value"))
        .collect(Collectors.toMap(e -> e.path("name").asText(), e -> e.path("value").asText()));
  }

  private static List<String> rules(JsonNode role) {
    return StreamSupport.stream(role.path("rules").spliterator(), false)
        .map(r -> (join(r.path("apiGroups")) + " " + join(r.path("resources")) + " " + r.path("verbs").toString()
            .replace("\"", "").replace(",", ", ")
            + (r.has("resourceNames") ? " names " + r.path("resourceNames").toString().replace("\"", "") : "")))
        .toList();
  }

  private static String join(JsonNode list) {
    return StreamSupport.stream(list.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(","));
  }

  private static boolean isClusterScoped(JsonNode document) {
    return List.of("CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding").contains(document.path("kind").asText());
  }
}
