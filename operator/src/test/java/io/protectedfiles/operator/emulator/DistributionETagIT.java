package io.protectedfiles.operator.emulator;

import static io.protectedfiles.operator.emulator.Distributions.config;
import static io.protectedfiles.operator.emulator.Distributions.createOriginAccessIdentity;
import static io.protectedfiles.operator.emulator.Distributions.originWithIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protectedfiles.operator.testsupport.AwsEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CreateDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.IllegalUpdateException;
import software.amazon.awssdk.services.cloudfront.model.InvalidIfMatchVersionException;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;
import software.amazon.awssdk.services.cloudfront.model.UpdateDistributionResponse;

/** Distribution ETags: changed by every update, required and checked by update and delete. */
class DistributionETagIT {

  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  final CloudFrontClient cloudFront = aws.cloudFront();
  CreateDistributionResponse created;

  @BeforeEach
  void createDistribution() {
    String identity = createOriginAccessIdentity(cloudFront, "store-1");
    created = cloudFront.createDistribution(r -> r.distributionConfig(config("store-1", originWithIdentity(identity))));
  }

  @Test
  void readsReturnTheEtagAndEveryUpdateChangesIt() {
    String id = created.distribution().id();
    assertThat(cloudFront.getDistribution(r -> r.id(id)).eTag()).isEqualTo(created.eTag());
    assertThat(cloudFront.getDistributionConfig(r -> r.id(id)).eTag()).isEqualTo(created.eTag());

    String first = update(created.eTag(), "first").eTag();
    String second = update(first, "second").eTag();

    assertThat(first).isNotEqualTo(created.eTag());
    assertThat(second).isNotEqualTo(first);
    assertThat(cloudFront.getDistributionConfig(r -> r.id(id)).eTag()).isEqualTo(second);
  }

  @Test
  void staleIfMatchIsPreconditionFailed() {
    String current = update(created.eTag(), "changed").eTag();

    assertThatThrownBy(() -> update(created.eTag(), "again"))
        .isInstanceOfSatisfying(PreconditionFailedException.class, e -> assertThat(e.statusCode()).isEqualTo(412));
    assertThatThrownBy(() -> cloudFront.deleteDistribution(r -> r.id(created.distribution().id()).ifMatch(created.eTag())))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(update(current, "again").eTag()).isNotEqualTo(current);
  }

  @Test
  void missingIfMatchIsInvalidIfMatchVersion() {
    assertThatThrownBy(() -> update(null, "changed"))
        .isInstanceOfSatisfying(InvalidIfMatchVersionException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> cloudFront.deleteDistribution(r -> r.id(created.distribution().id())))
        .isInstanceOf(InvalidIfMatchVersionException.class);
  }

  @Test
  void callerReferenceCannotChange() {
    DistributionConfig changed = created.distribution().distributionConfig().toBuilder().callerReference("another").build();

    assertThatThrownBy(() -> cloudFront.updateDistribution(
            r -> r.id(created.distribution().id()).ifMatch(created.eTag()).distributionConfig(changed)))
        .isInstanceOf(IllegalUpdateException.class);
  }

  private UpdateDistributionResponse update(String ifMatch, String comment) {
    String id = created.distribution().id();
    DistributionConfig current = cloudFront.getDistributionConfig(r -> r.id(id)).distributionConfig();
    return cloudFront.updateDistribution(
        r -> r.id(id).ifMatch(ifMatch).distributionConfig(current.toBuilder().comment(comment).build()));
  }
}
