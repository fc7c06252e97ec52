package io.protectedfiles.operator.aws.cloudfront;

import io.protectedfiles.operator.api.v1alpha1.OriginAccessType;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.aws.OwnerTags;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontOriginAccessIdentity;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontOriginAccessIdentityAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontOriginAccessIdentityInUseException;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontOriginAccessIdentitySummary;
import software.amazon.awssdk.services.cloudfront.model.GetCloudFrontOriginAccessIdentityResponse;
import software.amazon.awssdk.services.cloudfront.model.ListCloudFrontOriginAccessIdentitiesRequest;
import software.amazon.awssdk.services.cloudfront.model.NoSuchCloudFrontOriginAccessIdentityException;
import software.amazon.awssdk.services.cloudfront.paginators.ListCloudFrontOriginAccessIdentitiesIterable;

/**
 * Origin access identities. A store's OAI has the store's uid as CallerReference: CloudFront answers
 * a repeated create with the same CallerReference and comment with the identity it made the first
 * time, so a crash between create and status never makes a second one
 * (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateCloudFrontOriginAccessIdentity.html).
 */
final class OriginAccessIdentityApi implements OriginAccessApi {

  // CloudFrontOriginAccessIdentityConfig.Comment: at most 128 characters.
  private static final int COMMENT_MAX_LENGTH = 128;

  private final AwsClients aws;

  OriginAccessIdentityApi(AwsClients aws) {
    this.aws = aws;
  }

  @Override
  public OriginAccessType type() {
    return OriginAccessType.OAI;
  }

  @Override
  public Optional<ObservedOriginAccess> find(ProtectedFileStore store) {
    // Listings show the comment but not the CallerReference: the comment picks the candidates,
    // the CallerReference (one read each) proves which is this store's.
    String comment = comment(store);
    return findAmong(store, summary -> comment.equals(summary.comment()));
  }

  @Override
  public ObservedOriginAccess desired(ProtectedFileStore store) {
    return new ObservedOriginAccess(OriginAccessType.OAI, null, null, null, comment(store), null);
  }

  @Override
  public ObservedOriginAccess create(ProtectedFileStore store) {
    CloudFrontClient cloudFront = aws.cloudFront();
    try {
      var created = cloudFront.createCloudFrontOriginAccessIdentity(r -> r.cloudFrontOriginAccessIdentityConfig(
          c -> c.callerReference(callerReference(store)).comment(comment(store))));
      return observed(created.cloudFrontOriginAccessIdentity(), created.eTag());
    } catch (CloudFrontOriginAccessIdentityAlreadyExistsException e) {
      // The CallerReference is this store's, but the identity's comment was changed since, so
      // find didn't see it: take it and put the comment back.
      ObservedOriginAccess existing = findAmong(store, summary -> true).orElseThrow(() -> e);
      return update(existing, store);
    } catch (CloudFrontException e) {
      throw CloudFrontRefusals.classify(e, "creating the origin access identity of " + OwnerTags.of(store).describe());
    }
  }

  @Override
  public ObservedOriginAccess update(ObservedOriginAccess observed, ProtectedFileStore store) {
    CloudFrontClient cloudFront = aws.cloudFront();
    return StaleEtag.retryOnce(observed.etag(), () -> read(observed.id()).eTag(), etag -> {
      var updated = cloudFront.updateCloudFrontOriginAccessIdentity(r -> r.id(observed.id()).ifMatch(etag)
          .cloudFrontOriginAccessIdentityConfig(c -> c.callerReference(callerReference(store)).comment(comment(store))));
      return observed(updated.cloudFrontOriginAccessIdentity(), updated.eTag());
    });
  }

  @Override
  public boolean deleteUnlessInUse(ObservedOriginAccess observed) {
    CloudFrontClient cloudFront = aws.cloudFront();
    try {
      StaleEtag.retryOnce(observed.etag(), () -> read(observed.id()).eTag(),
          etag -> cloudFront.deleteCloudFrontOriginAccessIdentity(r -> r.id(observed.id()).ifMatch(etag)));
      return true;
    } catch (CloudFrontOriginAccessIdentityInUseException e) {
      return false;
    } catch (NoSuchCloudFrontOriginAccessIdentityException e) {
      return true;
    }
  }

  private Optional<ObservedOriginAccess> findAmong(
      ProtectedFileStore store, Predicate<CloudFrontOriginAccessIdentitySummary> candidate) {
    String callerReference = callerReference(store);
    for (CloudFrontOriginAccessIdentitySummary summary :
        new ListCloudFrontOriginAccessIdentitiesIterable(
            aws.cloudFront(), ListCloudFrontOriginAccessIdentitiesRequest.builder().build()).items()) {
      if (!candidate.test(summary)) {
        continue;
      }
      GetCloudFrontOriginAccessIdentityResponse identity;
      try {
        identity = read(summary.id());
      } catch (NoSuchCloudFrontOriginAccessIdentityException e) {
        continue;
      }
      if (callerReference.equals(identity.cloudFrontOriginAccessIdentity()
          .cloudFrontOriginAccessIdentityConfig().callerReference())) {
        return Optional.of(observed(identity.cloudFrontOriginAccessIdentity(), identity.eTag()));
      }
    }
    return Optional.empty();
  }

  private GetCloudFrontOriginAccessIdentityResponse read(String id) {
    return aws.cloudFront().getCloudFrontOriginAccessIdentity(r -> r.id(id));
  }

  private static ObservedOriginAccess observed(CloudFrontOriginAccessIdentity identity, String etag) {
    return new ObservedOriginAccess(
        OriginAccessType.OAI,
        identity.id(),
        identity.s3CanonicalUserId(),
        etag,
        identity.cloudFrontOriginAccessIdentityConfig().comment(),
        null);
  }

  private static String callerReference(ProtectedFileStore store) {
    return store.getMetadata().getUid();
  }

  private static String comment(ProtectedFileStore store) {
    return StoreLabels.owner(store, COMMENT_MAX_LENGTH);
  }
}
