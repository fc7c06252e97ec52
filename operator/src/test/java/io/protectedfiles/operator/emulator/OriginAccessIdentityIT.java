package io.protectedfiles.operator.emulator;

import static io.protectedfiles.operator.emulator.Distributions.config;
import static io.protectedfiles.operator.emulator.Distributions.originWithIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protectedfiles.operator.testsupport.AwsEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontOriginAccessIdentity;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontOriginAccessIdentityAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontOriginAccessIdentityInUseException;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontOriginAccessIdentitySummary;
import software.amazon.awssdk.services.cloudfront.model.CreateCloudFrontOriginAccessIdentityResponse;
import software.amazon.awssdk.services.cloudfront.model.IllegalUpdateException;
import software.amazon.awssdk.services.cloudfront.model.InvalidIfMatchVersionException;
import software.amazon.awssdk.services.cloudfront.model.InvalidOriginAccessIdentityException;
import software.amazon.awssdk.services.cloudfront.model.NoSuchCloudFrontOriginAccessIdentityException;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;

/** CloudFront origin access identities: the API moto lacks, with ETags and the in-use rule. */
class OriginAccessIdentityIT {

  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  final CloudFrontClient cloudFront = aws.cloudFront();

  @Test
  void createdIdentityHasAnIdACanonicalUserAndAnEtag() {
    CreateCloudFrontOriginAccessIdentityResponse created = create("store-1", "team assets");

    CloudFrontOriginAccessIdentity identity = created.cloudFrontOriginAccessIdentity();
    assertThat(identity.id()).matches("E[A-Z0-9]{13,14}");
    assertThat(identity.s3CanonicalUserId()).matches("[0-9a-f]{96}");
    assertThat(identity.cloudFrontOriginAccessIdentityConfig().callerReference()).isEqualTo("store-1");
    assertThat(identity.cloudFrontOriginAccessIdentityConfig().comment()).isEqualTo("team assets");
    assertThat(created.eTag()).isNotBlank();
    assertThat(created.location()).endsWith("/2020-05-31/origin-access-identity/cloudfront/" + identity.id());
    assertThat(created.sdkHttpResponse().statusCode()).isEqualTo(201);
  }

  @Test
  void getGetConfigAndListReturnTheIdentity() {
    CreateCloudFrontOriginAccessIdentityResponse created = create("store-1", "team assets");
    String id = created.cloudFrontOriginAccessIdentity().id();

    var got = cloudFront.getCloudFrontOriginAccessIdentity(r -> r.id(id));
    var config = cloudFront.getCloudFrontOriginAccessIdentityConfig(r -> r.id(id));
    var listed = cloudFront.listCloudFrontOriginAccessIdentities(r -> {}).cloudFrontOriginAccessIdentityList();

    assertThat(got.cloudFrontOriginAccessIdentity()).isEqualTo(created.cloudFrontOriginAccessIdentity());
    assertThat(got.eTag()).isEqualTo(created.eTag());
    assertThat(config.cloudFrontOriginAccessIdentityConfig().callerReference()).isEqualTo("store-1");
    assertThat(config.eTag()).isEqualTo(created.eTag());
    assertThat(listed.items()).extracting(CloudFrontOriginAccessIdentitySummary::id).containsExactly(id);
    assertThat(listed.items().get(0).s3CanonicalUserId())
        .isEqualTo(created.cloudFrontOriginAccessIdentity().s3CanonicalUserId());
  }

  @Test
  void listingPagesWithMarkerAndMaxItems() {
    for (int i = 0; i < 3; i++) {
      create("store-" + i, "");
    }

    var first = cloudFront.listCloudFrontOriginAccessIdentities(r -> r.maxItems("2")).cloudFrontOriginAccessIdentityList();
    var second = cloudFront.listCloudFrontOriginAccessIdentities(r -> r.maxItems("2").marker(first.nextMarker()))
        .cloudFrontOriginAccessIdentityList();

    assertThat(first.items()).hasSize(2);
    assertThat(first.isTruncated()).isTrue();
    assertThat(second.items()).hasSize(1);
    assertThat(second.isTruncated()).isFalse();
  }

  @Test
  void sameCallerReferenceAndConfigGivesTheSameIdentityADifferentConfigIsRefused() {
    String id = create("store-1", "team assets").cloudFrontOriginAccessIdentity().id();

    assertThat(create("store-1", "team assets").cloudFrontOriginAccessIdentity().id()).isEqualTo(id);
    assertThatThrownBy(() -> create("store-1", "something else"))
        .isInstanceOfSatisfying(CloudFrontOriginAccessIdentityAlreadyExistsException.class,
            e -> assertThat(e.statusCode()).isEqualTo(409));
  }

  @Test
  void updateNeedsTheCurrentEtagAndChangesIt() {
    CreateCloudFrontOriginAccessIdentityResponse created = create("store-1", "old");
    String id = created.cloudFrontOriginAccessIdentity().id();

    assertThatThrownBy(() -> updateComment(id, null, "new")).isInstanceOf(InvalidIfMatchVersionException.class);
    assertThatThrownBy(() -> updateComment(id, "E0000000000000", "new"))
        .isInstanceOfSatisfying(PreconditionFailedException.class, e -> assertThat(e.statusCode()).isEqualTo(412));
    String newEtag = updateComment(id, created.eTag(), "new");

    assertThat(newEtag).isNotEqualTo(created.eTag());
    assertThat(cloudFront.getCloudFrontOriginAccessIdentityConfig(r -> r.id(id)).cloudFrontOriginAccessIdentityConfig().comment())
        .isEqualTo("new");
    assertThatThrownBy(() -> updateComment(id, created.eTag(), "newer")).isInstanceOf(PreconditionFailedException.class);
  }

  @Test
  void updateCannotChangeTheCallerReference() {
    CreateCloudFrontOriginAccessIdentityResponse created = create("store-1", "old");

    assertThatThrownBy(() -> cloudFront.updateCloudFrontOriginAccessIdentity(r -> r
            .id(created.cloudFrontOriginAccessIdentity().id())
            .ifMatch(created.eTag())
            .cloudFrontOriginAccessIdentityConfig(c -> c.callerReference("another").comment("old"))))
        .isInstanceOf(IllegalUpdateException.class);
  }

  @Test
  void deleteNeedsTheCurrentEtagAndIsRefusedWhileADistributionUsesTheIdentity() {
    CreateCloudFrontOriginAccessIdentityResponse created = create("store-1", "");
    String id = created.cloudFrontOriginAccessIdentity().id();
    String distributionId = cloudFront
        .createDistribution(r -> r.distributionConfig(config("store-1", originWithIdentity(id))))
        .distribution()
        .id();

    assertThatThrownBy(() -> cloudFront.deleteCloudFrontOriginAccessIdentity(r -> r.id(id)))
        .isInstanceOf(InvalidIfMatchVersionException.class);
    assertThatThrownBy(() -> cloudFront.deleteCloudFrontOriginAccessIdentity(r -> r.id(id).ifMatch(created.eTag())))
        .isInstanceOfSatisfying(CloudFrontOriginAccessIdentityInUseException.class,
            e -> assertThat(e.statusCode()).isEqualTo(409));

    Distributions.disableAndDelete(cloudFront, distributionId);
    cloudFront.deleteCloudFrontOriginAccessIdentity(r -> r.id(id).ifMatch(created.eTag()));

    assertThatThrownBy(() -> cloudFront.getCloudFrontOriginAccessIdentity(r -> r.id(id)))
        .isInstanceOfSatisfying(NoSuchCloudFrontOriginAccessIdentityException.class,
            e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void distributionNamingAMissingIdentityIsRefused() {
    assertThatThrownBy(() -> cloudFront.createDistribution(r -> r.distributionConfig(
            config("store-1", originWithIdentity("E1234567890ABC")))))
        .isInstanceOf(InvalidOriginAccessIdentityException.class);
  }

  private CreateCloudFrontOriginAccessIdentityResponse create(String callerReference, String comment) {
    return cloudFront.createCloudFrontOriginAccessIdentity(
        r -> r.cloudFrontOriginAccessIdentityConfig(c -> c.callerReference(callerReference).comment(comment)));
  }

  private String updateComment(String id, String ifMatch, String comment) {
    String callerReference = cloudFront.getCloudFrontOriginAccessIdentityConfig(r -> r.id(id))
        .cloudFrontOriginAccessIdentityConfig().callerReference();
    return cloudFront
        .updateCloudFrontOriginAccessIdentity(r -> r.id(id).ifMatch(ifMatch)
            .cloudFrontOriginAccessIdentityConfig(c -> c.callerReference(callerReference).comment(comment)))
        .eTag();
  }
}
