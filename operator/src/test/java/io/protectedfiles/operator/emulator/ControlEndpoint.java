package io.protectedfiles.operator.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protectedfiles.operator.testsupport.AwsEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Raw reads of the emulator's control endpoint, for the tests of the endpoint itself: the full JSON
 * documents, where {@code EmulatorControl} gives the operator's tests a summary.
 */
final class ControlEndpoint {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ControlEndpoint() {}

  record Answer(int status, JsonNode body) {}

  static JsonNode get(AwsEmulator aws, String path) {
    Answer answer = send(aws, "GET", path, null);
    if (answer.status() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + answer.status() + ": " + answer.body());
    }
    return answer.body();
  }

  static Answer send(AwsEmulator aws, String method, String path, String jsonBody) {
    var request = HttpRequest.newBuilder(aws.endpoint().resolve(path))
        .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody))
        .header("Content-Type", "application/json")
        .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
