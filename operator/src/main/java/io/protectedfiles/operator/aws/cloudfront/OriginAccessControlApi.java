package io.protectedfiles.operator.aws.cloudfront;

import io.protectedfiles.operator.api.v1alpha1.OriginAccessType;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.aws.OwnerTags;
import io.protectedfiles.operator.aws.cloudfront.ObservedOriginAccess.Signing;
import java.util.Optional;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;
import software.amazon.awssdk.services.cloudfront.model.GetOriginAccessControlResponse;
import software.amazon.awssdk.services.cloudfront.model.ListOriginAccessControlsRequest;
import software.amazon.awssdk.services.cloudfront.model.NoSuchOriginAccessControlException;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControl;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlConfig;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlInUseException;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlSummary;
import software.amazon.awssdk.services.cloudfront.paginators.ListOriginAccessControlsIterable;

/**
 * Origin access controls. A store's OAC is named "pfs-" and the store's uid: names are unique in an
 * account (a second create is OriginAccessControlAlreadyExists), at most 64 characters, and a uid
 * is 36 (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginAccessControlConfig.html).
 */
final class OriginAccessControlApi implements OriginAccessApi {

  private static final String NAME_PREFIX = "pfs-";
  // OriginAccessControlConfig.Description: at most 256 characters.
  private static final int DESCRIPTION_MAX_LENGTH = 256;

  private final AwsClients aws;

  OriginAccessControlApi(AwsClients aws) {
    this.aws = aws;
  }

  @Override
  public OriginAccessType type() {
    return OriginAccessType.OAC;
  }

  @Override
  public Optional<ObservedOriginAccess> find(ProtectedFileStore store) {
    String name = name(store);
    for (OriginAccessControlSummary summary : new ListOriginAccessControlsIterable(aws.cloudFront(), ListOriginAccessControlsRequest.builder().build()).items()) {
      if (name.equals(summary.name())) {
        try {
          return Optional.of(observed(read(summary.id())));
        } catch (NoSuchOriginAccessControlException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public ObservedOriginAccess desired(ProtectedFileStore store) {
    return new ObservedOriginAccess(OriginAccessType.OAC, null, null, null, description(store), Signing.S3_ALWAYS_SIGV4);
  }

  @Override
  public ObservedOriginAccess create(ProtectedFileStore store) {
    try {
      var created = aws.cloudFront().createOriginAccessControl(r -> r.originAccessControlConfig(config(store)));
      return observed(created.originAccessControl(), created.eTag());
    } catch (OriginAccessControlAlreadyExistsException e) {
      // Made by an earlier attempt that stopped before its result was recorded.
      return update(find(store).orElseThrow(() -> e), store);
    } catch (CloudFrontException e) {
      throw CloudFrontRefusals.classify(e, "creating the origin access control of " + OwnerTags.of(store).describe());
    }
  }

  @Override
  public ObservedOriginAccess update(ObservedOriginAccess observed, ProtectedFileStore store) {
    CloudFrontClient cloudFront = aws.cloudFront();
    return StaleEtag.retryOnce(observed.etag(), () -> read(observed.id()).eTag(), etag -> {
      var updated = cloudFront.updateOriginAccessControl(
          r -> r.id(observed.id()).ifMatch(etag).originAccessControlConfig(config(store)));
      return observed(updated.originAccessControl(), updated.eTag());
    });
  }

  @Override
  public boolean deleteUnlessInUse(ObservedOriginAccess observed) {
    CloudFrontClient cloudFront = aws.cloudFront();
    try {
      StaleEtag.retryOnce(observed.etag(), () -> read(observed.id()).eTag(),
          etag -> cloudFront.deleteOriginAccessControl(r -> r.id(observed.id()).ifMatch(etag)));
      return true;
    } catch (OriginAccessControlInUseException e) {
      return false;
    } catch (NoSuchOriginAccessControlException e) {
      return true;
    }
  }

  private GetOriginAccessControlResponse read(String id) {
    return aws.cloudFront().getOriginAccessControl(r -> r.id(id));
  }

  private static ObservedOriginAccess observed(GetOriginAccessControlResponse response) {
    return observed(response.originAccessControl(), response.eTag());
  }

  private static ObservedOriginAccess observed(OriginAccessControl control, String etag) {
    OriginAccessControlConfig config = control.originAccessControlConfig();
    return new ObservedOriginAccess(
        OriginAccessType.OAC,
        control.id(),
        null,
        etag,
        config.description(),
        new Signing(
            config.originAccessControlOriginTypeAsString(),
            config.signingBehaviorAsString(),
            config.signingProtocolAsString()));
  }

  private static OriginAccessControlConfig config(ProtectedFileStore store) {
    Signing signing = Signing.S3_ALWAYS_SIGV4;
    return OriginAccessControlConfig.builder()
        .name(name(store))
        .description(description(store))
        .originAccessControlOriginType(signing.originType())
        .signingBehavior(signing.behavior())
        .signingProtocol(signing.protocol())
        .build();
  }

  private static String name(ProtectedFileStore store) {
    return NAME_PREFIX + store.getMetadata().getUid();
  }

  private static String description(ProtectedFileStore store) {
    return StoreLabels.owner(store, DESCRIPTION_MAX_LENGTH);
  }
}
