package io.protectedfiles.operator.edge;

import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The names of a store's edge function and edge role. They are derived from the store alone, so a
 * crash between creating one and writing the status finds the same resource again instead of making
 * a second. The uid is part of the name: a store deleted and created again under the same name gets a
 * new function, while the old one, whose replicas can block its deletion for hours, waits for the
 * sweep.
 */
public final class EdgeNames {

  /** The data key of the signing-key Secret that holds the private JWKS (the last key signs). */
  public static final String SIGNING_KEYS_DATA_KEY = "jwks.json";

  /** Every edge function and role the operator makes starts with this. */
  public static final String PREFIX = "pfs-edge-";

  // Lambda function names and IAM role names both allow 64 characters; 12 hex digits of the uid's
  // hash keep names of different stores apart, the rest is for people reading the AWS console.
  private static final int MAX_LENGTH = 64;
  private static final int UID_HASH_LENGTH = 12;
  private static final int READABLE_LENGTH = MAX_LENGTH - PREFIX.length() - 1 - UID_HASH_LENGTH;

  private EdgeNames() {}

  /** The edge function's name: letters, digits and hyphens, at most 64 characters. */
  public static String functionName(ProtectedFileStore store) {
    return base(store);
  }

  /** The edge role's name (the operator's own role, when it is not given one to use). */
  public static String roleName(ProtectedFileStore store) {
    return base(store);
  }

  /** The Secret holding a store's generated private signing keys. */
  public static String signingKeySecret(ProtectedFileStore store) {
    return store.getMetadata().getName() + "-signing-key";
  }

  private static String base(ProtectedFileStore store) {
    String readable = (store.getMetadata().getNamespace() + "-" + store.getMetadata().getName())
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9-]", "-");
    if (readable.length() > READABLE_LENGTH) {
      readable = readable.substring(0, READABLE_LENGTH);
    }
    return PREFIX + readable + "-" + uidHash(store.getMetadata().getUid());
  }

  private static String uidHash(String uid) {
    if (uid == null || uid.isEmpty()) {
      throw new IllegalStateException("the store has no uid yet: it must be read from the API server");
    }
    return HexFormat.of().formatHex(Sha256.digest(uid.getBytes(StandardCharsets.UTF_8))).substring(0, UID_HASH_LENGTH);
  }
}
