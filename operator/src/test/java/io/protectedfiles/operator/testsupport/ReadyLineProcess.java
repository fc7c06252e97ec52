package io.protectedfiles.operator.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child process that says on its output when it is ready: started, waited for until that line,
 * and stopped. Its output, standard error included, is appended to a log file for as long as it
 * runs, so that a failing test can point at it.
 */
public final class ReadyLineProcess implements AutoCloseable {

  private final Process process;
  private final MatchResult readyLine;

  private ReadyLineProcess(Process process, MatchResult readyLine) {
    this.process = process;
    this.readyLine = readyLine;
  }

  /**
   * Starts the process and waits until a line of its output contains a match of {@code ready}.
   *
   * @param what the process, as messages name it ("the AWS emulator")
   */
  public static ReadyLineProcess start(ProcessBuilder builder, Pattern ready, Duration timeout, Path log, String what) {
    builder.redirectErrorStream(true);
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Process process = builder.start();
      return new ReadyLineProcess(process, awaitReady(process, ready, timeout, log, what));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The match of the ready pattern, for what the line announces (an address, say). */
  public MatchResult readyLine() {
    return readyLine;
  }

  private static MatchResult awaitReady(Process process, Pattern ready, Duration timeout, Path log, String what) {
    var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    var readyLine = new CompletableFuture<MatchResult>();
    Thread pump = new Thread(() -> {
      try (reader; var out = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        String line;
        while ((line = reader.readLine()) != null) {
          out.write(line);
          out.newLine();
          out.flush();
          Matcher matcher = ready.matcher(line);
          if (matcher.find()) {
            readyLine.complete(matcher.toMatchResult());
          }
        }
      } catch (IOException e) {
        readyLine.completeExceptionally(e);
      }
      readyLine.completeExceptionally(new IllegalStateException(what + " exited; see " + log));
    }, what + " output");
    pump.setDaemon(true);
    pump.start();
    try {
      return readyLine.get(timeout.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException(what + " did not start within " + timeout + "; see " + log, e);
    }
  }

  /** Asks the process to stop, and kills it if it has not within ten seconds. */
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
