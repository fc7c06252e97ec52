package io.protectedfiles.operator.e2e;

import io.protectedfiles.operator.testsupport.LocalEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The browser test (browser/, `npm test`: headless Chromium through playwright-core), run against a
 * store this JVM has set up, described to it by environment variables.
 */
final class BrowserTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private BrowserTest() {}

  /** @return the test run's output; throws when it did not pass */
  static String run(Map<String, String> store, Path log) {
    Path browser = LocalEnvironment.projectRoot().resolve("browser");
    requirePresent(browser.resolve("node_modules/playwright-core"), "cd browser && npm ci (local-env/test-all.sh does)");
    requirePresent(CHROMIUM, "local-env/install-browser.sh (local-env/test-all.sh does)");
    var builder = new ProcessBuilder(List.of("npm", "test"))
        .directory(browser.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(store);
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the browser test did not finish within " + TIMEOUT + "; see " + log);
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new AssertionError("the browser test failed (exit " + process.exitValue() + "); its output:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void requirePresent(Path path, String remedy) {
    if (!Files.exists(path)) {
      throw new IllegalStateException(path + " is missing: run " + remedy);
    }
  }
}
