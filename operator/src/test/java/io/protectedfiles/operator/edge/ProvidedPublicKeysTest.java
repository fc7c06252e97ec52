package io.protectedfiles.operator.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.security.Jwks;
import io.protectedfiles.operator.api.v1alpha1.SigningAlgorithm;
import io.protectedfiles.operator.aws.TerminalFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvidedPublicKeysTest {

  static final String SOURCE = "key jwks.json of Secret acme/idp-keys";

  @Test
  void acceptsPublicKeysOfEveryAlgorithmTheEdgeVerifies() {
    List<Map<String, Object>> keys = List.of(
        publicKey(SigningAlgorithm.ES256), publicKey(SigningAlgorithm.RS256), publicKey(SigningAlgorithm.EdDSA));

    assertThat(ProvidedPublicKeys.parse(jwks(keys), SOURCE)).containsExactlyElementsOf(keys);
  }

  @Test
  void keepsOnlyThePublicMembers() {
    Map<String, Object> key = new HashMap<>(publicKey(SigningAlgorithm.ES256));
    key.remove("use");
    key.put("x5u", "https://idp.example.com/cert");
    key.put("key_ops", List.of("verify"));

    assertThat(ProvidedPublicKeys.parse(jwks(List.of(key)), SOURCE).get(0))
        .containsOnlyKeys("kty", "crv", "x", "y", "kid", "alg", "use")
        .containsEntry("use", "sig");
  }

  @Test
  void refusesPrivateKeysWithoutQuotingThem() throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> privateKey = ((List<Map<String, Object>>) CanonicalJson.readObject(
        SigningKeySet.generate(SigningAlgorithm.ES256).toJson()).get("keys")).get(0);

    assertThatThrownBy(() -> ProvidedPublicKeys.parse(jwks(List.of(privateKey)), SOURCE))
        .isInstanceOfSatisfying(TerminalFailure.class, e -> assertThat(e.reason()).isEqualTo("InvalidKeys"))
        .hasMessageContaining("private member \"d\"")
        .hasMessageNotContaining((String) privateKey.get("d"));
  }

  @Test
  void refusesKeysTheEdgeWouldRefuse() {
    Map<String, Object> es256 = publicKey(SigningAlgorithm.ES256);

    assertRefused(List.of(without(es256, "kid")), "needs a kid");
    assertRefused(List.of(with(es256, "alg", "ES384")), "needs alg ES256, RS256 or EdDSA");
    assertRefused(List.of(with(es256, "alg", "HS256")), "needs alg ES256, RS256 or EdDSA");
    assertRefused(List.of(with(es256, "alg", "EdDSA")), "alg EdDSA needs kty OKP and crv Ed25519");
    assertRefused(List.of(with(es256, "use", "enc")), "use \"enc\"");
    assertRefused(List.of(es256, es256), "repeats kid");
    assertRefused(List.of(with(es256, "y", es256.get("x"))), "not a valid public key");
    assertRefused(List.of(), "at least one key");
    assertRefused(List.of(Map.of("kty", "oct", "kid", "s", "alg", "HS256", "k", "c2VjcmV0")), "needs alg");
  }

  @Test
  void refusesShortRsaKeys() {
    Map<String, Object> weak = read(Jwks.json(Jwks.builder()
        .key((RSAPublicKey) rsa1024().getPublic()).id("old").algorithm("RS256").build()));

    assertRefused(List.of(weak), "RSA modulus of 1024 bits");
  }

  @Test
  void refusesWhatIsNotAJwks() {
    assertThatThrownBy(() -> ProvidedPublicKeys.parse("-----BEGIN PUBLIC KEY-----".getBytes(StandardCharsets.UTF_8), SOURCE))
        .isInstanceOf(TerminalFailure.class)
        .hasMessageStartingWith(SOURCE + " is not a JSON object")
        .hasMessageNotContaining("BEGIN");
    assertThatThrownBy(() -> ProvidedPublicKeys.parse("{\"keys\":{}}".getBytes(StandardCharsets.UTF_8), SOURCE))
        .isInstanceOf(TerminalFailure.class)
        .hasMessageContaining("must hold a JWKS");
  }

  static Map<String, Object> publicKey(SigningAlgorithm algorithm) {
    return SigningKeySet.generate(algorithm).publicJwks(null).get(0);
  }

  private static void assertRefused(List<Map<String, Object>> keys, String message) {
    assertThatThrownBy(() -> ProvidedPublicKeys.parse(jwks(keys), SOURCE))
        .isInstanceOfSatisfying(TerminalFailure.class, e -> assertThat(e.reason()).isEqualTo("InvalidKeys"))
        .hasMessageContaining(message);
  }

  private static byte[] jwks(List<Map<String, Object>> keys) {
    return CanonicalJson.write(Map.of("keys", keys));
  }

  private static Map<String, Object> with(Map<String, Object> jwk, String member, Object value) {
    Map<String, Object> changed = new HashMap<>(jwk);
    changed.put(member, value);
    return changed;
  }

  private static Map<String, Object> without(Map<String, Object> jwk, String member) {
    Map<String, Object> changed = new HashMap<>(jwk);
    changed.remove(member);
    return changed;
  }

  private static KeyPair rsa1024() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(1024);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> read(String json) {
    try {
      return CanonicalJson.readObject(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
