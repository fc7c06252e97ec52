package io.protectedfiles.operator.aws.cloudfront;

import static io.protectedfiles.operator.aws.cloudfront.CloudFrontStages.NAMESPACE;
import static io.protectedfiles.operator.aws.cloudfront.CloudFrontStages.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult.Operation;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.protectedfiles.operator.api.v1alpha1.OriginAccessType;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.DeletionInProgress;
import io.protectedfiles.operator.testsupport.AwsEmulator;
import io.protectedfiles.operator.testsupport.EdgeFunctions;
import io.protectedfiles.operator.testsupport.ReconcileContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontOriginAccessIdentitySummary;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlConfig;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlSummary;

/** The store's origin access identity or control in the emulator, owned through names derived from its uid. */
class OriginAccessIT {

  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  final CloudFrontClient cloudFront = aws.cloudFront();
  CloudFrontStages stages;

  @BeforeEach
  void createStages() {
    stages = new CloudFrontStages(null);
  }

  @AfterEach
  void closeClients() {
    stages.close();
  }

  @Test
  void identityHasTheStoresUidAsCallerReferenceAndNamesTheStore() {
    ProtectedFileStore store = store("team-assets");

    ReconcileResult<ObservedOriginAccess> result = reconcile(store);

    ObservedOriginAccess recorded = result.getSingleResource().orElseThrow();
    assertThat(result.getSingleOperation()).isEqualTo(Operation.CREATED);
    assertThat(recorded.type()).isEqualTo(OriginAccessType.OAI);
    assertThat(recorded.s3CanonicalUserId()).isNotBlank();
    assertThat(recorded.etag()).isNotBlank();
    var config = cloudFront.getCloudFrontOriginAccessIdentityConfig(r -> r.id(recorded.id()))
        .cloudFrontOriginAccessIdentityConfig();
    assertThat(config.callerReference()).isEqualTo(store.getMetadata().getUid());
    assertThat(config.comment()).isEqualTo("ProtectedFileStore " + NAMESPACE + "/team-assets");
    assertThat(reconcile(store).getSingleOperation()).isEqualTo(Operation.NONE);
  }

  @Test
  void createdAgainAfterALostAnswerItIsTheSameIdentity() {
    ProtectedFileStore store = store("team-assets");
    var context = new ReconcileContext(store);
    ObservedOriginAccess desired = stages.originAccess.desired(store, context);

    ObservedOriginAccess first = stages.originAccess.create(desired, store, context);
    ObservedOriginAccess second = stages.originAccess.create(desired, store, context);

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(identities()).extracting(CloudFrontOriginAccessIdentitySummary::id).containsExactly(first.id());
    assertThat(reconcile(store).getSingleOperation()).isEqualTo(Operation.NONE);
  }

  @Test
  void anIdentityWhoseCommentWasChangedByHandIsFoundByItsCallerReferenceAndPutBack() {
    ProtectedFileStore store = store("team-assets");
    ObservedOriginAccess created = reconcile(store).getSingleResource().orElseThrow();
    cloudFront.updateCloudFrontOriginAccessIdentity(r -> r.id(created.id()).ifMatch(created.etag())
        .cloudFrontOriginAccessIdentityConfig(c -> c.callerReference(store.getMetadata().getUid()).comment("renamed")));

    ObservedOriginAccess repaired = reconcile(store).getSingleResource().orElseThrow();

    assertThat(repaired.id()).isEqualTo(created.id());
    assertThat(identities()).singleElement()
        .satisfies(i -> assertThat(i.comment()).isEqualTo("ProtectedFileStore " + NAMESPACE + "/team-assets"));
  }

  @Test
  void anIdentityOfAnEarlierStoreOfTheSameNameIsNotTaken() {
    ProtectedFileStore earlier = store("team-assets");
    String earlierId = reconcile(earlier).getSingleResource().orElseThrow().id();

    ObservedOriginAccess recorded = reconcile(store("team-assets")).getSingleResource().orElseThrow();

    assertThat(recorded.id()).isNotEqualTo(earlierId);
    assertThat(identities()).hasSize(2);
  }

  @Test
  void controlIsNamedAfterTheStoreAndSignsEveryRequestToS3() {
    ProtectedFileStore store = store("team-assets");
    store.getSpec().setOriginAccess(OriginAccessType.OAC);

    ReconcileResult<ObservedOriginAccess> result = reconcile(store);

    ObservedOriginAccess recorded = result.getSingleResource().orElseThrow();
    assertThat(result.getSingleOperation()).isEqualTo(Operation.CREATED);
    assertThat(recorded.type()).isEqualTo(OriginAccessType.OAC);
    assertThat(recorded.s3CanonicalUserId()).isNull();
    OriginAccessControlConfig config = cloudFront.getOriginAccessControl(r -> r.id(recorded.id()))
        .originAccessControl().originAccessControlConfig();
    assertThat(config.name()).isEqualTo("pfs-" + store.getMetadata().getUid()).hasSizeLessThanOrEqualTo(64);
    assertThat(config.description()).isEqualTo("ProtectedFileStore " + NAMESPACE + "/team-assets");
    assertThat(config.originAccessControlOriginTypeAsString()).isEqualTo("s3");
    assertThat(config.signingBehaviorAsString()).isEqualTo("always");
    assertThat(config.signingProtocolAsString()).isEqualTo("sigv4");
    assertThat(reconcile(store).getSingleOperation()).isEqualTo(Operation.NONE);
    assertThat(controls()).hasSize(1);
  }

  @Test
  void controlSigningChangedByHandIsPutBack() {
    ProtectedFileStore store = store("team-assets");
    store.getSpec().setOriginAccess(OriginAccessType.OAC);
    ObservedOriginAccess created = reconcile(store).getSingleResource().orElseThrow();
    var current = cloudFront.getOriginAccessControl(r -> r.id(created.id()));
    cloudFront.updateOriginAccessControl(r -> r.id(created.id()).ifMatch(current.eTag())
        .originAccessControlConfig(current.originAccessControl().originAccessControlConfig().toBuilder()
            .signingBehavior("no-override").build()));

    ReconcileResult<ObservedOriginAccess> result = reconcile(store);

    assertThat(result.getSingleOperation()).isEqualTo(Operation.UPDATED);
    assertThat(cloudFront.getOriginAccessControl(r -> r.id(created.id()))
        .originAccessControl().originAccessControlConfig().signingBehaviorAsString()).isEqualTo("always");
  }

  @Test
  void deletingWaitsWhileADistributionUsesTheIdentity() {
    aws.control().configure(Map.of("distributionDeployReads", 1));
    ProtectedFileStore store = store("team-assets");
    stages.publishAuthorizer(EdgeFunctions.edgeVersion(aws, "authorizer"));
    var reconciled = stages.reconcile(store);
    String distributionId = reconciled.distribution().id();

    assertThatThrownBy(() -> stages.originAccess.delete(store, new ReconcileContext(store)))
        .isInstanceOf(DeletionInProgress.class)
        .hasMessageContaining("OAI");
    assertThat(identities()).hasSize(1);

    disableAndDelete(distributionId);
    stages.originAccess.delete(store, new ReconcileContext(store));

    assertThat(identities()).isEmpty();
  }

  @Test
  void deletingRemovesBothKindsWhenAStoreSwitchedHalfway() {
    ProtectedFileStore store = store("team-assets");
    reconcile(store);
    var context = new ReconcileContext(store);
    store.getSpec().setOriginAccess(OriginAccessType.OAC);
    stages.originAccess.create(stages.originAccess.desired(store, context), store, context);

    stages.originAccess.delete(store, new ReconcileContext(store));

    assertThat(identities()).isEmpty();
    assertThat(controls()).isEmpty();
  }

  private ReconcileResult<ObservedOriginAccess> reconcile(ProtectedFileStore store) {
    return stages.originAccess.reconcile(store, new ReconcileContext(store));
  }

  private List<CloudFrontOriginAccessIdentitySummary> identities() {
    return cloudFront.listCloudFrontOriginAccessIdentities(r -> {}).cloudFrontOriginAccessIdentityList().items();
  }

  private List<OriginAccessControlSummary> controls() {
    return cloudFront.listOriginAccessControls(r -> {}).originAccessControlList().items();
  }

  private void disableAndDelete(String id) {
    var current = cloudFront.getDistributionConfig(r -> r.id(id));
    String etag = cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag())
            .distributionConfig(current.distributionConfig().toBuilder().enabled(false).build()))
        .eTag();
    await().atMost(Duration.ofSeconds(10))
        .until(() -> "Deployed".equals(cloudFront.getDistribution(r -> r.id(id)).distribution().status()));
    cloudFront.deleteDistribution(r -> r.id(id).ifMatch(etag));
  }
}
