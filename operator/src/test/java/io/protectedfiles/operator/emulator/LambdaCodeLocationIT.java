package io.protectedfiles.operator.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.protectedfiles.operator.testsupport.AwsEmulator;
import io.protectedfiles.operator.testsupport.EdgeFunctions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** GetFunction's Code.Location downloads, without credentials, the zip of the version asked for. */
class LambdaCodeLocationIT {

  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  final LambdaClient lambda = aws.lambda();
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void eachVersionsLocationServesThatVersionsCode() throws Exception {
    String first = EdgeFunctions.edgeVersion(aws, "located");
    byte[] secondZip = EdgeFunctions.handlerZip(EdgeFunctions.HANDLER + "// version 2\n");
    lambda.updateFunctionCode(r -> r.functionName("located").zipFile(SdkBytes.fromByteArray(secondZip)));
    String second = lambda.publishVersion(r -> r.functionName("located")).functionArn();

    assertThat(download(first)).isEqualTo(EdgeFunctions.handlerZip(EdgeFunctions.HANDLER));
    assertThat(download(second)).isEqualTo(secondZip);
  }

  @Test
  void locationIsOnTheEndpointTheCallReached() {
    String version = EdgeFunctions.edgeVersion(aws, "on-endpoint");

    String location = lambda.getFunction(r -> r.functionName(version)).code().location();

    assertThat(location).startsWith(aws.endpoint() + "/_pfs/lambda-code/");
  }

  @Test
  void unknownVersionIsNotFound() throws Exception {
    String version = EdgeFunctions.edgeVersion(aws, "missing");
    String location = lambda.getFunction(r -> r.functionName(version)).code().location();

    var response = http.send(HttpRequest.newBuilder(URI.create(location.replaceAll("/1$", "/7"))).build(),
        HttpResponse.BodyHandlers.discarding());

    assertThat(response.statusCode()).isEqualTo(404);
  }

  private byte[] download(String qualifiedArn) throws IOException, InterruptedException {
    String location = lambda.getFunction(r -> r.functionName(qualifiedArn)).code().location();
    var response = http.send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
