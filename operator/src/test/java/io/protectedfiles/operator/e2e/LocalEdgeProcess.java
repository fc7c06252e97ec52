package io.protectedfiles.operator.e2e;

import io.protectedfiles.operator.testsupport.AwsEmulator;
import io.protectedfiles.operator.testsupport.LocalEnvironment;
import io.protectedfiles.operator.testsupport.ReadyLineProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * local-env/edge/server.js, started as a person starts it, on a free port, in front of a store's
 * bucket with the authorizer version the operator published. Its output goes to a log file.
 */
final class LocalEdgeProcess implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("^local-edge listening on (http://\\S+) \\(development tool");
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

  private final ReadyLineProcess process;
  private final URI url;

  private LocalEdgeProcess(ReadyLineProcess process) {
    this.process = process;
    this.url = URI.create(process.readyLine().group(1));
  }

  static LocalEdgeProcess start(URI awsEndpoint, String qualifiedArn, String bucket, String bucketRegion, Path log) {
    var builder = new ProcessBuilder("node", "local-env/edge/server.js", "--aws", awsEndpoint.toString(),
        "--function", qualifiedArn, "--bucket", bucket, "--bucket-region", bucketRegion, "--port", "0")
        .directory(LocalEnvironment.projectRoot().toFile());
    builder.environment().put("AWS_ACCESS_KEY_ID", AwsEmulator.ACCESS_KEY);
    builder.environment().put("AWS_SECRET_ACCESS_KEY", AwsEmulator.SECRET_KEY);
    return new LocalEdgeProcess(ReadyLineProcess.start(builder, LISTENING, STARTUP_TIMEOUT, log, "the local edge"));
  }

  URI url() {
    return url;
  }

  @Override
  public void close() {
    process.close();
  }
}
