package io.protectedfiles.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenRequestTest {

  @Test
  void readsTheRequest() throws Exception {
    var request = TokenRequest.parse(new String[] {
        "--namespace", "acme", "--store", "team-assets", "--path", "/3f2a/", "--path", "/shared/", "--ttl", "15m"});

    assertThat(request).isEqualTo(new TokenRequest("acme", "team-assets", List.of("/3f2a/", "/shared/"),
        Duration.ofMinutes(15), false));
  }

  @Test
  void namespaceIsOptionalAndTtlDefaultsToAnHour() throws Exception {
    var request = TokenRequest.parse(new String[] {"--store", "team-assets", "--path", "/3f2a/"});

    assertThat(request.namespace()).isNull();
    assertThat(request.ttl()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void refusesPathsTtlsAndMissingParts() {
    assertThatThrownBy(() -> TokenRequest.parse(new String[] {"--store", "s", "--path", "3f2a/"}))
        .hasMessageContaining("\"3f2a/\" must start with /");
    assertThatThrownBy(() -> TokenRequest.parse(new String[] {"--store", "s", "--path", "/a/", "--ttl", "0s"}))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> TokenRequest.parse(new String[] {"--store", "s", "--path", "/a/", "--ttl", "soon"}))
        .hasMessageContaining("is not a duration");
    assertThatThrownBy(() -> TokenRequest.parse(new String[] {"--store", "s"})).hasMessageContaining("--path is required");
    assertThatThrownBy(() -> TokenRequest.parse(new String[] {"--path", "/a/"})).hasMessageContaining("--store is required");
  }

  @Test
  void badArgumentsExitWithTwoAndUsageBeforeAnyClusterIsContacted() {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();

    int exit = TokenCommand.run(new String[] {"--store", "s", "--path", "a/"}, print(out), print(err));

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("token: --path \"a/\" must start with /", "usage: token");
  }

  @Test
  void helpPrintsUsage() {
    var out = new ByteArrayOutputStream();

    assertThat(TokenCommand.run(new String[] {"--help"}, print(out), print(new ByteArrayOutputStream()))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: token");
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
