package io.protectedfiles.operator.e2e;

import io.protectedfiles.operator.testsupport.AwsEmulator;
import io.protectedfiles.operator.testsupport.LocalEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * local-env/edge/server.js, started as a person starts it, on a free port, in front of a store's
 * bucket with the authorizer version the operator published. Its output goes to a log file.
 */
final class LocalEdgeProcess implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("^local-edge listening on (http://\\S+) \\(development tool");
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final URI url;

  private LocalEdgeProcess(Process process, URI url) {
    this.process = process;
    this.url = url;
  }

  static LocalEdgeProcess start(URI awsEndpoint, String qualifiedArn, String bucket, String bucketRegion, Path log) {
    var builder = new ProcessBuilder("node", "local-env/edge/server.js", "--aws", awsEndpoint.toString(),
        "--function", qualifiedArn, "--bucket", bucket, "--bucket-region", bucketRegion, "--port", "0")
        .directory(LocalEnvironment.projectRoot().toFile())
        .redirectErrorStream(true);
    builder.environment().put("AWS_ACCESS_KEY_ID", AwsEmulator.ACCESS_KEY);
    builder.environment().put("AWS_SECRET_ACCESS_KEY", AwsEmulator.SECRET_KEY);
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Process process = builder.start();
      return new LocalEdgeProcess(process, awaitListening(process, log));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI url() {
    return url;
  }

  private static URI awaitListening(Process process, Path log) {
    var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    var listening = new CompletableFuture<URI>();
    Thread pump = new Thread(() -> {
      try (reader; var out = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        String line;
        while ((line = reader.readLine()) != null) {
          out.write(line);
          out.newLine();
          out.flush();
          Matcher matcher = LISTENING.matcher(line);
          if (matcher.find()) {
            listening.complete(URI.create(matcher.group(1)));
          }
        }
      } catch (IOException e) {
        listening.completeExceptionally(e);
      }
      listening.completeExceptionally(new IllegalStateException("the local edge exited; see " + log));
    }, "local-edge-output");
    pump.setDaemon(true);
    pump.start();
    try {
      return listening.get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("the local edge did not start within " + STARTUP_TIMEOUT + "; see " + log, e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
