package io.protectedfiles.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The chart's IAM policy stays a least-privilege document: named statements, no service-wide
 * wildcards, and roles passed only to Lambda. (Whether it allows every call the operator makes is
 * checked against the integration tests' record of AWS calls.)
 */
class IamPolicyTest {

  final JsonNode policy = read();

  @Test
  void everyStatementIsANamedAllow() {
    assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
    assertThat(statements()).allSatisfy(s -> {
      assertThat(s.path("Sid").asText()).isNotEmpty();
      assertThat(s.path("Effect").asText()).isEqualTo("Allow");
    });
  }

  @Test
  void noActionIsAServiceWideWildcard() {
    assertThat(statements().stream().flatMap(s -> strings(s.path("Action")).stream()))
        .allSatisfy(action -> assertThat(action).doesNotEndWith(":*").isNotEqualTo("*"));
  }

  @Test
  void rolesArePassedOnlyToLambdaAndOnlyTheOperatorsOwn() {
    JsonNode pass = statements().stream().filter(s -> strings(s.path("Action")).contains("iam:PassRole")).findFirst().orElseThrow();

    assertThat(strings(pass.path("Resource"))).containsExactly("arn:aws:iam::*:role/protectedfiles/pfs-edge-*");
    assertThat(pass.at("/Condition/StringEquals/iam:PassedToService").asText()).isEqualTo("lambda.amazonaws.com");
  }

  private List<JsonNode> statements() {
    return StreamSupport.stream(policy.path("Statement").spliterator(), false).toList();
  }

  private static List<String> strings(JsonNode node) {
    return node.isArray()
        ? StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList()
        : List.of(node.asText());
  }

  private static JsonNode read() {
    try {
      return new ObjectMapper().readTree(Cli.CHART.resolve("iam-policy.json").toFile());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
