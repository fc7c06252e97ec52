package io.protectedfiles.operator.edge;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PrivateJwk;
import io.protectedfiles.operator.api.v1alpha1.SigningAlgorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The generated private keys of a store, oldest first: the last one is the signing key, the ones
 * before it are kept so that tokens they signed stay verifiable during a rotation. Stored as a JWKS
 * (each JWK with kid, alg and use) in the store's signing-key Secret.
 */
public final class SigningKeySet {

  private final List<PrivateJwk<?, ?, ?>> keys;

  private SigningKeySet(List<PrivateJwk<?, ?, ?>> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a signing key set holds at least one key");
    }
    this.keys = List.copyOf(keys);
  }

  /** A set of one new key. */
  public static SigningKeySet generate(SigningAlgorithm algorithm) {
    return new SigningKeySet(List.of(newKey(algorithm)));
  }

  /**
   * Reads a set written by {@link #toJson()}.
   *
   * @throws IOException with a message that quotes no key material
   */
  public static SigningKeySet parse(String json) throws IOException {
    Object members = CanonicalJson.readObject(json).get("keys");
    if (!(members instanceof List<?> list) || list.isEmpty()) {
      throw new IOException("expected {\"keys\": [JWK, ...]} with at least one key");
    }
    List<PrivateJwk<?, ?, ?>> keys = new ArrayList<>();
    for (Object member : list) {
      Jwk<?> jwk;
      try {
        jwk = Jwks.parser().build().parse(new String(CanonicalJson.write(member), StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        throw new IOException("key " + (keys.size() + 1) + " is not a valid JWK");
      }
      if (!(jwk instanceof PrivateJwk<?, ?, ?> privateJwk) || jwk.getId() == null || algorithmOf(jwk) == null) {
        throw new IOException("key " + (keys.size() + 1) + " is not a private JWK with kid and a supported alg");
      }
      keys.add(privateJwk);
    }
    return new SigningKeySet(keys);
  }

  /** This set with a new key of the given algorithm, which becomes the signing key. */
  public SigningKeySet withNewKey(SigningAlgorithm algorithm) {
    List<PrivateJwk<?, ?, ?>> more = new ArrayList<>(keys);
    more.add(newKey(algorithm));
    return new SigningKeySet(more);
  }

  /** The key new tokens are signed with: the newest. */
  public PrivateJwk<?, ?, ?> signingKey() {
    return keys.get(keys.size() - 1);
  }

  public SigningAlgorithm signingAlgorithm() {
    return algorithmOf(signingKey());
  }

  /**
   * The public halves the edge accepts: the signing key's, and those of the older keys named in
   * {@code acceptedOlderKeyIds}, or of every older key when that is null.
   */
  public List<Map<String, Object>> publicJwks(Collection<String> acceptedOlderKeyIds) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (PrivateJwk<?, ?, ?> key : keys) {
      boolean accepted = key == signingKey() || acceptedOlderKeyIds == null || acceptedOlderKeyIds.contains(key.getId());
      if (accepted) {
        result.add(publicJwk(key));
      }
    }
    return result;
  }

  /** The whole set as JSON, private members included: for the Secret, nowhere else. */
  public String toJson() {
    List<Object> members = new ArrayList<>();
    for (PrivateJwk<?, ?, ?> key : keys) {
      members.add(readJwk(Jwks.UNSAFE_JSON(key)));
    }
    return new String(CanonicalJson.write(Map.of("keys", members)), StandardCharsets.UTF_8);
  }

  /** Key ids only: a set that is logged by mistake shows no key material. */
  @Override
  public String toString() {
    return "SigningKeySet" + keys.stream().map(Jwk::getId).toList();
  }

  private static Map<String, Object> publicJwk(PrivateJwk<?, ?, ?> key) {
    return PublicJwks.of(readJwk(Jwks.json(key.toPublicJwk())));
  }

  private static PrivateJwk<?, ?, ?> newKey(SigningAlgorithm algorithm) {
    KeyPair pair = switch (algorithm) {
      case ES256 -> Jwts.SIG.ES256.keyPair().build();
      case RS256 -> Jwts.SIG.RS256.keyPair().build();
      // The edge verifies Ed25519 only; jjwt's EdDSA default would be Ed448.
      case EdDSA -> Jwks.CRV.Ed25519.keyPair().build();
    };
    return (PrivateJwk<?, ?, ?>) Jwks.builder()
        .keyPair(pair)
        .id(KeyIds.random())
        .algorithm(algorithm.name())
        .publicKeyUse("sig")
        .build();
  }

  private static SigningAlgorithm algorithmOf(Jwk<?> jwk) {
    for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
      if (algorithm.name().equals(jwk.getAlgorithm())) {
        return algorithm;
      }
    }
    return null;
  }

  private static Map<String, Object> readJwk(String json) {
    try {
      return CanonicalJson.readObject(json);
    } catch (IOException e) {
      throw new IllegalStateException("jjwt wrote a JWK that is not a JSON object", e);
    }
  }
}
