package io.protectedfiles.operator.reconciler;

import io.javaoperatorsdk.operator.processing.dependent.workflow.Workflow;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowBuilder;
import io.protectedfiles.operator.api.v1alpha1.BucketStatus;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.aws.s3.Bucket;
import io.protectedfiles.operator.aws.s3.BucketCors;
import io.protectedfiles.operator.aws.s3.ObservedBucket;
import io.protectedfiles.operator.aws.s3.ObservedCors;
import io.protectedfiles.operator.aws.s3.StoreBuckets;
import io.protectedfiles.operator.config.OperatorSettings;
import java.util.List;

/**
 * The AWS resources of a store, in the order they depend on one another (DESIGN.md: bucket, origin
 * access, bucket policy, edge role, edge function version, distribution). The order is declared to
 * java-operator-sdk, which runs it forwards on reconcile and backwards on cleanup.
 */
final class StoreWorkflow {

  private final List<Stage<?>> stages;
  private final Workflow<ProtectedFileStore> workflow;

  StoreWorkflow(AwsClients aws, OperatorSettings settings) {
    StoreBuckets buckets = new StoreBuckets(aws);
    Stage<ObservedBucket> bucket = new Stage<>(
        "BucketReady",
        "BucketPrivate",
        new Bucket(buckets, settings),
        (status, b) -> status.setBucket(new BucketStatus(b.name(), b.arn(), b.region())));
    Stage<ObservedCors> cors = new Stage<>(
        "CorsReady", "CorsApplied", new BucketCors(buckets), (status, c) -> {});
    this.stages = List.of(bucket, cors);
    this.workflow = new WorkflowBuilder<ProtectedFileStore>()
        .addDependentResource(bucket.resource())
        .addDependentResourceAndConfigure(cors.resource()).dependsOn(bucket.resource())
        .withThrowExceptionFurther(false)
        .build();
  }

  List<Stage<?>> stages() {
    return stages;
  }

  Workflow<ProtectedFileStore> workflow() {
    return workflow;
  }
}
