package io.protectedfiles.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.protectedfiles.operator.api.v1alpha1.AuthorizerSpec;
import io.protectedfiles.operator.api.v1alpha1.KeysSpec;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.api.v1alpha1.SecretKeyRef;
import io.protectedfiles.operator.cli.TokenCommand;
import io.protectedfiles.operator.cli.UploadUrlCommand;
import io.protectedfiles.operator.testsupport.AwsEmulator;
import io.protectedfiles.operator.testsupport.KubernetesApi;
import io.protectedfiles.operator.testsupport.OperatorUnderTest;
import io.protectedfiles.operator.testsupport.Stores;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole flow a person sees, end to end: the operator reconciles a store; a file goes in with a
 * presigned upload from the {@code upload-url} command; a token comes from the {@code token}
 * command; the local edge, running the bundle the operator published (fetched through the Lambda
 * API), serves the file only for that token's path; and in headless Chromium the service worker
 * makes a plain {@code <img>} of the file work.
 */
class LocalEdgeIT {

  @RegisterExtension static final KubernetesApi kube = new KubernetesApi();
  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
  // Long: the emulator is reset before each test, and a store of an earlier test must not be
  // rebuilt by a resync in the middle of the next one.
  static final Duration RESYNC = Duration.ofMinutes(30);
  static final String PREFIX = "/3f2a9c/";
  static final String FILE_KEY = "3f2a9c/pixel.png";

  static String namespace;
  static OperatorUnderTest operator;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startOperator() {
    namespace = kube.createNamespace("edge");
    operator = OperatorUnderTest.start(kube, OperatorUnderTest.settings(Set.of(namespace), Set.of(), RESYNC));
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }

  @Test
  void edgeRunningThePublishedBundleServesAFileOnlyForTheTokensPath() throws Exception {
    ProtectedFileStore store = readyStore("flow");
    byte[] png = png();
    putWithPresignedUrl("flow", FILE_KEY, png);
    String token = command(TokenCommand::run, "--namespace", namespace, "--store", "flow", "--path", PREFIX, "--ttl", "15m");

    try (var edge = startEdge(store)) {
      HttpResponse<byte[]> granted = get(edge.url(), "/" + FILE_KEY + "?authorization=" + token);
      assertThat(granted.statusCode()).isEqualTo(200);
      assertThat(granted.body()).isEqualTo(png);
      assertThat(granted.headers().firstValue("content-type")).hasValue("image/png");

      assertThat(get(edge.url(), "/0b7e41/pixel.png?authorization=" + token).statusCode()).isEqualTo(403);
      assertThat(get(edge.url(), "/" + FILE_KEY + "?authorization=" + tampered(token)).statusCode()).isEqualTo(401);
      assertThat(get(edge.url(), "/" + FILE_KEY).statusCode()).isEqualTo(401);
      assertThat(getWithBearer(edge.url(), "/" + FILE_KEY, token).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void fileUploadedWithAPresignedPostIsServedToo() throws Exception {
    ProtectedFileStore store = readyStore("post");
    byte[] png = png();
    String post = command(UploadUrlCommand::run, "--namespace", namespace, "--store", "post", "--method", "POST",
        "--key-prefix", "5d1e07/", "--content-type", "image/png", "--max-bytes", "100000", "--path-style");
    postForm(new ObjectMapper().readTree(post), "avatar.png", png);
    String token = command(TokenCommand::run, "--namespace", namespace, "--store", "post", "--path", "/5d1e07/");

    try (var edge = startEdge(store)) {
      HttpResponse<byte[]> granted = get(edge.url(), "/5d1e07/avatar.png?authorization=" + token);
      assertThat(granted.statusCode()).isEqualTo(200);
      assertThat(granted.body()).isEqualTo(png);
    }
  }

  @Test
  void serviceWorkerShowsTheFileInHeadlessChromium() throws Exception {
    ProtectedFileStore store = readyStore("browser");
    putWithPresignedUrl("browser", FILE_KEY, png());
    String token = command(TokenCommand::run, "--namespace", namespace, "--store", "browser", "--path", PREFIX);

    String output = BrowserTest.run(Map.of(
        "PFS_AWS_ENDPOINT", aws.endpoint().toString(),
        "PFS_EDGE_FUNCTION", store.getStatus().getAuthorizer().getQualifiedArn(),
        "PFS_BUCKET", store.getStatus().getBucket().getName(),
        "PFS_BUCKET_REGION", store.getStatus().getBucket().getRegion(),
        "PFS_FILE_KEY", FILE_KEY,
        "PFS_TOKEN", token,
        "AWS_ACCESS_KEY_ID", AwsEmulator.ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY", AwsEmulator.SECRET_KEY), Path.of("target", "browser-test.log"));

    assertThat(output).contains("# fail 0").doesNotContain("# pass 0");
  }

  @Test
  void tokenCommandRefusesWhatItCannotSignFor() {
    var missing = runCommand(TokenCommand::run, "--namespace", namespace, "--store", "absent", "--path", PREFIX);
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("store " + namespace + "/absent does not exist");

    var external = Stores.store(namespace, "idp-keys");
    var keys = new KeysSpec();
    var ref = new SecretKeyRef();
    ref.setName("idp-public-keys");
    ref.setKey("jwks.json");
    keys.setJwksSecretRef(ref);
    external.getSpec().setAuthorizer(new AuthorizerSpec());
    external.getSpec().getAuthorizer().setKeys(keys);
    kube.client().resource(external).create();
    var fromIdentityProvider = runCommand(TokenCommand::run, "--namespace", namespace, "--store", "idp-keys", "--path", PREFIX);
    assertThat(fromIdentityProvider.exit()).isEqualTo(1);
    assertThat(fromIdentityProvider.err()).contains("must come from the identity provider");
    assertThat(fromIdentityProvider.out()).isEmpty();
  }

  private ProtectedFileStore readyStore(String name) {
    kube.client().resource(Stores.store(namespace, name)).create();
    await().atMost(READY_TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> Stores.isTrue(read(name), "Ready"));
    ProtectedFileStore store = read(name);
    assertThat(store.getStatus().getAuthorizer().getQualifiedArn()).matches(".*:function:.*:\\d+$");
    assertThat(store.getStatus().getSigningKeySecret()).isEqualTo(name + "-signing-key");
    return store;
  }

  private static ProtectedFileStore read(String name) {
    return kube.client().resources(ProtectedFileStore.class).inNamespace(namespace).withName(name).get();
  }

  private LocalEdgeProcess startEdge(ProtectedFileStore store) {
    return LocalEdgeProcess.start(aws.endpoint(), store.getStatus().getAuthorizer().getQualifiedArn(),
        store.getStatus().getBucket().getName(), store.getStatus().getBucket().getRegion(),
        Path.of("target", "local-edge-" + store.getMetadata().getName() + ".log"));
  }

  private void putWithPresignedUrl(String store, String key, byte[] body) throws IOException, InterruptedException {
    String url = command(UploadUrlCommand::run, "--namespace", namespace, "--store", store, "--key", key,
        "--content-type", "image/png", "--path-style");
    var response = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "image/png")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /** A browser's form upload: the policy's fields first, the file last. */
  private void postForm(JsonNode post, String fileName, byte[] file) throws IOException, InterruptedException {
    String boundary = "----pfs" + UUID.randomUUID();
    var body = new ByteArrayOutputStream();
    post.get("fields").fields().forEachRemaining(field -> body.writeBytes(("--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
        + field.getValue().asText() + "\r\n").getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    var response = http.send(HttpRequest.newBuilder(URI.create(post.get("url").asText()))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
  }

  private HttpResponse<byte[]> get(URI edge, String pathAndQuery) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(edge.resolve(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> getWithBearer(URI edge, String path, String token) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(edge.resolve(path)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The token with one character of its signature changed. */
  private static String tampered(String token) {
    int at = token.lastIndexOf('.') + 5;
    char replacement = token.charAt(at) == 'A' ? 'B' : 'A';
    return token.substring(0, at) + replacement + token.substring(at + 1);
  }

  private static byte[] png() throws IOException {
    var image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, 0xff0000);
    var bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "png", bytes);
    return bytes.toByteArray();
  }

  interface Command {
    int run(String[] args, PrintStream out, PrintStream err, KubernetesClient client);
  }

  record Result(int exit, String out, String err) {}

  private static Result runCommand(Command command, String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int exit = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), kube.client());
    return new Result(exit, out.toString(StandardCharsets.UTF_8).strip(), err.toString(StandardCharsets.UTF_8).strip());
  }

  /** The command's output; the test fails with its message when it does not succeed. */
  private static String command(Command command, String... args) {
    Result result = runCommand(command, args);
    assertThat(result.exit()).as(result.err()).isZero();
    return result.out();
  }
}
