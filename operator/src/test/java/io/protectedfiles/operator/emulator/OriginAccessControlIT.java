package io.protectedfiles.operator.emulator;

import static io.protectedfiles.operator.emulator.Distributions.config;
import static io.protectedfiles.operator.emulator.Distributions.createOriginAccessIdentity;
import static io.protectedfiles.operator.emulator.Distributions.originWithControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protectedfiles.operator.testsupport.AwsEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CreateOriginAccessControlResponse;
import software.amazon.awssdk.services.cloudfront.model.Distribution;
import software.amazon.awssdk.services.cloudfront.model.IllegalOriginAccessConfigurationException;
import software.amazon.awssdk.services.cloudfront.model.InvalidIfMatchVersionException;
import software.amazon.awssdk.services.cloudfront.model.NoSuchOriginAccessControlException;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlConfig;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlInUseException;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlOriginTypes;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlSigningBehaviors;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlSigningProtocols;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;

/** Origin access controls end to end: moto's API plus ETags, the in-use rule, and distributions using them. */
class OriginAccessControlIT {

  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  final CloudFrontClient cloudFront = aws.cloudFront();

  @Test
  void distributionKeepsTheControlIdOfItsOrigin() {
    CreateOriginAccessControlResponse control = create("store-1");

    Distribution created = cloudFront
        .createDistribution(r -> r.distributionConfig(config("store-1", originWithControl(control.originAccessControl().id()))))
        .distribution();

    var origin = cloudFront.getDistributionConfig(r -> r.id(created.id())).distributionConfig().origins().items().get(0);
    assertThat(origin.originAccessControlId()).isEqualTo(control.originAccessControl().id());
    assertThat(origin.s3OriginConfig().originAccessIdentity()).isEmpty();
    assertThat(cloudFront.getOriginAccessControl(r -> r.id(control.originAccessControl().id())).originAccessControl()
        .originAccessControlConfig().name()).isEqualTo("store-1");
  }

  @Test
  void updateAndDeleteNeedTheCurrentEtagAndUpdateChangesIt() {
    CreateOriginAccessControlResponse control = create("store-1");
    String id = control.originAccessControl().id();

    assertThatThrownBy(() -> cloudFront.updateOriginAccessControl(r -> r.id(id).ifMatch("E0000000000000")
            .originAccessControlConfig(configNamed("renamed"))))
        .isInstanceOf(PreconditionFailedException.class);
    String newEtag = cloudFront
        .updateOriginAccessControl(r -> r.id(id).ifMatch(control.eTag()).originAccessControlConfig(configNamed("renamed")))
        .eTag();
    assertThat(newEtag).isNotEqualTo(control.eTag());

    assertThatThrownBy(() -> cloudFront.deleteOriginAccessControl(r -> r.id(id)))
        .isInstanceOf(InvalidIfMatchVersionException.class);
    assertThatThrownBy(() -> cloudFront.deleteOriginAccessControl(r -> r.id(id).ifMatch(control.eTag())))
        .isInstanceOf(PreconditionFailedException.class);
    cloudFront.deleteOriginAccessControl(r -> r.id(id).ifMatch(newEtag));
    assertThatThrownBy(() -> cloudFront.getOriginAccessControl(r -> r.id(id)))
        .isInstanceOf(NoSuchOriginAccessControlException.class);
  }

  @Test
  void controlInUseCannotBeDeletedUntilItsDistributionIsGone() {
    CreateOriginAccessControlResponse control = create("store-1");
    String id = control.originAccessControl().id();
    String distributionId = cloudFront
        .createDistribution(r -> r.distributionConfig(config("store-1", originWithControl(id))))
        .distribution()
        .id();

    assertThatThrownBy(() -> cloudFront.deleteOriginAccessControl(r -> r.id(id).ifMatch(control.eTag())))
        .isInstanceOfSatisfying(OriginAccessControlInUseException.class, e -> assertThat(e.statusCode()).isEqualTo(409));

    Distributions.disableAndDelete(cloudFront, distributionId);
    cloudFront.deleteOriginAccessControl(r -> r.id(id).ifMatch(control.eTag()));
  }

  @Test
  void deletingAMissingControlIsNoSuchOriginAccessControl() {
    assertThatThrownBy(() -> cloudFront.deleteOriginAccessControl(r -> r.id("E1234567890ABC").ifMatch("E0000000000000")))
        .isInstanceOfSatisfying(NoSuchOriginAccessControlException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void originWithBothAnIdentityAndAControlIsRefused() {
    String control = create("store-1").originAccessControl().id();
    String identity = createOriginAccessIdentity(cloudFront, "store-1");
    var origin = originWithControl(control).toBuilder()
        .s3OriginConfig(s -> s.originAccessIdentity("origin-access-identity/cloudfront/" + identity))
        .build();

    assertThatThrownBy(() -> cloudFront.createDistribution(r -> r.distributionConfig(config("store-1", origin))))
        .isInstanceOf(IllegalOriginAccessConfigurationException.class);
  }

  private CreateOriginAccessControlResponse create(String name) {
    return cloudFront.createOriginAccessControl(r -> r.originAccessControlConfig(configNamed(name)));
  }

  private static OriginAccessControlConfig configNamed(String name) {
    return OriginAccessControlConfig.builder()
        .name(name)
        .description("bucket access for " + name)
        .signingProtocol(OriginAccessControlSigningProtocols.SIGV4)
        .signingBehavior(OriginAccessControlSigningBehaviors.ALWAYS)
        .originAccessControlOriginType(OriginAccessControlOriginTypes.S3)
        .build();
  }
}
