package io.protectedfiles.operator.aws.lambda;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** A Lambda function as read from Lambda: its unpublished state ($LATEST), tags and numbered versions. */
record DeployedFunction(FunctionConfiguration latest, Map<String, String> tags, List<FunctionConfiguration> versions) {

  DeployedFunction {
    tags = Map.copyOf(tags);
    versions = versions.stream().sorted(Comparator.comparingLong(DeployedFunction::number)).toList();
  }

  /** Empty when no function has that name. */
  static Optional<DeployedFunction> read(LambdaClient lambda, String name) {
    try {
      var function = lambda.getFunction(r -> r.functionName(name));
      List<FunctionConfiguration> versions = lambda.listVersionsByFunctionPaginator(r -> r.functionName(name))
          .versions().stream()
          .filter(DeployedFunction::isNumbered)
          .toList();
      return Optional.of(new DeployedFunction(function.configuration(), function.tags(), versions));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  /** The newest numbered version that passes the test. */
  Optional<FunctionConfiguration> newestVersion(Predicate<FunctionConfiguration> test) {
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (test.test(versions.get(i))) {
        return Optional.of(versions.get(i));
      }
    }
    return Optional.empty();
  }

  static boolean isNumbered(FunctionConfiguration version) {
    return version.version() != null && version.version().chars().allMatch(Character::isDigit) && !version.version().isEmpty();
  }

  static long number(FunctionConfiguration version) {
    return Long.parseLong(version.version());
  }
}
