package io.protectedfiles.operator.aws.s3;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.protectedfiles.operator.api.v1alpha1.CorsSpec;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.AwsResource;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bucket's CORS configuration: browsers upload with presigned requests straight to S3, and
 * CloudFront forwards their CORS headers to S3 on download.
 */
public class BucketCors extends AwsResource<ObservedCors> {

  private final StoreBuckets buckets;

  public BucketCors(StoreBuckets buckets) {
    super(ObservedCors.class);
    this.buckets = buckets;
  }

  @Override
  public String describe() {
    return "bucket CORS rules";
  }

  @Override
  protected Optional<ObservedCors> observe(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    String bucket = BucketNames.of(store);
    try {
      List<ObservedCors.Rule> rules = buckets.client(store).getBucketCors(b -> b.bucket(bucket)).corsRules().stream()
          .map(BucketCors::rule)
          .toList();
      return Optional.of(new ObservedCors(bucket, rules));
    } catch (S3Exception e) {
      if ("NoSuchCORSConfiguration".equals(Bucket.errorCode(e))) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  protected ObservedCors desired(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    CorsSpec cors = store.specOrDefaults().corsOrDefaults();
    return new ObservedCors(BucketNames.of(store), List.of(new ObservedCors.Rule(
        new HashSet<>(cors.originsOrDefault()),
        new HashSet<>(cors.methodsOrDefault()),
        new HashSet<>(cors.headersOrDefault()),
        new HashSet<>(cors.exposeHeadersOrDefault()),
        cors.maxAgeOrDefault())));
  }

  @Override
  protected boolean matches(ObservedCors observed, ObservedCors desired) {
    return observed.sameRulesAs(desired);
  }

  @Override
  public ObservedCors create(ObservedCors desired, ProtectedFileStore store, Context<ProtectedFileStore> context) {
    buckets.client(store).putBucketCors(b -> b.bucket(desired.bucket())
        .corsConfiguration(c -> c.corsRules(desired.rules().stream().map(BucketCors::corsRule).toList())));
    return desired;
  }

  @Override
  public ObservedCors update(
      ObservedCors observed, ObservedCors desired, ProtectedFileStore store, Context<ProtectedFileStore> context) {
    return create(desired, store, context);
  }

  /**
   * The rules go with the bucket: kept with a retained bucket, gone with a deleted one. Nothing is
   * read either, so a bucket that is gone or not readable cannot hold up the store's deletion.
   */
  @Override
  public void delete(ProtectedFileStore store, Context<ProtectedFileStore> context) {}

  @Override
  protected void delete(ObservedCors observed, ProtectedFileStore store, Context<ProtectedFileStore> context) {}

  private static ObservedCors.Rule rule(CORSRule r) {
    return new ObservedCors.Rule(
        Set.copyOf(r.allowedOrigins()),
        Set.copyOf(r.allowedMethods()),
        Set.copyOf(r.allowedHeaders()),
        Set.copyOf(r.exposeHeaders()),
        r.maxAgeSeconds() == null ? 0 : r.maxAgeSeconds());
  }

  private static CORSRule corsRule(ObservedCors.Rule r) {
    return CORSRule.builder()
        .allowedOrigins(r.allowedOrigins().stream().sorted().toList())
        .allowedMethods(r.allowedMethods().stream().sorted().toList())
        .allowedHeaders(r.allowedHeaders().stream().sorted().toList())
        .exposeHeaders(r.exposeHeaders().stream().sorted().toList())
        .maxAgeSeconds(r.maxAgeSeconds())
        .build();
  }
}
