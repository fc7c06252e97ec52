package io.protectedfiles.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PrivateJwk;
import io.jsonwebtoken.security.SignatureAlgorithm;
import java.security.PrivateKey;
import java.util.Map;

/**
 * The key a store's tokens are signed with: the last JWK of the private JWKS the operator keeps in
 * the store's signing-key Secret (the keys before it are older ones, still accepted by the edge).
 */
final class SigningKey {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, SignatureAlgorithm> ALGORITHMS = Map.of(
      "ES256", Jwts.SIG.ES256,
      "RS256", Jwts.SIG.RS256,
      "EdDSA", Jwts.SIG.EdDSA);

  final String keyId;
  final PrivateKey privateKey;
  final SignatureAlgorithm algorithm;

  private SigningKey(String keyId, PrivateKey privateKey, SignatureAlgorithm algorithm) {
    this.keyId = keyId;
    this.privateKey = privateKey;
    this.algorithm = algorithm;
  }

  /**
   * @throws IllegalArgumentException with a message that quotes no key material (parser messages
   *     may quote the text they fail on, so none is passed on)
   */
  static SigningKey currentOf(String privateJwks) {
    JsonNode keys;
    try {
      keys = JSON.readTree(privateJwks).path("keys");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the signing keys are not JSON");
    }
    if (!keys.isArray() || keys.isEmpty()) {
      throw new IllegalArgumentException("the signing keys must be a JWKS {\"keys\": [JWK, ...]} with at least one key");
    }
    Jwk<?> jwk;
    try {
      jwk = Jwks.parser().build().parse(keys.get(keys.size() - 1).toString());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the current signing key (the last of the JWKS) is not a valid JWK");
    }
    if (!(jwk instanceof PrivateJwk<?, ?, ?> privateJwk)) {
      throw new IllegalArgumentException("the current signing key is not a private key: tokens cannot be signed with it");
    }
    SignatureAlgorithm algorithm = jwk.getAlgorithm() == null ? null : ALGORITHMS.get(jwk.getAlgorithm());
    if (jwk.getId() == null || algorithm == null) {
      throw new IllegalArgumentException("the current signing key needs a kid and an alg of " + ALGORITHMS.keySet());
    }
    return new SigningKey(jwk.getId(), privateJwk.toKey(), algorithm);
  }

  /** Only the key id: a key logged by mistake shows no key material. */
  @Override
  public String toString() {
    return "SigningKey[kid=" + keyId + ", alg=" + algorithm.getId() + "]";
  }
}
