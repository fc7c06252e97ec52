package io.protectedfiles.operator;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.config.OperatorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point: runs the operator against the cluster of the current kubeconfig or service account. */
public final class OperatorMain {

  private static final Logger log = LoggerFactory.getLogger(OperatorMain.class);

  private OperatorMain() {}

  public static void main(String[] args) {
    if (args.length > 0 && !"run".equals(args[0])) {
      System.err.println("usage: java -jar protected-file-store-operator.jar [run]");
      System.exit(2);
    }
    OperatorSettings settings;
    try {
      settings = OperatorSettings.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("invalid configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    var client = new KubernetesClientBuilder().build();
    var runtime = new OperatorRuntime(client, settings, new AwsClients(settings));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      runtime.close();
      client.close();
    }, "shutdown"));
    runtime.start();
    log.info("protected file store operator started (namespaces: {}, resync every {})",
        settings.watchedNamespaces().isEmpty() ? "all" : settings.watchedNamespaces(), settings.resyncPeriod());
  }
}
