package io.protectedfiles.operator.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Times every AWS call by service, operation and outcome ("success" or the AWS error code), so a
 * dashboard shows throttling, missing IAM permissions (AccessDenied) or an unreachable endpoint.
 * One call is one SDK execution: its retries are inside it.
 */
public final class AwsCallMetrics implements ExecutionInterceptor {

  public static final String NAME = "pfs.aws.calls";
  static final String SUCCESS = "success";

  private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("pfs.aws.calls.started");

  private final MeterRegistry registry;

  AwsCallMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    attributes.putAttribute(STARTED, System.nanoTime());
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    record(attributes, SUCCESS);
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    record(attributes, outcomeOf(context.exception()));
  }

  static String outcomeOf(Throwable failure) {
    if (failure instanceof AwsServiceException aws) {
      String code = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorCode();
      // Some answers have no body to carry a code (a HEAD request's 404, for one).
      return code == null || code.isBlank() ? "Http" + aws.statusCode() : code;
    }
    if (failure instanceof SdkClientException) {
      return "SdkClientError";
    }
    return failure.getClass().getSimpleName();
  }

  private void record(ExecutionAttributes attributes, String outcome) {
    Long started = attributes.getAttribute(STARTED);
    Timer.builder(NAME)
        .description("AWS API calls by service, operation and outcome (success or the AWS error code)")
        .tag("service", String.valueOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)))
        .tag("operation", String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)))
        .tag("outcome", outcome)
        .register(registry)
        .record(Duration.ofNanos(started == null ? 0 : System.nanoTime() - started));
  }
}
