package io.protectedfiles.operator.reconciler;

import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStoreStatus;
import io.protectedfiles.operator.aws.AwsResource;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * One step of a store's workflow: an AWS resource, the condition that reports it, and how what was
 * observed of it shows in the status.
 */
record Stage<R>(
    String conditionType,
    String readyReason,
    AwsResource<R> resource,
    BiConsumer<ProtectedFileStoreStatus, R> report,
    Predicate<R> ready,
    String notReadyMessage) {

  /** A stage whose resource is ready as soon as it exists as the spec asks. */
  Stage(String conditionType, String readyReason, AwsResource<R> resource, BiConsumer<ProtectedFileStoreStatus, R> report) {
    this(conditionType, readyReason, resource, report, r -> true, "");
  }

  void reportRecorded(ProtectedFileStoreStatus status, Object observed) {
    report.accept(status, resource.resourceType().cast(observed));
  }

  boolean isReady(Object observed) {
    return ready.test(resource.resourceType().cast(observed));
  }
}
