package io.protectedfiles.operator.aws.cloudfront;

import io.protectedfiles.operator.testsupport.AwsEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Stand-ins for the edge authorizer: published versions of a function that CloudFront accepts for a
 * viewer-request association (us-east-1, a role trusting edgelambda, no environment variables).
 */
final class EdgeAuthorizerVersions {

  private static final String TRUST_POLICY = """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Principal": {"Service": ["lambda.amazonaws.com", "edgelambda.amazonaws.com"]},
        "Action": "sts:AssumeRole"}]}""";

  private EdgeAuthorizerVersions() {}

  /** Creates the function and publishes its first version: that version's ARN. */
  static String firstVersion(AwsEmulator aws, String name) {
    String role = aws.iam()
        .createRole(r -> r.roleName(name + "-role").assumeRolePolicyDocument(TRUST_POLICY))
        .role()
        .arn();
    aws.lambda().createFunction(r -> r.functionName(name)
        .runtime(Runtime.NODEJS20_X)
        .role(role)
        .handler("index.handler")
        .code(c -> c.zipFile(SdkBytes.fromByteArray(zipOf("exports.handler = async (e) => e.Records[0].cf.request;\n")))));
    return aws.lambda().publishVersion(r -> r.functionName(name)).functionArn();
  }

  /** Changes the function's code and publishes it: the new version's ARN. */
  static String nextVersion(AwsEmulator aws, String name, String marker) {
    aws.lambda().updateFunctionCode(r -> r.functionName(name)
        .zipFile(SdkBytes.fromByteArray(zipOf("// " + marker + "\nexports.handler = async (e) => e.Records[0].cf.request;\n"))));
    return aws.lambda().publishVersion(r -> r.functionName(name)).functionArn();
  }

  private static byte[] zipOf(String javascript) {
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
