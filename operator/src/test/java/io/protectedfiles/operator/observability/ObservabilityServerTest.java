package io.protectedfiles.operator.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ObservabilityServerTest {

  final AtomicBoolean ready = new AtomicBoolean(false);
  final OperatorMetrics metrics = new OperatorMetrics();
  final HttpClient http = HttpClient.newHttpClient();
  ObservabilityServer server;

  @BeforeEach
  void start() {
    server = ObservabilityServer.start(0, metrics::scrape, ready::get);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void livenessAnswersWhileTheOperatorIsNotReady() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(get("/readyz").statusCode()).isEqualTo(503);
  }

  @Test
  void readinessFollowsTheOperator() throws Exception {
    ready.set(true);

    assertThat(get("/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  void aFailingReadinessCheckMeansNotReady() throws Exception {
    try (var failing = ObservabilityServer.start(0, metrics::scrape, () -> {
      throw new IllegalStateException("not started");
    })) {
      var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + failing.port() + "/readyz")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(503);
    }
  }

  @Test
  void metricsAreInThePrometheusTextFormat() throws Exception {
    metrics.storeConditions().record("acme", "team-assets", true);

    var response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(ObservabilityServer.PROMETHEUS_TEXT);
    assertThat(response.body()).contains("pfs_stores{ready=\"true\"} 1.0").contains("jvm_memory_used_bytes");
  }

  @Test
  void unknownPathsAndMethodsAreRefused() throws Exception {
    assertThat(get("/admin").statusCode()).isEqualTo(404);
    var post = http.send(HttpRequest.newBuilder(uri("/metrics")).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void thePortComesFromTheEnvironment() {
    assertThat(ObservabilityServer.port(Map.of())).isEqualTo(8080);
    assertThat(ObservabilityServer.port(Map.of(ObservabilityServer.PORT, " 9090 "))).isEqualTo(9090);
    assertThatThrownBy(() -> ObservabilityServer.port(Map.of(ObservabilityServer.PORT, "http")))
        .hasMessageContaining("PFS_METRICS_PORT must be a port number");
    assertThatThrownBy(() -> ObservabilityServer.port(Map.of(ObservabilityServer.PORT, "70000")))
        .hasMessageContaining("PFS_METRICS_PORT must be a port number");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
