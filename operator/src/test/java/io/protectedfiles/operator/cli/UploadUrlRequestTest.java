package io.protectedfiles.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protectedfiles.operator.cli.UploadUrlRequest.Method;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UploadUrlRequestTest {

  @Test
  void putOfOneKeyByDefault() throws Exception {
    var request = UploadUrlRequest.parse(new String[] {"--store", "team-assets", "--key", "3f2a/report.pdf"}, false);

    assertThat(request).isEqualTo(new UploadUrlRequest(
        null, "team-assets", "3f2a/report.pdf", false, Method.PUT, Duration.ofMinutes(15), null, null, false, false));
  }

  @Test
  void postWithPrefixTypeSizeAndPathStyle() throws Exception {
    var request = UploadUrlRequest.parse(new String[] {"--namespace", "acme", "--store", "s", "--key-prefix", "3f2a/",
        "--method", "post", "--ttl", "1h", "--content-type", "image/png", "--max-bytes", "1000000", "--path-style"}, false);

    assertThat(request).isEqualTo(new UploadUrlRequest(
        "acme", "s", "3f2a/", true, Method.POST, Duration.ofHours(1), "image/png", 1_000_000L, true, false));
  }

  @Test
  void pathStyleCanComeFromTheEnvironment() throws Exception {
    assertThat(UploadUrlRequest.parse(new String[] {"--store", "s", "--key", "k"}, true).pathStyle()).isTrue();
  }

  @Test
  void refusesWhatAPresignedUploadCannotDo() {
    assertThatThrownBy(() -> parse("--store", "s", "--key", "k", "--max-bytes", "10")).hasMessageContaining("--max-bytes needs --method POST");
    assertThatThrownBy(() -> parse("--store", "s", "--key-prefix", "p/")).hasMessageContaining("--key-prefix needs --method POST");
    assertThatThrownBy(() -> parse("--store", "s", "--key", "k", "--key-prefix", "p/", "--method", "POST"))
        .hasMessageContaining("give one of --key");
    assertThatThrownBy(() -> parse("--store", "s")).hasMessageContaining("give one of --key");
    assertThatThrownBy(() -> parse("--store", "s", "--key", "/k")).hasMessageContaining("must not start with /");
    assertThatThrownBy(() -> parse("--store", "s", "--key", "k", "--method", "GET")).hasMessageContaining("PUT or POST");
    assertThatThrownBy(() -> parse("--store", "s", "--key", "k", "--ttl", "8d")).hasMessageContaining("at most 7d");
    assertThatThrownBy(() -> parse("--store", "s", "--key", "k", "--ttl", "0m")).hasMessageContaining("must be positive");
    assertThatThrownBy(() -> parse("--store", "s", "--key", "k", "--method", "POST", "--max-bytes", "lots"))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> parse("--store", "s", "--key", "k", "--method", "POST", "--max-bytes", "0"))
        .hasMessageContaining("from 1 to");
  }

  @Test
  void badArgumentsExitWithTwo() {
    var err = new ByteArrayOutputStream();

    int exit = UploadUrlCommand.run(new String[] {"--store", "s"}, print(new ByteArrayOutputStream()), print(err));

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("upload-url: give one of --key", "usage: upload-url");
  }

  private static UploadUrlRequest parse(String... args) throws UsageError {
    return UploadUrlRequest.parse(args, false);
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
