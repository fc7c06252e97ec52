package io.protectedfiles.operator.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's own settings, read from its environment (the Helm chart sets them). AWS settings
 * (region, credentials, endpoint) are not here: the AWS SDK's standard chain reads those.
 *
 * @param watchedNamespaces namespaces whose stores are reconciled; empty means every namespace
 * @param adoptionNamespaces namespaces whose stores may adopt an existing untagged bucket; "*" means
 *     every namespace
 * @param resyncPeriod how often every store is re-read from AWS and drift put back
 * @param s3PathStyle address S3 buckets in the path rather than the host name, for S3 endpoints that
 *     have no per-bucket host names (S3-compatible gateways, some private endpoints)
 * @param edgeRoleArn an existing IAM role for every store's edge function, for organisations that
 *     do not let the operator create roles; null means the operator creates one role per store
 * @param edgeSweepPeriod how often edge functions left by deleted stores (and versions no
 *     distribution uses) are retried for deletion: Lambda@Edge replicas refuse it for hours
 * @param progressRecheck how soon a store waiting on AWS (a distribution deploying, or being
 *     disabled before deletion) is looked at again; raise it to spare CloudFront's API rate limits
 *     when many stores change at once
 */
public record OperatorSettings(
    Set<String> watchedNamespaces,
    Set<String> adoptionNamespaces,
    Duration resyncPeriod,
    boolean s3PathStyle,
    String edgeRoleArn,
    Duration edgeSweepPeriod,
    Duration progressRecheck) {

  public static final String WATCH_NAMESPACES = "PFS_WATCH_NAMESPACES";
  public static final String ADOPTION_NAMESPACES = "PFS_ADOPTION_NAMESPACES";
  public static final String RESYNC_PERIOD = "PFS_RESYNC_PERIOD";
  public static final String S3_PATH_STYLE = "PFS_S3_PATH_STYLE";
  public static final String EDGE_ROLE_ARN = "PFS_EDGE_ROLE_ARN";
  public static final String EDGE_SWEEP_PERIOD = "PFS_EDGE_SWEEP_PERIOD";
  public static final String PROGRESS_RECHECK = "PFS_PROGRESS_RECHECK";

  static final Duration DEFAULT_RESYNC_PERIOD = Duration.ofMinutes(10);
  static final Duration DEFAULT_EDGE_SWEEP_PERIOD = Duration.ofMinutes(15);
  static final Duration DEFAULT_PROGRESS_RECHECK = Duration.ofSeconds(10);

  public OperatorSettings {
    watchedNamespaces = Set.copyOf(watchedNamespaces);
    adoptionNamespaces = Set.copyOf(adoptionNamespaces);
    if (resyncPeriod.isNegative() || resyncPeriod.isZero()) {
      throw new IllegalArgumentException(RESYNC_PERIOD + " must be positive");
    }
    if (edgeSweepPeriod.isNegative() || edgeSweepPeriod.isZero()) {
      throw new IllegalArgumentException(EDGE_SWEEP_PERIOD + " must be positive");
    }
    if (progressRecheck.isNegative() || progressRecheck.isZero()) {
      throw new IllegalArgumentException(PROGRESS_RECHECK + " must be positive");
    }
    if (edgeRoleArn != null && edgeRoleArn.isBlank()) {
      edgeRoleArn = null;
    }
    if (edgeRoleArn != null && !edgeRoleArn.matches("^arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]{1,512}$")) {
      throw new IllegalArgumentException(EDGE_ROLE_ARN + " must be an IAM role ARN, got '" + edgeRoleArn + "'");
    }
  }

  /** Settings with the default edge sweep period and progress recheck. */
  public OperatorSettings(
      Set<String> watchedNamespaces, Set<String> adoptionNamespaces, Duration resyncPeriod, boolean s3PathStyle,
      String edgeRoleArn) {
    this(watchedNamespaces, adoptionNamespaces, resyncPeriod, s3PathStyle, edgeRoleArn, DEFAULT_EDGE_SWEEP_PERIOD,
        DEFAULT_PROGRESS_RECHECK);
  }

  public static OperatorSettings fromEnvironment(Map<String, String> env) {
    return new OperatorSettings(
        namespaces(env.get(WATCH_NAMESPACES)),
        namespaces(env.get(ADOPTION_NAMESPACES)),
        duration(RESYNC_PERIOD, env.get(RESYNC_PERIOD), DEFAULT_RESYNC_PERIOD),
        Boolean.parseBoolean(env.getOrDefault(S3_PATH_STYLE, "false").trim()),
        env.get(EDGE_ROLE_ARN),
        duration(EDGE_SWEEP_PERIOD, env.get(EDGE_SWEEP_PERIOD), DEFAULT_EDGE_SWEEP_PERIOD),
        duration(PROGRESS_RECHECK, env.get(PROGRESS_RECHECK), DEFAULT_PROGRESS_RECHECK));
  }

  public boolean adoptionAllowedIn(String namespace) {
    return adoptionNamespaces.contains("*") || adoptionNamespaces.contains(namespace);
  }

  private static Set<String> namespaces(String value) {
    if (value == null || value.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(value.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Accepts ISO-8601 ("PT10M") or a plain number of seconds ("600"). */
  private static Duration duration(String name, String value, Duration defaultValue) {
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    String trimmed = value.trim();
    try {
      return trimmed.chars().allMatch(Character::isDigit)
          ? Duration.ofSeconds(Long.parseLong(trimmed))
          : Duration.parse(trimmed);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException(
          name + " must be ISO-8601 (PT10M) or seconds (600), got '" + trimmed + "'", e);
    }
  }
}
