package io.protectedfiles.operator.edge;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.api.reconciler.dependent.managed.DefaultManagedWorkflowAndDependentResourceContext;
import io.javaoperatorsdk.operator.api.reconciler.dependent.managed.ManagedWorkflowAndDependentResourceContext;
import io.javaoperatorsdk.operator.processing.event.EventSourceRetriever;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The part of a java-operator-sdk reconcile context that AWS resources use (the Kubernetes client
 * and the per-reconcile attributes where resources record what they saw), so a test can drive a
 * resource as the store's workflow does, one reconcile per instance.
 */
public final class StoreContext implements Context<ProtectedFileStore> {

  private final KubernetesClient client;
  private final ProtectedFileStore store;
  private final ManagedWorkflowAndDependentResourceContext attributes;

  private StoreContext(KubernetesClient client, ProtectedFileStore store) {
    this.client = client;
    this.store = store;
    this.attributes = new DefaultManagedWorkflowAndDependentResourceContext<>(null, store, this);
  }

  /** A fresh context, as for a new reconcile of the store. */
  public static StoreContext of(KubernetesClient client, ProtectedFileStore store) {
    return new StoreContext(client, store);
  }

  @Override
  public KubernetesClient getClient() {
    return client;
  }

  @Override
  public ManagedWorkflowAndDependentResourceContext managedWorkflowAndDependentResourceContext() {
    return attributes;
  }

  @Override
  public ProtectedFileStore getPrimaryResource() {
    return store;
  }

  @Override
  public Optional<RetryInfo> getRetryInfo() {
    return Optional.empty();
  }

  @Override
  public <R> Set<R> getSecondaryResources(Class<R> type) {
    return Set.of();
  }

  @Override
  public <R> Optional<R> getSecondaryResource(Class<R> type, String eventSourceName) {
    return Optional.empty();
  }

  @Override
  public ControllerConfiguration<ProtectedFileStore> getControllerConfiguration() {
    throw new UnsupportedOperationException("not part of a test reconcile");
  }

  @Override
  public EventSourceRetriever<ProtectedFileStore> eventSourceRetriever() {
    throw new UnsupportedOperationException("not part of a test reconcile");
  }

  @Override
  public ExecutorService getWorkflowExecutorService() {
    throw new UnsupportedOperationException("not part of a test reconcile");
  }

  @Override
  public IndexedResourceCache<ProtectedFileStore> getPrimaryCache() {
    throw new UnsupportedOperationException("not part of a test reconcile");
  }

  @Override
  public boolean isNextReconciliationImminent() {
    return false;
  }

  @Override
  public boolean isPrimaryResourceDeleted() {
    return false;
  }

  @Override
  public boolean isPrimaryResourceFinalStateUnknown() {
    return false;
  }
}
