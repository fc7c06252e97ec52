package io.protectedfiles.operator.testsupport;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The emulator's test controls (local-env/emulator/README.md): reset, timings, fault injection and
 * the record of every AWS call made since the last reset.
 */
public final class EmulatorControl {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final HttpClient http = HttpClient.newHttpClient();

  EmulatorControl(URI endpoint) {
    this.endpoint = endpoint;
  }

  /** Forgets every AWS resource and puts timings, faults and the call record back to defaults. */
  public void reset() {
    send("POST", "/moto-api/reset", "");
  }

  /** Sets timings, for example {"distributionDeployReads": 1, "lambdaReplicaSeconds": 0.5}. */
  public void configure(Map<String, ?> settings) {
    send("POST", "/_pfs/config", json(settings));
  }

  /** Makes the next {@code count} calls of {@code operation} fail with {@code error}. */
  public void injectFault(String operation, int count, String error) {
    send("POST", "/_pfs/faults", json(Map.of("operation", operation, "count", count, "error", error)));
  }

  /** Every AWS call since the last reset, in order, as "service:Operation" (the API's name). */
  public List<String> calls() {
    return records().stream().map(c -> c.get("service") + ":" + c.get("operation")).collect(Collectors.toList());
  }

  /** The calls since the last reset that could change something, as "service:Operation". */
  public List<String> mutatingCalls() {
    return records().stream()
        .filter(c -> Boolean.TRUE.equals(c.get("mutating")))
        .map(c -> c.get("service") + ":" + c.get("operation"))
        .collect(Collectors.toList());
  }

  /** The emulator's full record of each call (service, operation, IAM action, mutating, status). */
  public List<Map<String, Object>> records() {
    try {
      Map<String, List<Map<String, Object>>> body =
          JSON.readValue(send("GET", "/_pfs/calls", null), new TypeReference<>() {});
      return body.get("calls");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void clearCalls() {
    send("DELETE", "/_pfs/calls", null);
  }

  private String send(String method, String path, String body) {
    var request = HttpRequest.newBuilder(endpoint.resolve(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json")
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
