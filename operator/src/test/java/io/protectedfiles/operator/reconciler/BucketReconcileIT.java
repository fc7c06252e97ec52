package io.protectedfiles.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.protectedfiles.operator.api.v1alpha1.CorsSpec;
import io.protectedfiles.operator.api.v1alpha1.DeletionPolicy;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.OwnerTags;
import io.protectedfiles.operator.testsupport.AwsEmulator;
import io.protectedfiles.operator.testsupport.KubernetesApi;
import io.protectedfiles.operator.testsupport.OperatorUnderTest;
import io.protectedfiles.operator.testsupport.Stores;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/** A store reconciled by the operator into a private, tagged bucket in the emulator. */
class BucketReconcileIT {

  @RegisterExtension static final KubernetesApi kube = new KubernetesApi();
  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  static final Duration RESYNC = Duration.ofSeconds(3);
  static String namespace;
  static OperatorUnderTest operator;

  @BeforeAll
  static void startOperator() {
    namespace = kube.createNamespace("bucket");
    operator = OperatorUnderTest.start(kube, OperatorUnderTest.settings(Set.of(namespace), Set.of(), RESYNC));
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }

  @Test
  void storeBecomesReadyWithAPrivateTaggedBucket() {
    var created = kube.client().resource(Stores.store(namespace, "team-assets")).create();

    ProtectedFileStore ready = awaitReady("team-assets");

    String bucket = ready.getStatus().getBucket().getName();
    assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
    assertThat(ready.getStatus().getBucket().getArn()).isEqualTo("arn:aws:s3:::" + bucket);
    assertThat(Stores.isTrue(ready, "BucketReady")).isTrue();
    S3Client s3 = aws.s3();
    var block = s3.getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration();
    assertThat(block.blockPublicAcls()).isTrue();
    assertThat(block.ignorePublicAcls()).isTrue();
    assertThat(block.blockPublicPolicy()).isTrue();
    assertThat(block.restrictPublicBuckets()).isTrue();
    assertThat(tags(s3, bucket)).containsAllEntriesOf(Map.of(
        OwnerTags.NAMESPACE_KEY, namespace,
        OwnerTags.NAME_KEY, "team-assets",
        OwnerTags.UID_KEY, created.getMetadata().getUid()));
    assertThat(s3.getBucketOwnershipControls(b -> b.bucket(bucket)).ownershipControls().rules())
        .singleElement()
        .satisfies(r -> assertThat(r.objectOwnershipAsString()).isEqualTo("BucketOwnerEnforced"));
  }

  @Test
  void corsFollowsTheSpecAndIsPutBackWhenEditedByHand() {
    var store = Stores.store(namespace, "cors");
    var cors = new CorsSpec();
    cors.setAllowedOrigins(List.of("https://app.example.com"));
    cors.setExposeHeaders(List.of("ETag"));
    store.getSpec().setCors(cors);
    kube.client().resource(store).create();
    String bucket = awaitReady("cors").getStatus().getBucket().getName();
    S3Client s3 = aws.s3();

    assertThat(s3.getBucketCors(b -> b.bucket(bucket)).corsRules()).singleElement().satisfies(rule -> {
      assertThat(rule.allowedOrigins()).containsExactly("https://app.example.com");
      assertThat(rule.allowedMethods()).containsExactlyInAnyOrder("GET", "PUT", "POST", "HEAD");
      assertThat(rule.allowedHeaders()).containsExactly("*");
      assertThat(rule.exposeHeaders()).containsExactly("ETag");
      assertThat(rule.maxAgeSeconds()).isEqualTo(3000);
    });

    s3.putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(r -> r
        .allowedOrigins("*").allowedMethods("GET", "DELETE"))));

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(s3.getBucketCors(b -> b.bucket(bucket)).corsRules()).singleElement()
            .satisfies(rule -> assertThat(rule.allowedOrigins()).containsExactly("https://app.example.com")));

    var current = get("cors");
    current.getSpec().getCors().setAllowedOrigins(List.of("https://app.example.com", "https://admin.example.com"));
    kube.client().resource(current).update();

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(s3.getBucketCors(b -> b.bucket(bucket)).corsRules()).singleElement()
            .satisfies(rule -> assertThat(rule.allowedOrigins())
                .containsExactlyInAnyOrder("https://app.example.com", "https://admin.example.com")));
  }

  @Test
  void publicAccessTurnedOffByHandIsPutBackOnResync() {
    kube.client().resource(Stores.store(namespace, "drift")).create();
    String bucket = awaitReady("drift").getStatus().getBucket().getName();
    S3Client s3 = aws.s3();

    s3.putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(c -> c
        .blockPublicAcls(false).ignorePublicAcls(false).blockPublicPolicy(false).restrictPublicBuckets(false)));

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      var block = s3.getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration();
      assertThat(block.blockPublicAcls() && block.ignorePublicAcls() && block.blockPublicPolicy()
          && block.restrictPublicBuckets()).isTrue();
    });
  }

  @Test
  void deletingARetainedStoreKeepsTheBucketAndItsObjects() {
    kube.client().resource(Stores.store(namespace, "retained")).create();
    String bucket = awaitReady("retained").getStatus().getBucket().getName();
    S3Client s3 = aws.s3();
    s3.putObject(b -> b.bucket(bucket).key("3f2a/report.pdf"), RequestBody.fromString("quarterly figures"));

    kube.client().resources(ProtectedFileStore.class).inNamespace(namespace).withName("retained").delete();
    awaitGone("retained");

    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("3f2a/report.pdf")).asUtf8String())
        .isEqualTo("quarterly figures");
  }

  @Test
  void deletingAStoreWithDeletePolicyRemovesItsEmptyBucket() {
    var store = Stores.store(namespace, "disposable");
    store.getSpec().getBucket().setDeletionPolicy(DeletionPolicy.Delete);
    kube.client().resource(store).create();
    String bucket = awaitReady("disposable").getStatus().getBucket().getName();

    kube.client().resources(ProtectedFileStore.class).inNamespace(namespace).withName("disposable").delete();
    awaitGone("disposable");

    S3Client s3 = aws.s3();
    assertThatThrownBy(() -> s3.headBucket(b -> b.bucket(bucket)))
        .isInstanceOf(NoSuchBucketException.class);
  }

  @Test
  void aBucketTaggedForAnotherStoreIsNotTouched() {
    S3Client s3 = aws.s3();
    String bucket = "owned-elsewhere-" + namespace;
    s3.createBucket(b -> b.bucket(bucket));
    Map<String, String> foreign = Map.of(
        OwnerTags.NAMESPACE_KEY, "other", OwnerTags.NAME_KEY, "theirs", OwnerTags.UID_KEY, "1234");
    s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(foreign.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())));
    var store = Stores.store(namespace, "intruder");
    store.getSpec().getBucket().setName(bucket);

    kube.client().resource(store).create();

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      var current = get("intruder");
      assertThat(Stores.condition(current, "Ready")).hasValueSatisfying(c -> {
        assertThat(c.getStatus()).isEqualTo("False");
      });
      assertThat(Stores.condition(current, "BucketReady")).hasValueSatisfying(c -> {
        assertThat(c.getReason()).isEqualTo("BucketOwnedByAnotherStore");
        assertThat(c.getMessage()).contains("other/theirs");
      });
    });
    assertThat(tags(s3, bucket)).isEqualTo(foreign);
    assertThatThrownBy(() -> s3.getPublicAccessBlock(b -> b.bucket(bucket)))
        .isInstanceOf(S3Exception.class)
        .hasMessageContaining("public access block configuration was not found");
  }

  @Test
  void deletingAStoreRefusedItsBucketLeavesThatBucketsPolicyAlone() {
    S3Client s3 = aws.s3();
    String bucket = "someone-elses-" + namespace;
    s3.createBucket(b -> b.bucket(bucket));
    String theirPolicy = """
        {"Version":"2012-10-17","Statement":[{"Sid":"Theirs","Effect":"Allow",\
        "Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::%s/*"}]}"""
        .formatted(bucket);
    s3.putBucketPolicy(b -> b.bucket(bucket).policy(theirPolicy));
    var store = Stores.store(namespace, "mistaken");
    store.getSpec().getBucket().setName(bucket);
    kube.client().resource(store).create();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(Stores.condition(get("mistaken"), "BucketReady"))
            .hasValueSatisfying(c -> assertThat(c.getReason()).isEqualTo("BucketExists")));

    kube.client().resources(ProtectedFileStore.class).inNamespace(namespace).withName("mistaken").delete();
    awaitGone("mistaken");

    assertThat(s3.getBucketPolicy(b -> b.bucket(bucket)).policy()).contains("\"Theirs\"");
  }

  @Test
  void aStoreWhoseBucketWasDeletedByHandCanStillBeDeleted() {
    kube.client().resource(Stores.store(namespace, "orphaned")).create();
    String bucket = awaitReady("orphaned").getStatus().getBucket().getName();
    operatorPausedWhile(() -> {
      S3Client s3 = aws.s3();
      s3.deleteBucketPolicy(b -> b.bucket(bucket));
      s3.deleteBucket(b -> b.bucket(bucket));
    });

    kube.client().resources(ProtectedFileStore.class).inNamespace(namespace).withName("orphaned").delete();

    awaitGone("orphaned");
  }

  /** Changes AWS by hand without the operator putting things back in between. */
  private static void operatorPausedWhile(Runnable change) {
    operator.close();
    try {
      change.run();
    } finally {
      operator = OperatorUnderTest.start(kube, OperatorUnderTest.settings(Set.of(namespace), Set.of(), RESYNC));
    }
  }

  private static ProtectedFileStore awaitReady(String name) {
    await().atMost(Duration.ofSeconds(60)).until(() -> Stores.isTrue(get(name), "Ready"));
    return get(name);
  }

  private static void awaitGone(String name) {
    await().atMost(Duration.ofSeconds(60)).until(() -> get(name) == null);
  }

  private static ProtectedFileStore get(String name) {
    return kube.client().resources(ProtectedFileStore.class).inNamespace(namespace).withName(name).get();
  }

  private static Map<String, String> tags(S3Client s3, String bucket) {
    return s3.getBucketTagging(b -> b.bucket(bucket)).tagSet().stream()
        .collect(Collectors.toMap(Tag::key, Tag::value));
  }
}
