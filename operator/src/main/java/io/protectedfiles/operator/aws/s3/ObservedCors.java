package io.protectedfiles.operator.aws.s3;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A bucket's CORS rules as S3 holds them, compared by meaning (lists as sets). */
public record ObservedCors(String bucket, List<Rule> rules) {

  public ObservedCors {
    rules = List.copyOf(rules);
  }

  public boolean sameRulesAs(ObservedCors other) {
    return normalized(rules).equals(normalized(other.rules));
  }

  private static Set<Rule> normalized(List<Rule> rules) {
    return rules.stream().map(Rule::withLowerCaseHeaders).collect(Collectors.toUnmodifiableSet());
  }

  /** One CORS rule; header names compare case-insensitively, as HTTP does. */
  public record Rule(
      Set<String> allowedOrigins,
      Set<String> allowedMethods,
      Set<String> allowedHeaders,
      Set<String> exposeHeaders,
      int maxAgeSeconds) {

    public Rule {
      allowedOrigins = Set.copyOf(allowedOrigins);
      allowedMethods = Set.copyOf(allowedMethods);
      allowedHeaders = Set.copyOf(allowedHeaders);
      exposeHeaders = Set.copyOf(exposeHeaders);
    }

    Rule withLowerCaseHeaders() {
      return new Rule(allowedOrigins, allowedMethods, lowerCase(allowedHeaders), lowerCase(exposeHeaders), maxAgeSeconds);
    }

    private static Set<String> lowerCase(Set<String> names) {
      return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
  }
}
