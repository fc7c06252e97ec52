package io.protectedfiles.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.config.OperatorSettings;
import io.protectedfiles.operator.reconciler.ProtectedFileStoreReconciler;
import io.protectedfiles.operator.reconciler.StoreEvents;

/** The operator assembled from its parts: one controller for ProtectedFileStores. */
public final class OperatorRuntime implements AutoCloseable {

  private final Operator operator;
  private final AwsClients aws;

  public OperatorRuntime(KubernetesClient client, OperatorSettings settings, AwsClients aws) {
    this.aws = aws;
    this.operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false));
    var reconciler = new ProtectedFileStoreReconciler(aws, settings, new StoreEvents(client));
    operator.register(reconciler, o -> {
      if (!settings.watchedNamespaces().isEmpty()) {
        o.settingNamespaces(settings.watchedNamespaces());
      }
      o.withReconciliationMaxInterval(settings.resyncPeriod());
    });
  }

  public void start() {
    operator.start();
  }

  @Override
  public void close() {
    operator.stop();
    aws.close();
  }
}
