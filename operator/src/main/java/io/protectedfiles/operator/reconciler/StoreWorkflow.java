package io.protectedfiles.operator.reconciler;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Workflow;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowBuilder;
import io.protectedfiles.operator.api.v1alpha1.AuthorizerStatus;
import io.protectedfiles.operator.api.v1alpha1.BucketStatus;
import io.protectedfiles.operator.api.v1alpha1.DistributionStatus;
import io.protectedfiles.operator.api.v1alpha1.OriginAccessStatus;
import io.protectedfiles.operator.api.v1alpha1.OriginAccessType;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStoreStatus;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.aws.AwsResource;
import io.protectedfiles.operator.aws.cloudfront.Distribution;
import io.protectedfiles.operator.aws.cloudfront.ObservedDistribution;
import io.protectedfiles.operator.aws.cloudfront.ObservedOriginAccess;
import io.protectedfiles.operator.aws.cloudfront.OriginAccess;
import io.protectedfiles.operator.aws.iam.EdgeRole;
import io.protectedfiles.operator.aws.iam.ObservedEdgeRole;
import io.protectedfiles.operator.aws.lambda.EdgeFunction;
import io.protectedfiles.operator.aws.lambda.ObservedEdgeFunction;
import io.protectedfiles.operator.aws.s3.Bucket;
import io.protectedfiles.operator.aws.s3.BucketCors;
import io.protectedfiles.operator.aws.s3.BucketPolicy;
import io.protectedfiles.operator.aws.s3.CloudFrontReader;
import io.protectedfiles.operator.aws.s3.ObservedBucket;
import io.protectedfiles.operator.aws.s3.ObservedBucketPolicy;
import io.protectedfiles.operator.aws.s3.ObservedCors;
import io.protectedfiles.operator.aws.s3.StoreBuckets;
import io.protectedfiles.operator.config.OperatorSettings;
import io.protectedfiles.operator.edge.EdgeKeys;
import java.util.List;

/**
 * The AWS resources of a store, in the order they depend on one another, declared to
 * java-operator-sdk, which runs it forwards on reconcile and backwards on cleanup:
 *
 * <pre>
 * bucket -> CORS
 * bucket -> origin access ----------------\
 * edge role -> edge function (published) --> distribution -> bucket policy
 * </pre>
 *
 * The bucket policy comes last for both kinds of origin access: with OAC it names the
 * distribution's ARN, and one order for both keeps a switch between them simple. The bucket
 * grants nothing to anyone until then, so nothing is exposed in between.
 */
final class StoreWorkflow {

  private final List<Stage<?>> stages;
  private final Workflow<ProtectedFileStore> workflow;

  StoreWorkflow(AwsClients aws, OperatorSettings settings) {
    StoreBuckets buckets = new StoreBuckets(aws);
    Stage<ObservedBucket> bucket = new Stage<>(
        "BucketReady", "BucketPrivate", new Bucket(buckets, settings),
        (status, b) -> status.setBucket(new BucketStatus(b.name(), b.arn(), b.region())));
    Stage<ObservedCors> cors = new Stage<>(
        "CorsReady", "CorsApplied", new BucketCors(buckets), (status, c) -> {});
    Stage<ObservedOriginAccess> originAccess = new Stage<>(
        "OriginAccessReady", "OriginAccessCreated", new OriginAccess(aws),
        (status, o) -> status.setOriginAccess(new OriginAccessStatus(o.type().name(), o.id())));
    Stage<ObservedEdgeRole> edgeRole = new Stage<>(
        "EdgeRoleReady", "EdgeRoleReady", new EdgeRole(aws, settings),
        (status, r) -> authorizer(status).setRoleArn(r.arn()));
    Stage<ObservedEdgeFunction> edgeFunction = new Stage<>(
        "AuthorizerPublished", "VersionPublished", new EdgeFunction(aws),
        StoreWorkflow::reportEdgeFunction);
    Stage<ObservedDistribution> distribution = new Stage<>(
        "DistributionDeployed", "Deployed",
        new Distribution(aws, context -> AwsResource.recorded(context, ObservedEdgeFunction.class)
            .map(ObservedEdgeFunction::qualifiedArn)),
        StoreWorkflow::reportDistribution,
        ObservedDistribution::isDeployed,
        "CloudFront is deploying the distribution (status InProgress); this takes minutes on AWS");
    Stage<ObservedBucketPolicy> policy = new Stage<>(
        "BucketPolicyReady", "OnlyCloudFrontReads", new BucketPolicy(buckets, StoreWorkflow::cloudFrontReader),
        (status, p) -> {});
    this.stages = List.of(bucket, cors, originAccess, edgeRole, edgeFunction, distribution, policy);
    this.workflow = new WorkflowBuilder<ProtectedFileStore>()
        .addDependentResource(bucket.resource())
        .addDependentResourceAndConfigure(cors.resource()).dependsOn(bucket.resource())
        .addDependentResourceAndConfigure(originAccess.resource()).dependsOn(bucket.resource())
        .addDependentResource(edgeRole.resource())
        .addDependentResourceAndConfigure(edgeFunction.resource()).dependsOn(edgeRole.resource())
        .addDependentResourceAndConfigure(distribution.resource())
        .dependsOn(bucket.resource(), originAccess.resource(), edgeFunction.resource())
        .addDependentResourceAndConfigure(policy.resource()).dependsOn(distribution.resource())
        .withThrowExceptionFurther(false)
        .build();
  }

  List<Stage<?>> stages() {
    return stages;
  }

  Workflow<ProtectedFileStore> workflow() {
    return workflow;
  }

  /** What the edge function recorded beyond its own state: the keys, for the status. */
  static void reportKeys(ProtectedFileStoreStatus status, Context<ProtectedFileStore> context) {
    AwsResource.recorded(context, EdgeKeys.class)
        .ifPresent(keys -> status.setSigningKeySecret(keys.signingKeySecret()));
  }

  private static CloudFrontReader cloudFrontReader(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    ObservedOriginAccess access = AwsResource.recorded(context, ObservedOriginAccess.class).orElseThrow();
    if (access.type() == OriginAccessType.OAI) {
      return new CloudFrontReader.OriginAccessIdentity(access.id());
    }
    return new CloudFrontReader.Distribution(
        AwsResource.recorded(context, ObservedDistribution.class).orElseThrow().arn());
  }

  private static void reportEdgeFunction(ProtectedFileStoreStatus status, ObservedEdgeFunction f) {
    AuthorizerStatus authorizer = authorizer(status);
    authorizer.setFunctionArn(f.functionArn());
    authorizer.setVersion(f.version());
    authorizer.setQualifiedArn(f.qualifiedArn());
    authorizer.setCodeSha256(f.codeSha256());
  }

  private static void reportDistribution(ProtectedFileStoreStatus status, ObservedDistribution d) {
    status.setDistribution(new DistributionStatus(d.id(), d.arn(), d.domainName(), d.status()));
    status.setUrl("https://" + d.domainName());
  }

  private static AuthorizerStatus authorizer(ProtectedFileStoreStatus status) {
    if (status.getAuthorizer() == null) {
      status.setAuthorizer(new AuthorizerStatus());
    }
    return status.getAuthorizer();
  }
}
