package io.protectedfiles.operator.aws.cloudfront;

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
 * running operator: it carries what earlier stages of the workflow recorded. Nothing else of it is
 * used by the AWS resources.
 */
final class ReconcileContext implements Context<ProtectedFileStore> {

  private final ProtectedFileStore store;
  private final ManagedWorkflowAndDependentResourceContext workflowContext;

  ReconcileContext(ProtectedFileStore store) {
    this.store = store;
    this.workflowContext = new DefaultManagedWorkflowAndDependentResourceContext<>(null, store, this);
  }

  /** As if the stage that observes {@code value} had run earlier in this reconcile. */
  ReconcileContext recording(Object value) {
    workflowContext.put(value.getClass().getName(), value);
    return this;
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
  public KubernetesClient getClient() {
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
    return new UnsupportedOperationException("the AWS resources do not use this part of the context");
  }
}
