package io.protectedfiles.operator.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.protectedfiles.operator.testsupport.AwsEmulator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The control endpoint's own contract: settings and faults are validated, and reset restores defaults. */
class ControlEndpointIT {

  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  @Test
  void defaultsAreTwoDeployReadsAndOneReplicaSecond() {
    JsonNode config = ControlEndpoint.get(aws, "/_pfs/config");

    assertThat(config.get("distributionDeployReads").asInt()).isEqualTo(2);
    assertThat(config.get("distributionDeploySeconds").isNull()).isTrue();
    assertThat(config.get("lambdaReplicaSeconds").asDouble()).isEqualTo(1.0);
  }

  @Test
  void settingSecondsReplacesReadsAndResetRestoresTheDefaults() {
    aws.control().configure(Map.of("distributionDeploySeconds", 0.25, "lambdaReplicaSeconds", 0));
    JsonNode changed = ControlEndpoint.get(aws, "/_pfs/config");
    aws.control().reset();
    JsonNode reset = ControlEndpoint.get(aws, "/_pfs/config");

    assertThat(changed.get("distributionDeploySeconds").asDouble()).isEqualTo(0.25);
    assertThat(changed.get("distributionDeployReads").isNull()).isTrue();
    assertThat(changed.get("lambdaReplicaSeconds").asDouble()).isZero();
    assertThat(reset.get("distributionDeployReads").asInt()).isEqualTo(2);
    assertThat(reset.get("lambdaReplicaSeconds").asDouble()).isEqualTo(1.0);
  }

  @Test
  void unusableSettingsAreRefused() {
    assertBadRequest("/_pfs/config", "{\"distributionDeployReads\": 1, \"distributionDeploySeconds\": 1}");
    assertBadRequest("/_pfs/config", "{\"distributionDeployReads\": -1}");
    assertBadRequest("/_pfs/config", "{\"lambdaReplicaSecond\": 1}");
    assertBadRequest("/_pfs/config", "not json");
  }

  @Test
  void unusableFaultsAreRefused() {
    assertBadRequest("/_pfs/faults", "{\"operation\": \"CreateDistribution\", \"error\": \"Teapot\"}");
    assertBadRequest("/_pfs/faults", "{\"operation\": \"CreateDistribution\", \"count\": 0, \"error\": \"Throttling\"}");
    assertBadRequest("/_pfs/faults", "{\"error\": \"Throttling\"}");
  }

  @Test
  void armedFaultsAreListedAndCanBeCleared() {
    aws.control().injectFault("lambda:PublishVersion", 2, "Throttling");

    JsonNode fault = ControlEndpoint.get(aws, "/_pfs/faults").get("faults").get(0);
    assertThat(fault.get("service").asText()).isEqualTo("lambda");
    assertThat(fault.get("operation").asText()).isEqualTo("PublishVersion");
    assertThat(fault.get("count").asInt()).isEqualTo(2);

    assertThat(ControlEndpoint.send(aws, "DELETE", "/_pfs/faults", null).body().get("faults")).isEmpty();
  }

  private static void assertBadRequest(String path, String body) {
    ControlEndpoint.Answer answer = ControlEndpoint.send(aws, "POST", path, body);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("error").asText()).isNotBlank();
  }
}
