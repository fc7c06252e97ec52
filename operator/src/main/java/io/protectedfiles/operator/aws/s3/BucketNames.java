package io.protectedfiles.operator.aws.s3;

import io.protectedfiles.operator.api.v1alpha1.BucketNameRules;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Chooses a store's bucket name: the one in its spec, or one derived from namespace and name. */
public final class BucketNames {

  private static final int HASH_LENGTH = 8;

  private BucketNames() {}

  public static String of(ProtectedFileStore store) {
    var bucket = store.specOrDefaults().bucketOrDefaults();
    if (bucket != null && bucket.getName() != null && !bucket.getName().isBlank()) {
      return bucket.getName();
    }
    return derive(store.getMetadata().getNamespace(), store.getMetadata().getName());
  }

  /**
   * "namespace-name-hash": readable, stable across re-creation of the store (so a retained bucket
   * is found again), and with a hash of the full identity so that truncation or the replacement of
   * dots cannot make two stores share a name. Dots are avoided: they break TLS for virtual-host
   * addressing.
   */
  static String derive(String namespace, String name) {
    String hash = sha256Hex(namespace + "/" + name).substring(0, HASH_LENGTH);
    String readable =
        (namespace + "-" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    int room = BucketNameRules.MAX_LENGTH - HASH_LENGTH - 1;
    if (readable.length() > room) {
      readable = readable.substring(0, room);
    }
    readable = readable.replaceAll("-+$", "").replaceAll("-{2,}", "-");
    return readable + "-" + hash;
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
