package io.protectedfiles.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart's Argo CD health check, run under Debian's Lua over stores in every state. */
class ArgoHealthCheckTest {

  static final Path CHECK = Cli.CHART.resolve("files/argocd-health.lua");
  static final String LUA = "lua5.4";

  @TempDir static Path dir;
  static Path harness;

  @BeforeAll
  static void requireLua() throws URISyntaxException {
    boolean onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(d -> Files.isExecutable(Path.of(d, LUA)));
    assertThat(onPath).as(LUA + " is not on PATH: run local-env/setup.sh (it installs Debian's lua5.4)").isTrue();
    harness = Path.of(ArgoHealthCheckTest.class.getResource("argocd-harness.lua").toURI());
  }

  static Stream<Arguments> stores() {
    return Stream.of(
        arguments("just created, no status yet", store(1, null, List.of()),
            "Progressing", "Waiting for the operator"),
        arguments("stage conditions but no Ready yet", store(1, 1, List.of(
            condition("BucketReady", "True", "BucketPrivate", 1))),
            "Progressing", "Waiting for the operator"),
        arguments("Ready for the current generation", store(3, 3, List.of(
            condition("Ready", "True", "Ready", 3))),
            "Healthy", ""),
        arguments("Ready, generation only in status.observedGeneration", store(2, 2, List.of(
            condition("Ready", "True", "Ready", null))),
            "Healthy", ""),
        arguments("Ready, but for an older generation (spec just changed)", store(4, 3, List.of(
            condition("Ready", "True", "Ready", 3))),
            "Progressing", "generation 4"),
        arguments("Ready unknown", store(1, 1, List.of(
            condition("Ready", "Unknown", "Reconciling", 1))),
            "Progressing", "Reconciling"),
        arguments("distribution deploying", store(1, 1, List.of(
            condition("Ready", "False", "Deploying", 1))),
            "Progressing", "Deploying"),
        arguments("in progress", store(1, 1, List.of(
            condition("Ready", "False", "InProgress", 1))),
            "Progressing", "InProgress"),
        arguments("waiting", store(1, 1, List.of(
            condition("Ready", "False", "Waiting", 1))),
            "Progressing", "Waiting"),
        arguments("summary while stages are still being built", store(1, 1, List.of(
            condition("Ready", "False", "NotReady", 1),
            condition("BucketReady", "True", "BucketPrivate", 1),
            condition("DistributionDeployed", "False", "InProgress", 1),
            condition("AuthorizerPublished", "Unknown", "Waiting", 1))),
            "Progressing", "NotReady"),
        arguments("summary over a stage that failed for good", store(1, 1, List.of(
            condition("Ready", "False", "NotReady", 1),
            condition("BucketReady", "False", "BucketOwnedByAnotherStore", 1),
            condition("OriginAccessReady", "Unknown", "Waiting", 1))),
            "Degraded", "BucketReady BucketOwnedByAnotherStore: about BucketReady"),
        arguments("bucket name taken", store(1, 1, List.of(
            condition("Ready", "False", "BucketNameTaken", 1))),
            "Degraded", "BucketNameTaken"),
        arguments("adoption not allowed", store(2, 2, List.of(
            condition("Ready", "False", "AdoptionNotAllowed", 2))),
            "Degraded", "AdoptionNotAllowed"),
        arguments("invalid certificate", store(5, 5, List.of(
            condition("Ready", "False", "InvalidCertificate", 5))),
            "Degraded", "InvalidCertificate: about Ready"),
        arguments("a failure reported for an older generation", store(6, 5, List.of(
            condition("Ready", "False", "InvalidCertificate", 5))),
            "Progressing", "generation 6"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void health(String description, Map<String, Object> store, String status, String messagePart) throws Exception {
    Path resource = Files.createTempFile(dir, "store", ".lua");
    Files.writeString(resource, "return " + LuaLiteral.of(store) + "\n");

    List<String> answer = runCheck(resource);

    assertThat(answer.get(0)).as("status").isEqualTo(status);
    assertThat(answer.get(1)).as("message").contains(messagePart);
  }

  private static List<String> runCheck(Path resource) throws IOException, InterruptedException {
    Process lua = new ProcessBuilder(LUA, harness.toString(), CHECK.toString(), resource.toString())
        .redirectErrorStream(true).start();
    String output = new String(lua.getInputStream().readAllBytes());
    assertThat(lua.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(lua.exitValue()).as("lua5.4 failed:\n%s", output).isZero();
    return List.of(output.split("\n", -1));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> store(long generation, Integer observedGeneration, List<String> conditions) {
    String status = observedGeneration == null && conditions.isEmpty() ? "" : """
        status:
          observedGeneration: %s
          conditions: [%s]
        """.formatted(observedGeneration, String.join(", ", conditions));
    return Serialization.unmarshal("""
        apiVersion: protectedfiles.io/v1alpha1
        kind: ProtectedFileStore
        metadata: {name: team-assets, namespace: acme, generation: %d}
        spec: {bucket: {deletionPolicy: Retain}}
        %s""".formatted(generation, status), Map.class);
  }

  private static String condition(String type, String status, String reason, Integer observedGeneration) {
    return "{type: %s, status: '%s', reason: %s, message: 'about %s', lastTransitionTime: '2026-01-01T00:00:00Z'%s}"
        .formatted(type, status, reason, type,
            observedGeneration == null ? "" : ", observedGeneration: " + observedGeneration);
  }
}
