package io.protectedfiles.operator.aws.cloudfront;

import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;

/**
 * CloudFront's optimistic locking: an update or delete names, as If-Match, the ETag of the version
 * it was based on, and fails with PreconditionFailed (412) when the resource changed in between
 * (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_UpdateDistribution.html). One
 * fresh read and retry settles a race with a single hand edit; if it fails again, someone keeps
 * changing the resource, and the reconcile's own retry with backoff takes over.
 */
final class StaleEtag {

  private StaleEtag() {}

  /**
   * @param current what the write is based on (an ETag, or a configuration with its ETag)
   * @param reread reads it afresh
   */
  static <S, T> T retryOnce(S current, Supplier<S> reread, Function<S, T> write) {
    try {
      return write.apply(current);
    } catch (PreconditionFailedException e) {
      return write.apply(reread.get());
    }
  }
}
