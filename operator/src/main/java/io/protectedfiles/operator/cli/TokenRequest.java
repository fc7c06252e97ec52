package io.protectedfiles.operator.cli;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What the token command was asked for, checked before anything is read from the cluster.
 *
 * @param namespace null for the kubeconfig context's namespace
 */
record TokenRequest(String namespace, String store, List<String> paths, Duration ttl, boolean help) {

  static final String USAGE = """
      usage: token [--namespace NAMESPACE] --store NAME --path /PREFIX/ [--path /OTHER/ ...] [--ttl 1h]
        Prints a token for the store's edge, signed with the store's generated key, granting the paths
        under each --path (at a / boundary). --ttl: 90s, 15m, 1h, 2d or ISO-8601; default 1h.""";

  private static final Duration DEFAULT_TTL = Duration.ofHours(1);

  static TokenRequest parse(String[] args) throws UsageError {
    Arguments arguments = Arguments.parse(args, Set.of("namespace", "store", "path", "ttl"), Set.of("help"));
    if (arguments.flag("help")) {
      return new TokenRequest(null, null, List.of(), DEFAULT_TTL, true);
    }
    String store = arguments.required("store");
    List<String> paths = arguments.all("path");
    if (paths.isEmpty()) {
      throw new UsageError("--path is required: the path prefix the token grants, such as /3f2a9c/");
    }
    for (String path : paths) {
      if (!path.startsWith("/")) {
        throw new UsageError("--path \"" + path + "\" must start with /, as request paths do (such as /" + path + ")");
      }
    }
    Duration ttl = arguments.optional("ttl").isPresent()
        ? Durations.parsePositive(arguments.required("ttl"), "ttl")
        : DEFAULT_TTL;
    return new TokenRequest(arguments.optional("namespace").orElse(null), store, List.copyOf(paths), ttl, false);
  }
}
