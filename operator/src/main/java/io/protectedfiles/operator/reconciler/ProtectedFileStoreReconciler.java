package io.protectedfiles.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStoreStatus;
import io.protectedfiles.operator.aws.AwsResource;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.aws.DeletionInProgress;
import io.protectedfiles.operator.aws.TerminalFailure;
import io.protectedfiles.operator.aws.s3.BucketNotEmpty;
import io.protectedfiles.operator.config.OperatorSettings;
import io.protectedfiles.operator.observability.StoreConditionMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a store's workflow and reports what it observed. It never talks to AWS itself: each AWS
 * resource does its own observing and changing, and this class only assembles the status.
 */
@ControllerConfiguration(name = ProtectedFileStoreReconciler.NAME)
public class ProtectedFileStoreReconciler
    implements Reconciler<ProtectedFileStore>, Cleaner<ProtectedFileStore> {

  public static final String NAME = "protectedfilestore";
  static final Duration NOT_EMPTY_RECHECK = Duration.ofMinutes(2);

  private static final Logger log = LoggerFactory.getLogger(ProtectedFileStoreReconciler.class);

  private final StoreWorkflow workflow;
  private final StoreEvents events;
  private final StoreConditionMetrics metrics;
  private final Duration progressRecheck;
  private final Clock clock;

  public ProtectedFileStoreReconciler(
      AwsClients aws, OperatorSettings settings, StoreEvents events, StoreConditionMetrics metrics) {
    this(new StoreWorkflow(aws, settings), events, metrics, settings.progressRecheck(), Clock.systemUTC());
  }

  ProtectedFileStoreReconciler(
      StoreWorkflow workflow, StoreEvents events, StoreConditionMetrics metrics, Duration progressRecheck, Clock clock) {
    this.workflow = workflow;
    this.events = events;
    this.metrics = metrics;
    this.progressRecheck = progressRecheck;
    this.clock = clock;
  }

  @Override
  public UpdateControl<ProtectedFileStore> reconcile(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    WorkflowReconcileResult result = workflow.workflow().reconcile(store, context);
    announceChanges(store, context);
    StageOutcome outcome = StageOutcome.of(result);
    ProtectedFileStoreStatus status = statusFrom(store, context, outcome);
    outcome.retryable().ifPresent(e -> {
      throw new ReconcileFailed(status, e);
    });
    store.setStatus(status);
    recordReadiness(store);
    boolean waiting = !outcome.hasErrors() && !isReady(status);
    return waiting
        ? UpdateControl.patchStatus(store).rescheduleAfter(progressRecheck)
        : UpdateControl.patchStatus(store);
  }

  @Override
  public ErrorStatusUpdateControl<ProtectedFileStore> updateErrorStatus(
      ProtectedFileStore store, Context<ProtectedFileStore> context, Exception e) {
    List<String> failuresBefore = failures(store.getStatus());
    if (e instanceof ReconcileFailed failed) {
      store.setStatus(failed.status());
    } else {
      log.warn("reconciling {}/{} failed", store.getMetadata().getNamespace(), store.getMetadata().getName(), e);
      ProtectedFileStoreStatus status = carriedOver(store);
      status.setConditions(new Conditions(status.getConditions(), generation(store), clock)
          .set(Conditions.READY, Conditions.FALSE, "ReconcileError", String.valueOf(e.getMessage()))
          .build());
      store.setStatus(status);
    }
    // Once per new failure, not once per retry: a lasting failure would otherwise flood the events.
    if (!failuresBefore.equals(failures(store.getStatus()))) {
      events.warning(store, "ReconcileFailed", String.valueOf(rootCause(e).getMessage()));
    }
    recordReadiness(store);
    return ErrorStatusUpdateControl.patchStatus(store);
  }

  @Override
  public DeleteControl cleanup(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    var result = workflow.workflow().cleanup(store, context);
    for (Exception e : result.getErroredDependents().values()) {
      Throwable cause = rootCause(e);
      if (cause instanceof DeletionInProgress progress) {
        patchDeletingStatus(store, context, "Deleting", progress.getMessage());
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(progressRecheck);
      }
      if (cause instanceof BucketNotEmpty notEmpty) {
        boolean firstTime = readyCondition(store.getStatus()).map(c -> !"BucketNotEmpty".equals(c.getReason())).orElse(true);
        if (firstTime) {
          events.warning(store, "BucketNotEmpty", notEmpty.getMessage());
        }
        patchDeletingStatus(store, context, "BucketNotEmpty", notEmpty.getMessage());
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(NOT_EMPTY_RECHECK);
      }
      // java-operator-sdk writes no status for a failed cleanup: say here why the store stays.
      patchDeletingStatus(store, context, "DeletionFailed", StageOutcome.reasonOf(cause) + ": " + cause.getMessage());
      throw new IllegalStateException("deleting the AWS resources of the store failed: " + cause.getMessage(), e);
    }
    events.normal(store, "Deleted", "AWS resources removed (the bucket follows spec.bucket.deletionPolicy)");
    metrics.forget(store.getMetadata().getNamespace(), store.getMetadata().getName());
    return DeleteControl.defaultDelete();
  }

  private ProtectedFileStoreStatus statusFrom(
      ProtectedFileStore store, Context<ProtectedFileStore> context, StageOutcome outcome) {
    ProtectedFileStoreStatus status = carriedOver(store);
    status.setObservedGeneration(generation(store));
    Conditions conditions = new Conditions(status.getConditions(), generation(store), clock);
    for (Stage<?> stage : workflow.stages()) {
      Optional<?> observed = AwsResource.recorded(context, stage.resource().resourceType());
      observed.ifPresent(o -> stage.reportRecorded(status, o));
      Optional<Exception> error = outcome.errorOf(stage.resource());
      if (error.isPresent()) {
        Throwable cause = rootCause(error.get());
        conditions.set(stage.conditionType(), Conditions.FALSE, StageOutcome.reasonOf(cause), String.valueOf(cause.getMessage()));
      } else if (observed.isPresent() && stage.isReady(observed.get())) {
        conditions.set(stage.conditionType(), Conditions.TRUE, stage.readyReason(), "");
      } else if (observed.isPresent()) {
        conditions.set(stage.conditionType(), Conditions.FALSE, "InProgress", stage.notReadyMessage());
      } else {
        conditions.set(stage.conditionType(), Conditions.UNKNOWN, "Waiting", "waiting for the stages before it");
      }
    }
    StoreWorkflow.reportKeys(status, context);
    if (conditions.allTrue()) {
      conditions.set(Conditions.READY, Conditions.TRUE, "Ready", "every AWS resource of the store is in place");
    } else {
      conditions.set(Conditions.READY, Conditions.FALSE, "NotReady", outcome.summary());
    }
    status.setConditions(conditions.build());
    return status;
  }

  private void recordReadiness(ProtectedFileStore store) {
    metrics.record(store.getMetadata().getNamespace(), store.getMetadata().getName(), isReady(store.getStatus()));
  }

  private static Optional<Condition> readyCondition(ProtectedFileStoreStatus status) {
    return status == null
        ? Optional.empty()
        : status.getConditions().stream().filter(c -> Conditions.READY.equals(c.getType())).findFirst();
  }

  /** Which conditions are not True, and why: what a new failure changes (messages carry request ids). */
  private static List<String> failures(ProtectedFileStoreStatus status) {
    return status == null
        ? List.of()
        : status.getConditions().stream()
            .filter(c -> !Conditions.TRUE.equals(c.getStatus()))
            .map(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason())
            .sorted()
            .toList();
  }

  private static boolean isReady(ProtectedFileStoreStatus status) {
    return status.getConditions().stream()
        .anyMatch(c -> Conditions.READY.equals(c.getType()) && Conditions.TRUE.equals(c.getStatus()));
  }

  private void announceChanges(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    for (Stage<?> stage : workflow.stages()) {
      String what = stage.resource().describe();
      AwsResource.recordedOperation(context, stage.resource().resourceType()).ifPresent(op -> {
        switch (op) {
          case CREATED -> events.normal(store, "Created", "created " + what);
          case UPDATED -> events.normal(store, "Updated", "updated " + what + " to match the spec");
          default -> {}
        }
      });
    }
  }

  private void patchDeletingStatus(
      ProtectedFileStore store, Context<ProtectedFileStore> context, String reason, String message) {
    ProtectedFileStoreStatus status = carriedOver(store);
    status.setConditions(new Conditions(status.getConditions(), generation(store), clock)
        .set(Conditions.READY, Conditions.FALSE, reason, message)
        .build());
    store.setStatus(status);
    context.getClient().resource(store).patchStatus();
  }

  private static ProtectedFileStoreStatus carriedOver(ProtectedFileStore store) {
    ProtectedFileStoreStatus previous = store.getStatus();
    ProtectedFileStoreStatus status = new ProtectedFileStoreStatus();
    if (previous != null) {
      status.setConditions(previous.getConditions());
      status.setObservedGeneration(previous.getObservedGeneration());
      status.setBucket(previous.getBucket());
      status.setOriginAccess(previous.getOriginAccess());
      status.setAuthorizer(previous.getAuthorizer());
      status.setDistribution(previous.getDistribution());
      status.setUrl(previous.getUrl());
      status.setSigningKeySecret(previous.getSigningKeySecret());
    }
    return status;
  }

  private static long generation(ProtectedFileStore store) {
    Long generation = store.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }

  static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof TerminalFailure)
        && !(cause instanceof DeletionInProgress)) {
      cause = cause.getCause();
    }
    return cause;
  }
}
