package io.protectedfiles.operator.testsupport;

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
 * One reconcile's context, as java-operator-sdk would give it to the store's dependents, without a
 * running operator, so that a test can drive the stages as the store's workflow does, one reconcile
 * per instance. The stages use only the Kubernetes client and the per-reconcile attributes where
 * they record what they saw for the stages after them; the rest of the context refuses to answer.
 */
public final class ReconcileContext implements Context<ProtectedFileStore> {

  private final KubernetesClient client;
  private final ProtectedFileStore store;
  private final ManagedWorkflowAndDependentResourceContext workflowContext;

  /** For stages that talk only to AWS: asking this context for a Kubernetes client fails. */
  public ReconcileContext(ProtectedFileStore store) {
    this(null, store);
  }

  public ReconcileContext(KubernetesClient client, ProtectedFileStore store) {
    this.client = client;
    this.store = store;
    this.workflowContext = new DefaultManagedWorkflowAndDependentResourceContext<>(null, store, this);
  }

  /** As if the stage that observes {@code value} had run earlier in this reconcile. */
  public ReconcileContext recording(Object value) {
    workflowContext.put(value.getClass().getName(), value);
    return this;
  }

  @Override
  public KubernetesClient getClient() {
    if (client == null) {
      throw unused();
    }
    return client;
  }

  @Override
  public ManagedWorkflowAndDependentResourceContext managedWorkflowAndDependentResourceContext() {
    return workflowContext;
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
  public <R> Set<R> getSecondaryResources(Class<R> expectedType) {
    throw unused();
  }

  @Override
  public <R> Optional<R> getSecondaryResource(Class<R> expectedType, String eventSourceName) {
    throw unused();
  }

  @Override
  public ControllerConfiguration<ProtectedFileStore> getControllerConfiguration() {
    throw unused();
  }

  @Override
  public EventSourceRetriever<ProtectedFileStore> eventSourceRetriever() {
    throw unused();
  }

  @Override
  public ExecutorService getWorkflowExecutorService() {
    throw unused();
  }

  @Override
  public IndexedResourceCache<ProtectedFileStore> getPrimaryCache() {
    throw unused();
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

  private static UnsupportedOperationException unused() {
    return new UnsupportedOperationException("the stages under test do not use this part of the context");
  }
}
