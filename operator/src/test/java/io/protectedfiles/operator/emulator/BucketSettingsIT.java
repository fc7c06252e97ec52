package io.protectedfiles.operator.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protectedfiles.operator.testsupport.AwsEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The bucket settings the operator writes and reads back, as moto itself keeps them (no extension
 * needed): these tests guard the operator's assumptions against a moto upgrade.
 */
class BucketSettingsIT {

  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  static final String BUCKET = "team-assets";

  final S3Client s3 = aws.s3();

  @BeforeEach
  void createBucket() {
    s3.createBucket(r -> r.bucket(BUCKET));
  }

  @Test
  void publicAccessBlockRoundTrips() {
    s3.putPublicAccessBlock(r -> r.bucket(BUCKET).publicAccessBlockConfiguration(
        c -> c.blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));

    var block = s3.getPublicAccessBlock(r -> r.bucket(BUCKET)).publicAccessBlockConfiguration();
    assertThat(block.blockPublicAcls()).isTrue();
    assertThat(block.ignorePublicAcls()).isTrue();
    assertThat(block.blockPublicPolicy()).isTrue();
    assertThat(block.restrictPublicBuckets()).isTrue();
  }

  @Test
  void corsRoundTripsAndCanBeRemoved() {
    CORSRule rule = CORSRule.builder()
        .allowedOrigins("https://app.example.com")
        .allowedMethods("GET", "PUT", "POST", "HEAD")
        .allowedHeaders("*")
        .exposeHeaders("ETag")
        .maxAgeSeconds(3000)
        .build();

    s3.putBucketCors(r -> r.bucket(BUCKET).corsConfiguration(c -> c.corsRules(rule)));
    assertThat(s3.getBucketCors(r -> r.bucket(BUCKET)).corsRules()).containsExactly(rule);

    s3.deleteBucketCors(r -> r.bucket(BUCKET));
    assertThatThrownBy(() -> s3.getBucketCors(r -> r.bucket(BUCKET)))
        .isInstanceOfSatisfying(S3Exception.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchCORSConfiguration"));
  }

  @Test
  void ownershipControlsRoundTrip() {
    s3.putBucketOwnershipControls(r -> r.bucket(BUCKET)
        .ownershipControls(o -> o.rules(rule -> rule.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));

    assertThat(s3.getBucketOwnershipControls(r -> r.bucket(BUCKET)).ownershipControls().rules())
        .singleElement().satisfies(rule -> assertThat(rule.objectOwnership()).isEqualTo(ObjectOwnership.BUCKET_OWNER_ENFORCED));
  }

  @Test
  void tagsRoundTrip() {
    Tag uid = Tag.builder().key("protectedfiles.io/uid").value("0b7c-uid").build();
    Tag name = Tag.builder().key("protectedfiles.io/name").value("team-assets").build();

    s3.putBucketTagging(r -> r.bucket(BUCKET).tagging(t -> t.tagSet(uid, name)));

    assertThat(s3.getBucketTagging(r -> r.bucket(BUCKET)).tagSet()).containsExactlyInAnyOrder(uid, name);
  }

  @Test
  void creatingYourOwnBucketAgainIsNotACreation() {
    // In us-east-1 S3 answers 200 to CreateBucket on a bucket you own; elsewhere BucketAlreadyOwnedByYou.
    assertThat(s3.createBucket(r -> r.bucket(BUCKET)).sdkHttpResponse().statusCode()).isEqualTo(200);

    S3Client oregon = aws.s3(Region.US_WEST_2);
    oregon.createBucket(r -> r.bucket("team-assets-oregon").createBucketConfiguration(c -> c.locationConstraint("us-west-2")));
    assertThatThrownBy(() -> oregon.createBucket(
            r -> r.bucket("team-assets-oregon").createBucketConfiguration(c -> c.locationConstraint("us-west-2"))))
        .isInstanceOf(BucketAlreadyOwnedByYouException.class);
    assertThat(s3.getBucketLocation(r -> r.bucket("team-assets-oregon")).locationConstraintAsString()).isEqualTo("us-west-2");
  }
}
