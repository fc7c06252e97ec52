package io.protectedfiles.operator.aws.lambda;

import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;

/**
 * Lambda's refusal to delete a function (or version) while CloudFront still has replicas of it, for
 * hours after its last association is gone: "Lambda was unable to delete ... because it is a
 * replicated function." Not an error to report, only a reason to try again later.
 */
final class ReplicaRefusal {

  private ReplicaRefusal() {}

  static boolean is(InvalidParameterValueException e) {
    String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    return message != null && message.contains("replicated function");
  }
}
