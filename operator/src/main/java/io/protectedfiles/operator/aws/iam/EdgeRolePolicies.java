package io.protectedfiles.operator.aws.iam;

/** The policy documents of an edge role the operator makes. */
final class EdgeRolePolicies {

  static final String PATH = "/protectedfiles/";
  static final String LOGS_POLICY_NAME = "edge-logs";

  // CloudFront runs replicas of the function under edgelambda.amazonaws.com, and Lambda checks the
  // role against lambda.amazonaws.com when the function is created.
  static final String TRUST_POLICY = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
      "Principal":{"Service":["edgelambda.amazonaws.com","lambda.amazonaws.com"]},\
      "Action":"sts:AssumeRole"}]}""";

  private EdgeRolePolicies() {}

  /**
   * Writing its own logs, nothing else. Replicas log in the region that ran them, to a log group
   * named after us-east-1 and the function; a test invocation in us-east-1 logs to the plain name.
   */
  static String logsPolicy(String functionName) {
    String groups = "\"arn:aws:logs:*:*:log-group:/aws/lambda/us-east-1." + functionName + "\","
        + "\"arn:aws:logs:*:*:log-group:/aws/lambda/us-east-1." + functionName + ":*\","
        + "\"arn:aws:logs:*:*:log-group:/aws/lambda/" + functionName + "\","
        + "\"arn:aws:logs:*:*:log-group:/aws/lambda/" + functionName + ":*\"";
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":[\"logs:CreateLogGroup\",\"logs:CreateLogStream\",\"logs:PutLogEvents\"],"
        + "\"Resource\":[" + groups + "]}]}";
  }
}
