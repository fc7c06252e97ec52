package io.protectedfiles.operator.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protectedfiles.operator.testsupport.AwsActionLog;
import io.protectedfiles.operator.testsupport.LocalEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The IAM policy documented with the chart allows every AWS action the integration tests made the
 * operator perform. Runs in a Failsafe execution of its own, after the integration tests, whose
 * JVM wrote target/aws-actions-used.txt (see AwsActionLog). Actions only: resources and conditions
 * are left to AWS's policy simulator.
 */
class IamPolicyCoversAwsCallsCheck {

  static final Path POLICY = LocalEnvironment.projectRoot().resolve("helm/protected-file-store-operator/iam-policy.json");

  @Test
  void everyActionTheOperatorPerformedIsAllowed() throws IOException {
    String selected = System.getProperty("partialRun", "");
    Assumptions.assumeTrue(
        selected.isBlank() || selected.startsWith("${"),
        "only some integration tests ran (-Dit.test): their calls are not the operator's whole set");
    assertThat(AwsActionLog.FILE).as("the integration tests record the actions they performed").exists();
    List<String> used = Files.readAllLines(AwsActionLog.FILE).stream().filter(s -> !s.isBlank()).toList();
    List<Pattern> allowed = allowedActions(new ObjectMapper().readTree(POLICY.toFile()));

    assertThat(used).as("actions recorded").isNotEmpty();
    List<String> notAllowed = used.stream()
        .filter(action -> allowed.stream().noneMatch(p -> p.matcher(action.toLowerCase(Locale.ROOT)).matches()))
        .toList();
    assertThat(notAllowed).as("actions the operator performed in the tests that %s does not allow", POLICY).isEmpty();
  }

  private static List<Pattern> allowedActions(JsonNode policy) {
    List<Pattern> patterns = new ArrayList<>();
    for (JsonNode statement : policy.get("Statement")) {
      if (!"Allow".equals(statement.path("Effect").asText())) {
        continue;
      }
      JsonNode actions = statement.get("Action");
      for (JsonNode action : actions.isArray() ? actions : List.of(actions)) {
        String regex = Pattern.quote(action.asText().toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q");
        patterns.add(Pattern.compile(regex));
      }
    }
    return patterns;
  }
}
