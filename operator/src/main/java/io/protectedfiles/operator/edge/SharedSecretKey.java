package io.protectedfiles.operator.edge;

import io.protectedfiles.operator.aws.TerminalFailure;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HS256 shared secret as the edge's JWK. The secret itself goes into the bundle (HS256 cannot be
 * verified otherwise), which is why a store has to choose it explicitly.
 */
final class SharedSecretKey {

  /** Shorter secrets can be brute-forced offline from a single token (RFC 7518, section 3.2). */
  static final int MIN_BYTES = 32;

  private SharedSecretKey() {}

  /** @throws TerminalFailure (WeakSecret) when the secret is shorter than 32 bytes */
  static Map<String, Object> jwk(byte[] secret, String describedAs) {
    if (secret.length < MIN_BYTES) {
      throw new TerminalFailure(
          "WeakSecret",
          "the HS256 secret in " + describedAs + " has " + secret.length + " bytes; it needs at least "
              + MIN_BYTES + " (for example: openssl rand -base64 48)");
    }
    Map<String, Object> jwk = new TreeMap<>();
    jwk.put("kty", "oct");
    // Derived from the secret, so the same secret keeps the same id and bundle; 32 bits of its
    // hash tell nothing useful about a secret of 256 bits or more.
    jwk.put("kid", "hs256-" + HexFormat.of().formatHex(Sha256.digest(secret)).substring(0, 8));
    jwk.put("alg", "HS256");
    jwk.put("use", "sig");
    jwk.put("k", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    return jwk;
  }
}
