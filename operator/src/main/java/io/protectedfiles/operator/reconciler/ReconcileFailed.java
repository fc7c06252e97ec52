package io.protectedfiles.operator.reconciler;

import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStoreStatus;

/**
 * Thrown after a run of the workflow that a retry may complete, carrying the status observed so
 * far: java-operator-sdk writes that status and retries with backoff.
 */
final class ReconcileFailed extends RuntimeException {

  private final transient ProtectedFileStoreStatus status;

  ReconcileFailed(ProtectedFileStoreStatus status, Exception cause) {
    super(cause.getMessage(), cause);
    this.status = status;
  }

  ProtectedFileStoreStatus status() {
    return status;
  }
}
