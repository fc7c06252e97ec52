package io.protectedfiles.operator.aws.cloudfront;

import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;

/**
 * How CloudFront resources name their store for a person reading the console. CloudFront limits
 * these texts (128 characters for comments) while a store's name may be 253, so they are cut.
 */
final class StoreLabels {

  private StoreLabels() {}

  /** "namespace/name". */
  static String namespacedName(ProtectedFileStore store, int maxLength) {
    return cut(store.getMetadata().getNamespace() + "/" + store.getMetadata().getName(), maxLength);
  }

  /** "ProtectedFileStore namespace/name": says what made the resource. */
  static String owner(ProtectedFileStore store, int maxLength) {
    return cut("ProtectedFileStore " + store.getMetadata().getNamespace() + "/" + store.getMetadata().getName(), maxLength);
  }

  private static String cut(String text, int maxLength) {
    return text.length() <= maxLength ? text : text.substring(0, maxLength);
  }
}
