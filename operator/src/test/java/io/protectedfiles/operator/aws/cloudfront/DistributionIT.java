package io.protectedfiles.operator.aws.cloudfront;

import static io.protectedfiles.operator.aws.cloudfront.CloudFrontStages.BUCKET_DOMAIN;
import static io.protectedfiles.operator.aws.cloudfront.CloudFrontStages.NAMESPACE;
import static io.protectedfiles.operator.aws.cloudfront.CloudFrontStages.store;
import static io.protectedfiles.operator.aws.cloudfront.CloudFrontStages.withStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult.Operation;
import io.protectedfiles.operator.api.v1alpha1.DistributionSpec;
import io.protectedfiles.operator.api.v1alpha1.OriginAccessType;
import io.protectedfiles.operator.api.v1alpha1.PriceClass;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.DeletionInProgress;
import io.protectedfiles.operator.aws.OwnerTags;
import io.protectedfiles.operator.aws.TerminalFailure;
import io.protectedfiles.operator.aws.cloudfront.CloudFrontStages.Reconciled;
import io.protectedfiles.operator.testsupport.AwsEmulator;
import io.protectedfiles.operator.testsupport.EdgeFunctions;
import io.protectedfiles.operator.testsupport.ReconcileContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context.BeforeExecution;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.cloudfront.model.LambdaFunctionAssociation;
import software.amazon.awssdk.services.cloudfront.model.Method;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.UpdateDistributionRequest;

/** The store's distribution in the emulator: created, found again, put back, updated safely, deleted. */
class DistributionIT {

  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  static final String CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-123456789012";

  final CloudFrontClient cloudFront = aws.cloudFront();
  String authorizer;
  CloudFrontStages stages;

  @BeforeEach
  void publishAuthorizer() {
    authorizer = EdgeFunctions.edgeVersion(aws, "authorizer");
    stages = new CloudFrontStages(authorizer);
  }

  @AfterEach
  void closeClients() {
    stages.close();
  }

  @Test
  void createdWithEverySettingTheSpecAsksFor() {
    ProtectedFileStore store = store("team-assets");
    DistributionSpec spec = new DistributionSpec();
    spec.setPriceClass(PriceClass.PriceClass_200);
    spec.setAliases(List.of("files.example.com", "cdn.example.com"));
    spec.setCertificateArn(CERTIFICATE);
    spec.setComment("team assets");
    spec.setDefaultRootObject("index.html");
    store.getSpec().setDistribution(spec);

    Reconciled reconciled = stages.reconcile(store);

    assertThat(reconciled.distributionOperation()).isEqualTo(Operation.CREATED);
    ObservedDistribution recorded = reconciled.distribution();
    assertThat(recorded.status()).isEqualTo("InProgress");
    assertThat(recorded.isDeployed()).isFalse();
    assertThat(recorded.domainName()).endsWith(".cloudfront.net");
    assertThat(recorded.arn()).isEqualTo("arn:aws:cloudfront::123456789012:distribution/" + recorded.id());
    DistributionConfig config = cloudFront.getDistributionConfig(r -> r.id(recorded.id())).distributionConfig();
    assertThat(config.callerReference()).isEqualTo(store.getMetadata().getUid());
    assertThat(config.enabled()).isTrue();
    assertThat(config.comment()).isEqualTo("team assets");
    assertThat(config.priceClassAsString()).isEqualTo("PriceClass_200");
    assertThat(config.defaultRootObject()).isEqualTo("index.html");
    assertThat(config.httpVersionAsString()).isEqualTo("http2and3");
    assertThat(config.isIPV6Enabled()).isTrue();
    assertThat(config.aliases().items()).containsExactlyInAnyOrder("files.example.com", "cdn.example.com");
    assertThat(config.viewerCertificate().acmCertificateArn()).isEqualTo(CERTIFICATE);
    assertThat(config.viewerCertificate().sslSupportMethodAsString()).isEqualTo("sni-only");
    assertThat(config.viewerCertificate().minimumProtocolVersionAsString()).isEqualTo("TLSv1.2_2021");
    assertThat(config.viewerCertificate().cloudFrontDefaultCertificate()).isFalse();
    Origin origin = config.origins().items().get(0);
    assertThat(config.origins().items()).hasSize(1);
    assertThat(origin.id()).isEqualTo("s3-acme-team-assets");
    assertThat(origin.domainName()).isEqualTo(BUCKET_DOMAIN);
    assertThat(origin.s3OriginConfig().originAccessIdentity())
        .isEqualTo("origin-access-identity/cloudfront/" + reconciled.originAccess().id());
    assertThat(origin.originAccessControlId()).isNullOrEmpty();
    var behavior = config.defaultCacheBehavior();
    assertThat(behavior.targetOriginId()).isEqualTo(origin.id());
    assertThat(behavior.viewerProtocolPolicyAsString()).isEqualTo("redirect-to-https");
    assertThat(behavior.allowedMethods().items()).containsExactlyInAnyOrder(Method.GET, Method.HEAD, Method.OPTIONS);
    assertThat(behavior.allowedMethods().cachedMethods().items()).containsExactlyInAnyOrder(Method.GET, Method.HEAD, Method.OPTIONS);
    assertThat(behavior.cachePolicyId()).isEqualTo("658327ea-f89d-4fab-a63d-7e88639e58f6");
    assertThat(behavior.originRequestPolicyId()).isEqualTo("88a5eaf4-2fd4-4709-b370-b4c650ea3fcf");
    assertThat(behavior.responseHeadersPolicyId()).isEqualTo("5cc3b908-e619-4b99-88e5-2cf7f45965bd");
    assertThat(behavior.compress()).isTrue();
    assertThat(behavior.lambdaFunctionAssociations().items()).singleElement().satisfies(a -> {
      assertThat(a.eventTypeAsString()).isEqualTo("viewer-request");
      assertThat(a.lambdaFunctionARN()).isEqualTo(authorizer);
      assertThat(a.includeBody()).isFalse();
    });
    assertThat(tagsOf(recorded.arn())).containsAllEntriesOf(Map.of(
        OwnerTags.NAMESPACE_KEY, NAMESPACE,
        OwnerTags.NAME_KEY, "team-assets",
        OwnerTags.UID_KEY, store.getMetadata().getUid()));
    assertThat(recorded.edgeFunctionArns()).containsExactly(authorizer);
  }

  @Test
  void defaultsAreCloudFrontsCertificateAndTheStoreAsComment() {
    ObservedDistribution recorded = stages.reconcile(store("team-assets")).distribution();

    DistributionConfig config = cloudFront.getDistributionConfig(r -> r.id(recorded.id())).distributionConfig();
    assertThat(config.comment()).isEqualTo(NAMESPACE + "/team-assets");
    assertThat(config.priceClassAsString()).isEqualTo("PriceClass_100");
    assertThat(config.defaultRootObject()).isEmpty();
    assertThat(config.aliases().items()).isEmpty();
    assertThat(config.viewerCertificate().cloudFrontDefaultCertificate()).isTrue();
    assertThat(config.viewerCertificate().acmCertificateArn()).isNullOrEmpty();
  }

  @Test
  void aReconcileWithNothingChangedFindsItAgainAndChangesNothing() {
    ProtectedFileStore store = store("team-assets");
    ObservedDistribution created = stages.reconcile(store).distribution();
    aws.control().clearCalls();

    // Once with the id in the status, once as after a crash before the status was written.
    Reconciled fromStatus = stages.reconcile(withStatus(store, created));
    store.setStatus(null);
    Reconciled bySearch = stages.reconcile(store);

    assertThat(aws.control().mutatingCalls()).isEmpty();
    for (Reconciled reconciled : List.of(fromStatus, bySearch)) {
      assertThat(reconciled.originAccessOperation()).isEqualTo(Operation.NONE);
      assertThat(reconciled.distributionOperation()).isEqualTo(Operation.NONE);
      assertThat(reconciled.distribution().id()).isEqualTo(created.id());
    }
    assertThat(distributions()).hasSize(1);
  }

  @Test
  void aSecondCreateAfterALostAnswerTakesTheFirstDistribution() {
    ProtectedFileStore store = store("team-assets");
    ObservedDistribution first = stages.reconcile(store).distribution();
    var context = new ReconcileContext(store)
        .recording(CloudFrontStages.BUCKET)
        .recording(stages.reconcile(store).originAccess());

    ObservedDistribution again = stages.distribution.create(stages.distribution.desired(store, context), store, context);

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(distributions()).hasSize(1);
  }

  @Test
  void settingsChangedByHandArePutBackWithTheCurrentEtag() {
    ProtectedFileStore store = store("team-assets");
    ObservedDistribution created = stages.reconcile(store).distribution();
    GetDistributionConfigResponse current = cloudFront.getDistributionConfig(r -> r.id(created.id()));
    DistributionConfig tampered = current.distributionConfig().toBuilder()
        .priceClass("PriceClass_All")
        .defaultCacheBehavior(current.distributionConfig().defaultCacheBehavior().toBuilder()
            .viewerProtocolPolicy("allow-all")
            .lambdaFunctionAssociations(a -> a.quantity(0))
            .build())
        .build();
    String handEditEtag = cloudFront
        .updateDistribution(r -> r.id(created.id()).ifMatch(current.eTag()).distributionConfig(tampered))
        .eTag();

    Reconciled reconciled = stages.reconcile(withStatus(store, created));

    assertThat(reconciled.distributionOperation()).isEqualTo(Operation.UPDATED);
    assertThat(reconciled.distribution().etag()).isNotEqualTo(handEditEtag);
    assertThat(reconciled.distribution().status()).isEqualTo("InProgress");
    DistributionConfig repaired = cloudFront.getDistributionConfig(r -> r.id(created.id())).distributionConfig();
    assertThat(repaired.priceClassAsString()).isEqualTo("PriceClass_100");
    assertThat(repaired.defaultCacheBehavior().viewerProtocolPolicyAsString()).isEqualTo("redirect-to-https");
    assertThat(repaired.defaultCacheBehavior().lambdaFunctionAssociations().items())
        .extracting(LambdaFunctionAssociation::lambdaFunctionARN)
        .containsExactly(authorizer);
    assertThat(stages.reconcile(store).distributionOperation()).isEqualTo(Operation.NONE);
  }

  @Test
  void aStaleEtagIsReadAgainAndTheUpdateRetried() {
    ProtectedFileStore store = store("team-assets");
    ObservedDistribution created = stages.reconcile(store).distribution();
    String newVersion = EdgeFunctions.nextVersion(aws, "authorizer", "v2");
    var racing = new CloudFrontStages(newVersion, List.of(new HandEditBeforeFirstUpdate(created.id())));
    aws.control().clearCalls();

    Reconciled reconciled;
    try (racing) {
      reconciled = racing.reconcile(withStatus(store, created));
    }

    assertThat(reconciled.distributionOperation()).isEqualTo(Operation.UPDATED);
    assertThat(updateStatuses()).containsExactly(200, 412, 200);
    DistributionConfig config = cloudFront.getDistributionConfig(r -> r.id(created.id())).distributionConfig();
    assertThat(config.defaultCacheBehavior().lambdaFunctionAssociations().items())
        .extracting(LambdaFunctionAssociation::lambdaFunctionARN)
        .containsExactly(newVersion);
    assertThat(config.comment()).isEqualTo(NAMESPACE + "/team-assets");
  }

  @Test
  void aNewAuthorizerVersionReplacesTheAssociation() {
    ProtectedFileStore store = store("team-assets");
    ObservedDistribution created = stages.reconcile(store).distribution();
    String second = EdgeFunctions.nextVersion(aws, "authorizer", "v2");

    stages.publishAuthorizer(second);
    Reconciled reconciled = stages.reconcile(withStatus(store, created));

    assertThat(reconciled.distributionOperation()).isEqualTo(Operation.UPDATED);
    assertThat(reconciled.distribution().edgeFunctionArns()).containsExactly(second);
  }

  @Test
  void withOriginAccessControlTheOriginNamesTheControlAndNoIdentity() {
    ProtectedFileStore store = store("team-assets");
    store.getSpec().setOriginAccess(OriginAccessType.OAC);

    Reconciled reconciled = stages.reconcile(store);

    Origin origin = cloudFront.getDistributionConfig(r -> r.id(reconciled.distribution().id()))
        .distributionConfig().origins().items().get(0);
    assertThat(origin.originAccessControlId()).isEqualTo(reconciled.originAccess().id());
    assertThat(origin.s3OriginConfig().originAccessIdentity()).isEmpty();
  }

  @Test
  void switchingFromIdentityToControlMovesTheDistributionThenDeletesTheIdentity() {
    ProtectedFileStore store = store("team-assets");
    Reconciled withIdentity = stages.reconcile(store);
    String identity = withIdentity.originAccess().id();

    store.getSpec().setOriginAccess(OriginAccessType.OAC);
    Reconciled switched = stages.reconcile(withStatus(store, withIdentity.distribution()));

    assertThat(switched.originAccessOperation()).isEqualTo(Operation.CREATED);
    assertThat(switched.distributionOperation()).isEqualTo(Operation.UPDATED);
    assertThat(identities()).containsExactly(identity);

    Reconciled settled = stages.reconcile(withStatus(store, switched.distribution()));

    assertThat(settled.originAccessOperation()).isEqualTo(Operation.NONE);
    assertThat(settled.distributionOperation()).isEqualTo(Operation.NONE);
    assertThat(identities()).isEmpty();
    Origin origin = cloudFront.getDistributionConfig(r -> r.id(settled.distribution().id()))
        .distributionConfig().origins().items().get(0);
    assertThat(origin.originAccessControlId()).isEqualTo(settled.originAccess().id());
  }

  @Test
  void deletingDisablesWaitsForTheDeploymentThenDeletes() {
    aws.control().configure(Map.of("distributionDeployReads", 1));
    ProtectedFileStore store = store("team-assets");
    ObservedDistribution created = stages.reconcile(store).distribution();
    var context = new ReconcileContext(withStatus(store, created));

    assertThatThrownBy(() -> stages.distribution.delete(store, context))
        .isInstanceOf(DeletionInProgress.class)
        .hasMessageContaining("disabling");
    // Reading the distribution here would count towards its deployment: the next step's message
    // says that it found the distribution disabled.
    assertThatThrownBy(() -> stages.distribution.delete(store, context))
        .isInstanceOf(DeletionInProgress.class)
        .hasMessageContaining("waiting for the disabled CloudFront distribution");

    stages.distribution.delete(store, context);

    assertThatThrownBy(() -> cloudFront.getDistribution(r -> r.id(created.id())))
        .isInstanceOf(NoSuchDistributionException.class);
    stages.distribution.delete(store, context);
  }

  @Test
  void cleanupWaitsForTheDistributionBeforeDeletingTheIdentity() {
    aws.control().configure(Map.of("distributionDeployReads", 1));
    ProtectedFileStore store = store("team-assets");
    ObservedDistribution created = stages.reconcile(store).distribution();
    withStatus(store, created);

    assertThatThrownBy(() -> stages.cleanup(store)).isInstanceOf(DeletionInProgress.class);
    assertThatThrownBy(() -> stages.cleanup(store)).isInstanceOf(DeletionInProgress.class);
    stages.cleanup(store);

    assertThat(distributions()).isEmpty();
    assertThat(identities()).isEmpty();
  }

  @Test
  void aDistributionWithTheStoresCallerReferenceTaggedForAnotherStoreIsRefusedAndLeftAlone() {
    ProtectedFileStore store = store("team-assets");
    var context = new ReconcileContext(store).recording(CloudFrontStages.BUCKET);
    stages.originAccess.reconcile(store, context);
    DistributionConfig config = stages.distribution.desired(store, context).settings()
        .applyTo(DistributionConfig.builder().callerReference(store.getMetadata().getUid()).build());
    var others = cloudFront.createDistributionWithTags(r -> r.distributionConfigWithTags(c -> c.distributionConfig(config)
        .tags(t -> t.items(
            Tag.builder().key(OwnerTags.NAMESPACE_KEY).value("other").build(),
            Tag.builder().key(OwnerTags.NAME_KEY).value("assets").build(),
            Tag.builder().key(OwnerTags.UID_KEY).value("0b7c0000-other-store").build()))));

    assertThatThrownBy(() -> stages.distribution.reconcile(store, context))
        .isInstanceOfSatisfying(TerminalFailure.class,
            e -> assertThat(e.reason()).isEqualTo("DistributionOwnedByAnotherStore"));
    stages.distribution.delete(store, new ReconcileContext(store));

    assertThat(distributions()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo(others.distribution().id());
      assertThat(d.enabled()).isTrue();
    });
    assertThat(cloudFront.getDistribution(r -> r.id(others.distribution().id())).eTag()).isEqualTo(others.eTag());
  }

  @Test
  void throttledCreatesStillMakeExactlyOneDistribution() {
    aws.control().injectFault("CreateDistribution", 2, "Throttling");

    Reconciled reconciled = stages.reconcile(store("team-assets"));

    assertThat(reconciled.distributionOperation()).isEqualTo(Operation.CREATED);
    assertThat(distributions()).extracting(DistributionSummary::id).containsExactly(reconciled.distribution().id());
    assertThat(aws.control().calls()).filteredOn(c -> c.endsWith(":CreateDistributionWithTags")).hasSize(3);
  }

  @Test
  void aFunctionCloudFrontRefusesIsATerminalFailureWithAReason() {
    stages.publishAuthorizer(authorizer.substring(0, authorizer.lastIndexOf(':')));

    assertThatThrownBy(() -> stages.reconcile(store("team-assets")))
        .isInstanceOfSatisfying(TerminalFailure.class, e -> {
          assertThat(e.reason()).isEqualTo("InvalidEdgeFunction");
          assertThat(e.getMessage()).contains("must reference a specific function version");
        });
    assertThat(distributions()).isEmpty();
  }

  /** Changes the distribution by hand just before the operator's first update reaches CloudFront. */
  private final class HandEditBeforeFirstUpdate implements ExecutionInterceptor {
    private final String distributionId;
    private final AtomicBoolean done = new AtomicBoolean();

    HandEditBeforeFirstUpdate(String distributionId) {
      this.distributionId = distributionId;
    }

    @Override
    public void beforeExecution(BeforeExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof UpdateDistributionRequest && done.compareAndSet(false, true)) {
        var current = cloudFront.getDistributionConfig(r -> r.id(distributionId));
        cloudFront.updateDistribution(r -> r.id(distributionId).ifMatch(current.eTag())
            .distributionConfig(current.distributionConfig().toBuilder().comment("edited by hand").build()));
      }
    }
  }

  private List<DistributionSummary> distributions() {
    return cloudFront.listDistributions(r -> {}).distributionList().items();
  }

  private List<String> identities() {
    return cloudFront.listCloudFrontOriginAccessIdentities(r -> {}).cloudFrontOriginAccessIdentityList().items().stream()
        .map(i -> i.id())
        .toList();
  }

  private Map<String, String> tagsOf(String arn) {
    return cloudFront.listTagsForResource(r -> r.resource(arn)).tags().items().stream()
        .collect(Collectors.toMap(Tag::key, Tag::value));
  }

  private List<Object> updateStatuses() {
    return aws.control().records().stream()
        .filter(c -> "UpdateDistribution".equals(c.get("operation")))
        .map(c -> c.get("status"))
        .toList();
  }
}
