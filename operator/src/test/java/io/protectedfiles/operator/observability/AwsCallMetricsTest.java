package io.protectedfiles.operator.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Real SDK calls against a stub S3 that answers with success or an AWS error. */
class AwsCallMetricsTest {

  final OperatorMetrics metrics = new OperatorMetrics();
  HttpServer stub;

  @BeforeEach
  void startStub() throws IOException {
    stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext("/mine", exchange -> answer(exchange, 200,
        "<Tagging><TagSet><Tag><Key>team</Key><Value>a</Value></Tag></TagSet></Tagging>"));
    stub.createContext("/theirs", exchange -> answer(exchange, 403,
        "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"));
    stub.start();
  }

  @AfterEach
  void stopStub() {
    stub.stop(0);
  }

  @Test
  void countsCallsByServiceOperationAndOutcome() {
    try (S3Client s3 = s3(URI.create("http://127.0.0.1:" + stub.getAddress().getPort()))) {
      s3.getBucketTagging(b -> b.bucket("mine"));
      s3.getBucketTagging(b -> b.bucket("mine"));
      assertThatThrownBy(() -> s3.getBucketTagging(b -> b.bucket("theirs"))).isInstanceOf(S3Exception.class);
    }

    assertThat(count("S3", "GetBucketTagging", "success")).isEqualTo(2);
    assertThat(count("S3", "GetBucketTagging", "AccessDenied")).isEqualTo(1);
  }

  @Test
  void anUnreachableEndpointIsAnOutcomeToo() throws IOException {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (S3Client s3 = s3(URI.create("http://127.0.0.1:" + closedPort))) {
      assertThatThrownBy(() -> s3.headBucket(b -> b.bucket("mine"))).isInstanceOf(SdkClientException.class);
    }

    assertThat(count("S3", "HeadBucket", "SdkClientError")).isEqualTo(1);
  }

  private S3Client s3(URI endpoint) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
        .overrideConfiguration(c -> c.addExecutionInterceptor(metrics.awsCalls())
            .retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  private long count(String service, String operation, String outcome) {
    return metrics.registry().get(AwsCallMetrics.NAME)
        .tags("service", service, "operation", operation, "outcome", outcome).timer().count();
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String xml) throws IOException {
    byte[] body = xml.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/xml");
    exchange.sendResponseHeaders(status, body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
