package io.protectedfiles.operator.observability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoints Kubernetes and Prometheus poll: {@code /healthz} (liveness: the process answers),
 * {@code /readyz} (readiness: the operator has started and its informers are healthy) and
 * {@code /metrics} (Prometheus text format).
 */
public final class ObservabilityServer implements AutoCloseable {

  public static final String PORT = "PFS_METRICS_PORT";
  static final int DEFAULT_PORT = 8080;
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private static final Logger log = LoggerFactory.getLogger(ObservabilityServer.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final Supplier<String> metrics;
  private final BooleanSupplier ready;

  private ObservabilityServer(HttpServer server, Supplier<String> metrics, BooleanSupplier ready) {
    this.server = server;
    this.metrics = metrics;
    this.ready = ready;
    // Two threads so that a slow scrape never delays a probe.
    this.executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "observability-http");
      t.setDaemon(true);
      return t;
    });
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  /**
   * @param port 0 for any free port
   * @param metrics the Prometheus text to serve
   * @param ready whether the operator is ready to reconcile
   */
  public static ObservabilityServer start(int port, Supplier<String> metrics, BooleanSupplier ready) {
    try {
      var server = new ObservabilityServer(HttpServer.create(new InetSocketAddress(port), 0), metrics, ready);
      server.server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port + " for health and metrics", e);
    }
  }

  /** The port from {@value #PORT}, {@value #DEFAULT_PORT} when unset. */
  public static int port(Map<String, String> env) {
    String value = env.get(PORT);
    if (value == null || value.isBlank()) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(PORT + " must be a port number (1-65535), got '" + value.trim() + "'");
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
        return;
      }
      switch (exchange.getRequestURI().getPath()) {
        case "/healthz" -> respond(exchange, 200, "text/plain; charset=utf-8", "ok\n");
        case "/readyz" -> {
          boolean readyNow = isReady();
          respond(exchange, readyNow ? 200 : 503, "text/plain; charset=utf-8", readyNow ? "ready\n" : "not ready\n");
        }
        case "/metrics" -> respond(exchange, 200, PROMETHEUS_TEXT, metrics.get());
        default -> respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
      }
    } catch (RuntimeException e) {
      log.warn("answering {} failed", exchange.getRequestURI(), e);
      throw e;
    }
  }

  private boolean isReady() {
    try {
      return ready.getAsBoolean();
    } catch (RuntimeException e) {
      log.warn("readiness check failed", e);
      return false;
    }
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
