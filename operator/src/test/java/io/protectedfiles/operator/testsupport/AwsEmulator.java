package io.protectedfiles.operator.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The moto AWS server with the project's fidelity extension (local-env/emulator), started once per
 * test JVM on a free port and reset before every test.
 *
 * <p>It also points the AWS SDK's standard chain at itself through system properties (endpoint,
 * region, dummy credentials), so that the operator's production code, run inside the tests, reaches
 * the emulator without knowing it is one.
 */
public final class AwsEmulator implements BeforeAllCallback, BeforeEachCallback {

  /** The tests' own credentials, for setting up and inspecting AWS. */
  public static final String ACCESS_KEY = "testing";
  public static final String SECRET_KEY = "testing";
  /**
   * The credentials the operator's production code finds through the SDK's standard chain: other
   * than the tests' own, so that the emulator's call record tells the operator's calls apart.
   */
  public static final String OPERATOR_ACCESS_KEY = "pfs-operator";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private static Running running;

  @Override
  public void beforeAll(ExtensionContext context) {
    running();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    AwsActionLog.collect(control().records());
    control().reset();
  }

  public URI endpoint() {
    return running().endpoint;
  }

  public EmulatorControl control() {
    return running().control;
  }

  public S3Client s3() {
    return s3(Region.US_EAST_1);
  }

  public S3Client s3(Region region) {
    return S3Client.builder()
        .endpointOverride(endpoint())
        .region(region)
        .forcePathStyle(true)
        .credentialsProvider(credentials())
        .build();
  }

  public CloudFrontClient cloudFront() {
    return CloudFrontClient.builder()
        .endpointOverride(endpoint())
        .region(Region.AWS_GLOBAL)
        .credentialsProvider(credentials())
        .build();
  }

  public LambdaClient lambda() {
    return LambdaClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .build();
  }

  public IamClient iam() {
    return IamClient.builder()
        .endpointOverride(endpoint())
        .region(Region.AWS_GLOBAL)
        .credentialsProvider(credentials())
        .build();
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
  }

  private static synchronized Running running() {
    if (running == null) {
      running = Running.start();
      Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "aws-emulator-stop"));
      System.setProperty("aws.endpointUrl", running.endpoint.toString());
      System.setProperty("aws.region", Region.US_EAST_1.id());
      System.setProperty("aws.accessKeyId", OPERATOR_ACCESS_KEY);
      System.setProperty("aws.secretAccessKey", SECRET_KEY);
    }
    return running;
  }

  private static final class Running {
    final ReadyLineProcess process;
    final URI endpoint;
    final EmulatorControl control;

    private Running(ReadyLineProcess process, URI endpoint) {
      this.process = process;
      this.endpoint = endpoint;
      this.control = new EmulatorControl(endpoint);
    }

    static Running start() {
      int port = freePort();
      Path log = Path.of("target", "aws-emulator.log").toAbsolutePath();
      var builder = new ProcessBuilder(
          LocalEnvironment.motoPython().toString(), "-m", "pfs_emulator", "--host", "127.0.0.1", "--port", String.valueOf(port));
      builder.environment().put("PYTHONPATH", LocalEnvironment.projectRoot().resolve("local-env/emulator").toString());
      URI endpoint = URI.create("http://127.0.0.1:" + port);
      Pattern ready = Pattern.compile(Pattern.quote("pfs-emulator listening on " + endpoint));
      return new Running(ReadyLineProcess.start(builder, ready, STARTUP_TIMEOUT, log, "the AWS emulator"), endpoint);
    }

    void stop() {
      try {
        AwsActionLog.collect(control.records());
        AwsActionLog.write();
      } catch (RuntimeException e) {
        System.err.println("could not record the AWS actions of this run: " + e.getMessage());
      }
      process.close();
    }
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
