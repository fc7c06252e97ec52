package io.protectedfiles.operator.testsupport;

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

/**
 * Lambda functions in the emulator set up the way the operator sets up its edge authorizer, so that
 * CloudFront accepts their versions for a viewer-request association (us-east-1, a role trusting
 * edgelambda, no environment variables), and ways it must not.
 */
public final class EdgeFunctions {

  public static final String EDGE_TRUST_POLICY = """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Principal": {"Service": ["lambda.amazonaws.com", "edgelambda.amazonaws.com"]},
        "Action": "sts:AssumeRole"}]}""";
  public static final String HANDLER = "exports.handler = async (event) => event.Records[0].cf.request;\n";
  public static final String LAMBDA_ONLY_TRUST_POLICY = """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}""";

  private EdgeFunctions() {}

  /** A role trusting lambda and edgelambda, a function using it, and its version 1: the version's ARN. */
  public static String edgeVersion(AwsEmulator aws, String name) {
    return publishedVersion(aws.lambda(), name, role(aws, name + "-role", EDGE_TRUST_POLICY), b -> {});
  }

  /** Changes the function's code (the handler, then a `marker` comment) and publishes it: the new version's ARN. */
  public static String nextVersion(AwsEmulator aws, String name, String marker) {
    aws.lambda().updateFunctionCode(r -> r.functionName(name)
        .zipFile(SdkBytes.fromByteArray(handlerZip(HANDLER + "// " + marker + "\n"))));
    return aws.lambda().publishVersion(r -> r.functionName(name)).functionArn();
  }

  public static String role(AwsEmulator aws, String name, String trustPolicy) {
    return aws.iam().createRole(r -> r.roleName(name).assumeRolePolicyDocument(trustPolicy)).role().arn();
  }

  /** Creates the function (with `customisation` applied) and publishes a version: the version's ARN. */
  public static String publishedVersion(
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

  public static Consumer<CreateFunctionRequest.Builder> withEnvironment(Map<String, String> variables) {
    return r -> r.environment(e -> e.variables(variables));
  }

  /** A deployment package holding `javascript` as index.js. */
  public static byte[] handlerZip(String javascript) {
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
