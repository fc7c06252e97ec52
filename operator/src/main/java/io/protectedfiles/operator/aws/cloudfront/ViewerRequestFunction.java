package io.protectedfiles.operator.aws.cloudfront;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import java.util.Optional;

/**
 * The published edge authorizer the distribution runs on every viewer request. It comes from
 * another stage of the workflow; the distribution only needs its version's ARN.
 */
@FunctionalInterface
public interface ViewerRequestFunction {

  /**
   * The numbered version's ARN (arn:aws:lambda:us-east-1:123456789012:function:name:3) as recorded
   * in this reconcile; empty while no version is published.
   */
  Optional<String> qualifiedArn(Context<ProtectedFileStore> context);
}
