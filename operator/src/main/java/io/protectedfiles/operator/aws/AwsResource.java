package io.protectedfiles.operator.aws;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.dependent.AbstractDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Matcher.Result;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import java.util.Optional;
import java.util.Set;

/**
 * One AWS resource of a store, in the shape of Crossplane's external client: {@link #observe}
 * (read only), {@link #create}, {@link #update} and {@link #delete}, each idempotent. As a
 * java-operator-sdk dependent resource it takes its place in the store's workflow.
 *
 * <p>Every reconcile observes AWS afresh instead of serving a cache, so that the periodic resync
 * sees (and puts back) what was changed by hand. What was observed or written is recorded in the
 * reconcile's context, where later resources (and the status) read it.
 *
 * @param <R> the resource's state as the operator sees it
 */
public abstract class AwsResource<R> extends AbstractDependentResource<R, ProtectedFileStore>
    implements Creator<R, ProtectedFileStore>, Updater<R, ProtectedFileStore>, Deleter<ProtectedFileStore> {

  private static final String OPERATION_SUFFIX = "#operation";

  private final Class<R> type;

  protected AwsResource(Class<R> type) {
    this.type = type;
  }

  /** Reads the resource from AWS; empty when it does not exist. Never changes anything. */
  protected abstract Optional<R> observe(ProtectedFileStore store, Context<ProtectedFileStore> context);

  /** The state the store's spec asks for. */
  @Override
  protected abstract R desired(ProtectedFileStore store, Context<ProtectedFileStore> context);

  /** Whether the observed state already is what the spec asks for, compared by meaning. */
  protected abstract boolean matches(R observed, R desired);

  /** What this resource is, for a person reading the store's events ("S3 bucket"). */
  public abstract String describe();

  /** Removes (or, by policy, keeps) the resource when its store is deleted. */
  protected abstract void delete(R observed, ProtectedFileStore store, Context<ProtectedFileStore> context);

  /** What this resource recorded in the current reconcile, if it got that far. */
  public static <T> Optional<T> recorded(Context<ProtectedFileStore> context, Class<T> type) {
    return context.managedWorkflowAndDependentResourceContext().get(type.getName(), type);
  }

  /** Whether the current reconcile created or updated this resource. */
  public static Optional<ReconcileResult.Operation> recordedOperation(
      Context<ProtectedFileStore> context, Class<?> type) {
    return context.managedWorkflowAndDependentResourceContext()
        .get(type.getName() + OPERATION_SUFFIX, ReconcileResult.Operation.class);
  }

  @Override
  public Class<R> resourceType() {
    return type;
  }

  @Override
  public ReconcileResult<R> reconcile(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    ReconcileResult<R> result = super.reconcile(store, context);
    result.getSingleResource().ifPresent(r -> record(context, r));
    context.managedWorkflowAndDependentResourceContext()
        .put(type.getName() + OPERATION_SUFFIX, result.getSingleOperation());
    return result;
  }

  @Override
  public Optional<R> getSecondaryResource(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    return observe(store, context);
  }

  @Override
  public Result<R> match(R observed, ProtectedFileStore store, Context<ProtectedFileStore> context) {
    R desired = desired(store, context);
    return Result.computed(matches(observed, desired), desired);
  }

  @Override
  protected void handleDelete(ProtectedFileStore store, R observed, Context<ProtectedFileStore> context) {
    delete(observed, store, context);
  }

  @Override
  protected Optional<R> selectTargetSecondaryResource(
      Set<R> candidates, ProtectedFileStore store, Context<ProtectedFileStore> context) {
    return candidates.stream().findFirst();
  }

  @Override
  protected void onCreated(ProtectedFileStore store, R created, Context<ProtectedFileStore> context) {}

  @Override
  protected void onUpdated(ProtectedFileStore store, R updated, R actual, Context<ProtectedFileStore> context) {}

  private void record(Context<ProtectedFileStore> context, R value) {
    context.managedWorkflowAndDependentResourceContext().put(type.getName(), value);
  }
}
