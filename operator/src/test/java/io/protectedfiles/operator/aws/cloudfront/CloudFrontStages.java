package io.protectedfiles.operator.aws.cloudfront;

import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult.Operation;
import io.protectedfiles.operator.api.v1alpha1.DistributionStatus;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStoreSpec;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStoreStatus;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.aws.AwsResource;
import io.protectedfiles.operator.aws.s3.ObservedBucket.PublicAccess;
import io.protectedfiles.operator.aws.s3.ObservedBucket;
import io.protectedfiles.operator.config.OperatorSettings;
import io.protectedfiles.operator.testsupport.ReconcileContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The CloudFront stages of a store's workflow, run in the workflow's order (origin access, then the
 * distribution, after a bucket that is only recorded, not made) with the production AWS clients.
 */
final class CloudFrontStages implements AutoCloseable {

  static final String NAMESPACE = "acme";
  static final ObservedBucket BUCKET =
      new ObservedBucket("acme-team-assets", "us-west-2", PublicAccess.ALL_BLOCKED, "BucketOwnerEnforced", Map.of());
  static final String BUCKET_DOMAIN = "acme-team-assets.s3.us-west-2.amazonaws.com";

  private final AwsClients clients;
  final OriginAccess originAccess;
  final Distribution distribution;
  private String authorizerArn;

  CloudFrontStages(String authorizerArn) {
    this(authorizerArn, List.of());
  }

  /** @param interceptors see (and may act on) each call the stages make */
  CloudFrontStages(String authorizerArn, List<ExecutionInterceptor> interceptors) {
    this.authorizerArn = authorizerArn;
    this.clients = new AwsClients(new OperatorSettings(Set.of(), Set.of(), Duration.ofMinutes(10), true, null), interceptors);
    this.originAccess = new OriginAccess(clients);
    this.distribution = new Distribution(clients, context -> Optional.ofNullable(this.authorizerArn));
  }

  /** A store as the API server would hand it over: with a uid, nothing in its spec. */
  static ProtectedFileStore store(String name) {
    var store = new ProtectedFileStore();
    store.getMetadata().setNamespace(NAMESPACE);
    store.getMetadata().setName(name);
    store.getMetadata().setUid(UUID.randomUUID().toString());
    store.setSpec(new ProtectedFileStoreSpec());
    return store;
  }

  /** The store after its status recorded the distribution, as the reconciler writes it. */
  static ProtectedFileStore withStatus(ProtectedFileStore store, ObservedDistribution distribution) {
    var status = new ProtectedFileStoreStatus();
    status.setDistribution(new DistributionStatus(
        distribution.id(), distribution.arn(), distribution.domainName(), distribution.status()));
    store.setStatus(status);
    return store;
  }

  void publishAuthorizer(String arn) {
    this.authorizerArn = arn;
  }

  /** One reconcile of the two stages. */
  Reconciled reconcile(ProtectedFileStore store) {
    var context = new ReconcileContext(store).recording(BUCKET);
    Operation originAccessOperation = originAccess.reconcile(store, context).getSingleOperation();
    Operation distributionOperation = distribution.reconcile(store, context).getSingleOperation();
    return new Reconciled(
        originAccessOperation,
        distributionOperation,
        AwsResource.recorded(context, ObservedOriginAccess.class).orElseThrow(),
        AwsResource.recorded(context, ObservedDistribution.class).orElseThrow());
  }

  /** One round of the store's cleanup: the stages in reverse order, as the workflow runs them. */
  void cleanup(ProtectedFileStore store) {
    var context = new ReconcileContext(store);
    distribution.delete(store, context);
    originAccess.delete(store, context);
  }

  @Override
  public void close() {
    clients.close();
  }

  record Reconciled(
      Operation originAccessOperation,
      Operation distributionOperation,
      ObservedOriginAccess originAccess,
      ObservedDistribution distribution) {}
}
