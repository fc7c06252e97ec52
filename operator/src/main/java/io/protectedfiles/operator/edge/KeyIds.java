package io.protectedfiles.operator.edge;

import java.security.SecureRandom;
import java.util.Base64;

/** Key ids for generated keys: random, so they say nothing about the key, and URL-safe. */
final class KeyIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyIds() {}

  static String random() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
