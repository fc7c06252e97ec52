package io.protectedfiles.operator.aws.lambda;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.aws.iam.EdgeRole;
import io.protectedfiles.operator.config.OperatorSettings;
import io.protectedfiles.operator.testsupport.OperatorUnderTest;
import io.protectedfiles.operator.testsupport.ReconcileContext;
import java.time.Duration;
import java.util.Set;

/**
 * The edge stages of a store's workflow, run in the workflow's order (the role, then the function
 * that needs it) with the production AWS clients and settings that watch one namespace.
 */
final class EdgeStages implements AutoCloseable {

  final OperatorSettings settings;
  final AwsClients clients;
  final EdgeRole role;
  final EdgeFunction function;
  private final KubernetesClient client;

  EdgeStages(KubernetesClient client, String namespace) {
    this.client = client;
    this.settings = OperatorUnderTest.settings(Set.of(namespace), Set.of(), Duration.ofMinutes(10));
    this.clients = new AwsClients(settings);
    this.role = new EdgeRole(clients, settings);
    this.function = new EdgeFunction(clients);
  }

  /** One reconcile of the two stages: its context, holding what they recorded. */
  ReconcileContext reconcile(ProtectedFileStore store) {
    var context = new ReconcileContext(client, store);
    role.reconcile(store, context);
    function.reconcile(store, context);
    return context;
  }

  @Override
  public void close() {
    clients.close();
  }
}
