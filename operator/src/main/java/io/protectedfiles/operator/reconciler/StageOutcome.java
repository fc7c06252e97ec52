package io.protectedfiles.operator.reconciler;

import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import io.protectedfiles.operator.aws.TerminalFailure;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** What went wrong in one run of the workflow, sorted into what a retry can fix and what not. */
final class StageOutcome {

  private final Map<DependentResource, Exception> errors;

  private StageOutcome(Map<DependentResource, Exception> errors) {
    this.errors = errors;
  }

  static StageOutcome of(WorkflowReconcileResult result) {
    return new StageOutcome(result.getErroredDependents());
  }

  Optional<Exception> errorOf(DependentResource<?, ?> resource) {
    return Optional.ofNullable(errors.get(resource));
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** The first failure that a later attempt may get past (throttling, a 5xx, a network error). */
  Optional<Exception> retryable() {
    return errors.values().stream()
        .filter(e -> !(ProtectedFileStoreReconciler.rootCause(e) instanceof TerminalFailure))
        .findFirst();
  }

  String summary() {
    if (errors.isEmpty()) {
      return "waiting for AWS resources to become ready";
    }
    return errors.values().stream()
        .map(e -> String.valueOf(ProtectedFileStoreReconciler.rootCause(e).getMessage()))
        .collect(Collectors.joining("; "));
  }

  /** A condition reason (CamelCase, as Kubernetes wants) for a failure. */
  static String reasonOf(Throwable cause) {
    if (cause instanceof TerminalFailure terminal) {
      return terminal.reason();
    }
    if (cause instanceof AwsServiceException) {
      return "AwsError";
    }
    if (cause instanceof SdkClientException) {
      return "AwsUnreachable";
    }
    return "Error";
  }
}
