package io.protectedfiles.operator;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.RuntimeInfo;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.cli.TokenCommand;
import io.protectedfiles.operator.cli.UploadUrlCommand;
import io.protectedfiles.operator.config.OperatorSettings;
import io.protectedfiles.operator.observability.ObservabilityServer;
import io.protectedfiles.operator.observability.OperatorMetrics;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point: runs the operator against the cluster of the current kubeconfig or service account. */
public final class OperatorMain {

  static final String LEADER_ELECTION = "PFS_LEADER_ELECTION";
  static final String LEADER_ELECTION_LEASE = "PFS_LEADER_ELECTION_LEASE";
  static final String POD_NAMESPACE = "POD_NAMESPACE";
  static final String DEFAULT_LEASE = "protected-file-store-operator";

  private static final Logger log = LoggerFactory.getLogger(OperatorMain.class);

  private OperatorMain() {}

  public static void main(String[] args) {
    String command = args.length == 0 ? "run" : args[0];
    switch (command) {
      case "run" -> run(System.getenv());
      case "token" -> System.exit(TokenCommand.run(rest(args), System.out, System.err));
      case "upload-url" -> System.exit(UploadUrlCommand.run(rest(args), System.out, System.err));
      default -> {
        System.err.println("usage: java -jar protected-file-store-operator.jar [run | token --help | upload-url --help]");
        System.exit(2);
      }
    }
  }

  private static String[] rest(String[] args) {
    return Arrays.copyOfRange(args, 1, args.length);
  }

  private static void run(Map<String, String> env) {
    OperatorSettings settings;
    int metricsPort;
    Optional<LeaderElectionConfiguration> leaderElection;
    // The election's callbacks need the runtime, which needs the election's configuration.
    var started = new AtomicReference<OperatorRuntime>();
    try {
      settings = OperatorSettings.fromEnvironment(env);
      metricsPort = ObservabilityServer.port(env);
      leaderElection = leaderElection(env, new LeaderCallbacks(
          () -> started.get().sweeper().start(), () -> started.get().sweeper().stop(), leader -> {}));
    } catch (IllegalArgumentException e) {
      System.err.println("invalid configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    var metrics = new OperatorMetrics();
    var client = new KubernetesClientBuilder().build();
    var runtime = new OperatorRuntime(client, settings, new AwsClients(settings, List.of(metrics.awsCalls())),
        metrics.storeConditions(), o -> {
      o.withMetrics(metrics.reconciles());
      leaderElection.ifPresent(o::withLeaderElectionConfiguration);
    });
    started.set(runtime);
    // Up before the operator starts, so that liveness holds while the informers fill their caches.
    var server = ObservabilityServer.start(metricsPort, metrics::scrape, () -> isReady(runtime.runtimeInfo()));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      runtime.close();
      client.close();
    }, "shutdown"));
    try {
      runtime.start();
      if (leaderElection.isEmpty()) {
        runtime.sweeper().start();
      }
    } catch (RuntimeException e) {
      // The health server's threads would keep a failed process alive; exit so Kubernetes restarts it.
      log.error("the operator could not start", e);
      System.exit(1);
    }
    log.info("protected file store operator started (namespaces: {}, resync every {}, leader election: {})",
        settings.watchedNamespaces().isEmpty() ? "all" : settings.watchedNamespaces(), settings.resyncPeriod(),
        leaderElection.map(l -> l.getLeaseNamespace().orElse("?") + "/" + l.getLeaseName()).orElse("off"));
  }

  /**
   * Leader election on a Lease, so that only one of several replicas reconciles; the others wait
   * with warm caches. The lease lives in the operator's own namespace (from the downward API).
   */
  static Optional<LeaderElectionConfiguration> leaderElection(Map<String, String> env) {
    return leaderElection(env, null);
  }

  /** @param callbacks told when this replica starts and stops leading; null for none */
  static Optional<LeaderElectionConfiguration> leaderElection(Map<String, String> env, LeaderCallbacks callbacks) {
    if (!Boolean.parseBoolean(env.getOrDefault(LEADER_ELECTION, "false").trim())) {
      return Optional.empty();
    }
    String namespace = env.get(POD_NAMESPACE);
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException(POD_NAMESPACE + " must name the operator's namespace when "
          + LEADER_ELECTION + " is true (the chart sets it from the downward API)");
    }
    String lease = env.getOrDefault(LEADER_ELECTION_LEASE, "").trim();
    return Optional.of(new LeaderElectionConfiguration(
        lease.isEmpty() ? DEFAULT_LEASE : lease,
        namespace.trim(),
        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
        null,
        callbacks,
        true));
  }

  static boolean isReady(RuntimeInfo info) {
    return info.isStarted() && info.allEventSourcesAreHealthy();
  }
}
