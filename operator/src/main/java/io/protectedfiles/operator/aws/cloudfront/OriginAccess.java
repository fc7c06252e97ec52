package io.protectedfiles.operator.aws.cloudfront;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.protectedfiles.operator.api.v1alpha1.OriginAccessType;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.aws.AwsResource;
import io.protectedfiles.operator.aws.DeletionInProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the store's distribution proves to S3 that it may read the bucket: an origin access identity
 * (spec.originAccess OAI, the default) or an origin access control (OAC).
 *
 * <p>When the spec switches kind, the new one is made first and the distribution moves to it; the
 * old one is deleted by a later reconcile, once no distribution uses it any more (CloudFront refuses
 * to delete one in use).
 */
public class OriginAccess extends AwsResource<ObservedOriginAccess> {

  private static final Logger log = LoggerFactory.getLogger(OriginAccess.class);

  private final List<OriginAccessApi> apis;

  public OriginAccess(AwsClients aws) {
    super(ObservedOriginAccess.class);
    this.apis = List.of(new OriginAccessIdentityApi(aws), new OriginAccessControlApi(aws));
  }

  @Override
  public String describe() {
    return "CloudFront origin access";
  }

  @Override
  public ReconcileResult<ObservedOriginAccess> reconcile(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    ReconcileResult<ObservedOriginAccess> result = super.reconcile(store, context);
    retireOtherKinds(store);
    return result;
  }

  @Override
  protected Optional<ObservedOriginAccess> observe(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    return api(wantedType(store)).find(store);
  }

  @Override
  protected ObservedOriginAccess desired(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    return api(wantedType(store)).desired(store);
  }

  @Override
  protected boolean matches(ObservedOriginAccess observed, ObservedOriginAccess desired) {
    return observed.type() == desired.type()
        && observed.comment().equals(desired.comment())
        && Objects.equals(observed.signing(), desired.signing());
  }

  @Override
  public ObservedOriginAccess create(
      ObservedOriginAccess desired, ProtectedFileStore store, Context<ProtectedFileStore> context) {
    return api(desired.type()).create(store);
  }

  @Override
  public ObservedOriginAccess update(
      ObservedOriginAccess observed,
      ObservedOriginAccess desired,
      ProtectedFileStore store,
      Context<ProtectedFileStore> context) {
    return api(observed.type()).update(observed, store);
  }

  /** Deletes the store's OAI and OAC, whichever exist; waits while a distribution still uses one. */
  @Override
  protected void delete(ObservedOriginAccess observed, ProtectedFileStore store, Context<ProtectedFileStore> context) {
    List<OriginAccessType> inUse = new ArrayList<>();
    for (OriginAccessApi api : apis) {
      Optional<ObservedOriginAccess> found = api.find(store);
      if (found.isPresent() && !api.deleteUnlessInUse(found.get())) {
        inUse.add(api.type());
      }
    }
    if (!inUse.isEmpty()) {
      throw new DeletionInProgress(
          "waiting for the CloudFront distribution to stop using the store's " + inUse + " before deleting it");
    }
  }

  private void retireOtherKinds(ProtectedFileStore store) {
    OriginAccessType wanted = wantedType(store);
    for (OriginAccessApi api : apis) {
      if (api.type() == wanted) {
        continue;
      }
      api.find(store).ifPresent(old -> {
        if (api.deleteUnlessInUse(old)) {
          log.info("deleted {} {} of {}: the store uses {} now", old.type(), old.id(), store.getMetadata().getName(), wanted);
        } else {
          log.info("keeping {} {} until the distribution has moved to the {}", old.type(), old.id(), wanted);
        }
      });
    }
  }

  private OriginAccessApi api(OriginAccessType type) {
    return apis.stream().filter(api -> api.type() == type).findFirst().orElseThrow();
  }

  private static OriginAccessType wantedType(ProtectedFileStore store) {
    return store.specOrDefaults().originAccessOrDefault();
  }
}
