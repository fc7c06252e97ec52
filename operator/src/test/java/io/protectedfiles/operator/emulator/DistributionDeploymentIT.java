package io.protectedfiles.operator.emulator;

import static io.protectedfiles.operator.emulator.Distributions.config;
import static io.protectedfiles.operator.emulator.Distributions.createOriginAccessIdentity;
import static io.protectedfiles.operator.emulator.Distributions.originWithIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protectedfiles.operator.testsupport.AwsEmulator;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CreateDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.DistributionNotDisabledException;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;

/** Status InProgress after every create and update, for the configured reads or seconds; delete rules. */
class DistributionDeploymentIT {

  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  final CloudFrontClient cloudFront = aws.cloudFront();
  String identity;

  @BeforeEach
  void createIdentity() {
    identity = createOriginAccessIdentity(cloudFront, "store-1");
  }

  @Test
  void inProgressForTheConfiguredReadsAfterCreate() {
    aws.control().configure(Map.of("distributionDeployReads", 3));

    CreateDistributionResponse created = create();

    assertThat(created.distribution().status()).isEqualTo("InProgress");
    assertThat(IntStream.range(0, 4).mapToObj(i -> status(created.distribution().id())))
        .containsExactly("InProgress", "InProgress", "InProgress", "Deployed");
  }

  @Test
  void defaultIsTwoInProgressReads() {
    String id = create().distribution().id();

    assertThat(IntStream.range(0, 3).mapToObj(i -> status(id))).containsExactly("InProgress", "InProgress", "Deployed");
  }

  @Test
  void everyUpdateStartsANewDeployment() {
    CreateDistributionResponse created = create();
    String id = created.distribution().id();
    Distributions.awaitDeployed(cloudFront, id);

    var current = cloudFront.getDistributionConfig(r -> r.id(id));
    var updated = cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag())
        .distributionConfig(current.distributionConfig().toBuilder().comment("changed").build()));

    assertThat(updated.distribution().status()).isEqualTo("InProgress");
    assertThat(status(id)).isEqualTo("InProgress");
    Distributions.awaitDeployed(cloudFront, id);
  }

  @Test
  void deploySecondsMakeItTimeBased() {
    aws.control().configure(Map.of("distributionDeploySeconds", 0.5));
    String id = create().distribution().id();

    assertThat(IntStream.range(0, 5).mapToObj(i -> status(id))).containsOnly("InProgress");
    Distributions.awaitDeployed(cloudFront, id);
  }

  @Test
  void enabledDistributionCannotBeDeleted() {
    CreateDistributionResponse created = create();
    String id = created.distribution().id();
    Distributions.awaitDeployed(cloudFront, id);

    assertThatThrownBy(() -> cloudFront.deleteDistribution(r -> r.id(id).ifMatch(created.eTag())))
        .isInstanceOfSatisfying(DistributionNotDisabledException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
  }

  @Test
  void disabledDistributionCanBeDeletedOnlyOnceDeployed() {
    String id = create().distribution().id();
    var current = cloudFront.getDistributionConfig(r -> r.id(id));
    String etag = cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag())
            .distributionConfig(current.distributionConfig().toBuilder().enabled(false).build()))
        .eTag();

    assertThatThrownBy(() -> cloudFront.deleteDistribution(r -> r.id(id).ifMatch(etag)))
        .isInstanceOf(DistributionNotDisabledException.class);
    Distributions.awaitDeployed(cloudFront, id);
    cloudFront.deleteDistribution(r -> r.id(id).ifMatch(etag));

    assertThatThrownBy(() -> cloudFront.getDistribution(r -> r.id(id))).isInstanceOf(NoSuchDistributionException.class);
  }

  private CreateDistributionResponse create() {
    return cloudFront.createDistribution(r -> r.distributionConfig(config("store-1", originWithIdentity(identity))));
  }

  private String status(String id) {
    return cloudFront.getDistribution(r -> r.id(id)).distribution().status();
  }
}
