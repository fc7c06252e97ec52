package io.protectedfiles.operator.edge;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import io.protectedfiles.operator.aws.TerminalFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JWKS of public keys from the application's identity provider, checked the way the edge will
 * check it, so that a key the edge would refuse stops here with a message instead of producing a
 * function that refuses every request.
 */
final class ProvidedPublicKeys {

  static final String INVALID_KEYS = "InvalidKeys";

  // What the edge authorizer accepts for each alg: key type and curve.
  private static final Map<String, List<String>> KEY_TYPES = Map.of(
      "ES256", List.of("EC", "P-256"),
      "RS256", List.of("RSA", ""),
      "EdDSA", List.of("OKP", "Ed25519"));
  private static final int MIN_RSA_MODULUS_BITS = 2048;

  private ProvidedPublicKeys() {}

  /**
   * @param describedAs where the JWKS came from, for messages
   * @throws TerminalFailure (InvalidKeys) naming the first problem; messages never quote key values
   */
  static List<Map<String, Object>> parse(byte[] jwks, String describedAs) {
    Map<String, Object> document;
    try {
      document = CanonicalJson.readObject(new String(jwks, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw invalid(describedAs + " is " + e.getMessage());
    }
    if (!(document.get("keys") instanceof List<?> members) || members.isEmpty()) {
      throw invalid(describedAs + " must hold a JWKS {\"keys\": [JWK, ...]} with at least one key");
    }
    List<Map<String, Object>> keys = new ArrayList<>();
    Set<String> kids = new HashSet<>();
    for (Object member : members) {
      String position = describedAs + ", key " + (keys.size() + 1);
      if (!(member instanceof Map<?, ?>)) {
        throw invalid(position + " is not a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> jwk = (Map<String, Object>) member;
      Map<String, Object> key = publicKey(jwk, position);
      if (!kids.add((String) key.get("kid"))) {
        throw invalid(position + " repeats kid \"" + key.get("kid") + "\"");
      }
      keys.add(key);
    }
    return keys;
  }

  private static Map<String, Object> publicKey(Map<String, Object> jwk, String position) {
    if (!(jwk.get("kid") instanceof String kid) || kid.isEmpty()) {
      throw invalid(position + " needs a kid (a non-empty string)");
    }
    String at = position + " (kid \"" + kid + "\")";
    Object alg = jwk.get("alg");
    List<String> keyType = alg instanceof String ? KEY_TYPES.get(alg) : null;
    if (keyType == null) {
      throw invalid(at + " needs alg ES256, RS256 or EdDSA");
    }
    if (jwk.containsKey("use") && !"sig".equals(jwk.get("use"))) {
      throw invalid(at + " has use \"" + jwk.get("use") + "\"; a verification key needs \"sig\" or none");
    }
    Map<String, Object> publicMembers;
    try {
      publicMembers = PublicJwks.of(jwk);
    } catch (IllegalArgumentException e) {
      throw invalid(at + " " + e.getMessage() + "; only public keys may go to the edge");
    }
    if (!keyType.get(0).equals(jwk.get("kty")) || !keyType.get(1).equals(String.valueOf(jwk.getOrDefault("crv", "")))) {
      throw invalid(at + ": alg " + alg + " needs kty " + keyType.get(0)
          + (keyType.get(1).isEmpty() ? "" : " and crv " + keyType.get(1)));
    }
    requireValidPublicKey(publicMembers, at);
    return publicMembers;
  }

  private static void requireValidPublicKey(Map<String, Object> publicMembers, String at) {
    Jwk<?> parsed;
    try {
      parsed = Jwks.parser().build().parse(new String(CanonicalJson.write(publicMembers), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      // Private members were refused above: what the message may quote is public.
      throw invalid(at + " is not a valid public key: " + e.getMessage());
    }
    if (!(parsed instanceof PublicJwk<?>)) {
      throw invalid(at + " is not a public key");
    }
    if (parsed.toKey() instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_MODULUS_BITS) {
      throw invalid(at + " has an RSA modulus of " + rsa.getModulus().bitLength() + " bits; the edge needs at least "
          + MIN_RSA_MODULUS_BITS);
    }
  }

  private static TerminalFailure invalid(String message) {
    return new TerminalFailure(INVALID_KEYS, message);
  }
}
