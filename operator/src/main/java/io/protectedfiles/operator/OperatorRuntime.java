package io.protectedfiles.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RuntimeInfo;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import java.util.function.Consumer;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.aws.lambda.EdgeFunctionSweeper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.protectedfiles.operator.config.OperatorSettings;
import io.protectedfiles.operator.observability.StoreConditionMetrics;
import io.protectedfiles.operator.reconciler.ProtectedFileStoreReconciler;
import io.protectedfiles.operator.reconciler.StoreEvents;

/** The operator assembled from its parts: one controller for ProtectedFileStores. */
public final class OperatorRuntime implements AutoCloseable {

  private final Operator operator;
  private final AwsClients aws;
  private final EdgeFunctionSweeper sweeper;

  public OperatorRuntime(KubernetesClient client, OperatorSettings settings, AwsClients aws) {
    this(client, settings, aws, new StoreConditionMetrics(new SimpleMeterRegistry()), o -> {});
  }

  /**
   * @param operatorConfiguration further java-operator-sdk settings of the process (metrics,
   *     leader election)
   */
  public OperatorRuntime(
      KubernetesClient client,
      OperatorSettings settings,
      AwsClients aws,
      StoreConditionMetrics storeMetrics,
      Consumer<ConfigurationServiceOverrider> operatorConfiguration) {
    this.aws = aws;
    this.operator = new Operator(o -> {
      o.withKubernetesClient(client).withCloseClientOnStop(false);
      operatorConfiguration.accept(o);
    });
    this.sweeper = new EdgeFunctionSweeper(aws, client, settings, settings.edgeSweepPeriod());
    var reconciler = new ProtectedFileStoreReconciler(aws, settings, new StoreEvents(client), storeMetrics);
    operator.register(reconciler, o -> {
      if (!settings.watchedNamespaces().isEmpty()) {
        o.settingNamespaces(settings.watchedNamespaces());
      }
      o.withReconciliationMaxInterval(settings.resyncPeriod());
    });
  }

  /** Whether the operator has started and its informers are healthy: for readiness probes. */
  public RuntimeInfo runtimeInfo() {
    return operator.getRuntimeInfo();
  }

  public void start() {
    operator.start();
  }

  /**
   * The periodic sweep of edge functions left behind by deleted stores. With leader election only
   * the leader runs it (from the election's callbacks), like the reconciles.
   */
  public EdgeFunctionSweeper sweeper() {
    return sweeper;
  }

  @Override
  public void close() {
    sweeper.stop();
    operator.stop();
    aws.close();
  }
}
