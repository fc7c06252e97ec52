package io.protectedfiles.operator.emulator;

import io.protectedfiles.operator.testsupport.AwsEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** Lambda functions set up the way the operator sets up its edge authorizer, and ways it must not. */
final class EdgeFunctions {

  static final String EDGE_TRUST_POLICY = """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Principal": {"Service": ["lambda.amazonaws.com", "edgelambda.amazonaws.com"]},
        "Action": "sts:AssumeRole"}]}""";
  static final String HANDLER = "exports.handler = async (event) => event.Records[0].cf.request;\n";
  static final String LAMBDA_ONLY_TRUST_POLICY = """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}""";

  private EdgeFunctions() {}

  /** A role trusting lambda and edgelambda, a function using it, and its version 1: the version's ARN. */
  static String edgeVersion(AwsEmulator aws, String name) {
    return publishedVersion(aws.lambda(), name, role(aws, name + "-role", EDGE_TRUST_POLICY), b -> {});
  }

  static String role(AwsEmulator aws, String name, String trustPolicy) {
    return aws.iam().createRole(r -> r.roleName(name).assumeRolePolicyDocument(trustPolicy)).role().arn();
  }

  /** Creates the function (with `customisation` applied) and publishes a version: the version's ARN. */
  static String publishedVersion(
      LambdaClient lambda, String name, String roleArn, Consumer<CreateFunctionRequest.Builder> customisation) {
    lambda.createFunction(r -> {
      r.functionName(name)
          .runtime(Runtime.NODEJS20_X)
          .role(roleArn)
          .handler("index.handler")
          .timeout(5)
          .memorySize(128)
          .code(c -> c.zipFile(SdkBytes.fromByteArray(handlerZip(HANDLER))));
      customisation.accept(r);
    });
    return lambda.publishVersion(r -> r.functionName(name)).functionArn();
  }

  static Consumer<CreateFunctionRequest.Builder> withEnvironment(Map<String, String> variables) {
    return r -> r.environment(e -> e.variables(variables));
  }

  /** A deployment package holding `javascript` as index.js. */
  static byte[] handlerZip(String javascript) {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("index.js"));
      zip.write(javascript.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
