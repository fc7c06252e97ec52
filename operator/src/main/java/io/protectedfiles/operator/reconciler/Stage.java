package io.protectedfiles.operator.reconciler;

import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStoreStatus;
import io.protectedfiles.operator.aws.AwsResource;
import java.util.function.BiConsumer;

/**
 * One step of a store's workflow: an AWS resource, the condition that reports it, and how what was
 * observed of it shows in the status.
 */
record Stage<R>(
    String conditionType,
    String readyReason,
    AwsResource<R> resource,
    BiConsumer<ProtectedFileStoreStatus, R> report) {

  void reportRecorded(ProtectedFileStoreStatus status, Object observed) {
    report.accept(status, resource.resourceType().cast(observed));
  }
}
