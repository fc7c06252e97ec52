package io.protectedfiles.operator.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protectedfiles.operator.api.v1alpha1.SigningAlgorithm;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SigningKeySetTest {

  @ParameterizedTest
  @EnumSource(SigningAlgorithm.class)
  void publicJwksHoldNoPrivateMember(SigningAlgorithm algorithm) {
    SigningKeySet keys = SigningKeySet.generate(algorithm);

    Map<String, Object> jwk = keys.publicJwks(null).get(0);

    assertThat(jwk).doesNotContainKeys(PublicJwks.PRIVATE_MEMBERS.toArray(String[]::new))
        .containsEntry("alg", algorithm.name())
        .containsEntry("use", "sig")
        .containsEntry("kid", keys.signingKey().getId());
    assertThat(keys.toJson()).contains("\"d\":");
  }

  @Test
  void generatedKeysMatchWhatTheEdgeVerifies() {
    assertThat(SigningKeySet.generate(SigningAlgorithm.ES256).publicJwks(null).get(0))
        .containsEntry("kty", "EC").containsEntry("crv", "P-256").containsKeys("x", "y");
    assertThat(SigningKeySet.generate(SigningAlgorithm.EdDSA).publicJwks(null).get(0))
        .containsEntry("kty", "OKP").containsEntry("crv", "Ed25519").containsKey("x");
    assertThat(SigningKeySet.generate(SigningAlgorithm.RS256).publicJwks(null).get(0))
        .containsEntry("kty", "RSA").containsEntry("e", "AQAB")
        .satisfies(k -> assertThat(((String) k.get("n")).length()).isGreaterThanOrEqualTo(342));
  }

  @Test
  void keyIdsAreRandomAndUrlSafe() {
    String first = SigningKeySet.generate(SigningAlgorithm.ES256).signingKey().getId();
    String second = SigningKeySet.generate(SigningAlgorithm.ES256).signingKey().getId();

    assertThat(first).matches("[A-Za-z0-9_-]{16}").isNotEqualTo(second);
  }

  @Test
  void survivesTheSecretUnchangedAndInOrder() throws IOException {
    SigningKeySet keys = SigningKeySet.generate(SigningAlgorithm.ES256).withNewKey(SigningAlgorithm.EdDSA);

    SigningKeySet read = SigningKeySet.parse(keys.toJson());

    assertThat(read.toJson()).isEqualTo(keys.toJson());
    assertThat(read.signingKey().getId()).isEqualTo(keys.signingKey().getId());
    assertThat(read.signingAlgorithm()).isEqualTo(SigningAlgorithm.EdDSA);
  }

  @Test
  void aNewKeyBecomesTheSigningKeyAndTheOldOneStaysAccepted() {
    SigningKeySet first = SigningKeySet.generate(SigningAlgorithm.ES256);
    SigningKeySet rotated = first.withNewKey(SigningAlgorithm.ES256);

    assertThat(rotated.signingKey().getId()).isNotEqualTo(first.signingKey().getId());
    assertThat(kids(rotated.publicJwks(null))).containsExactly(first.signingKey().getId(), rotated.signingKey().getId());
    assertThat(kids(rotated.publicJwks(List.of()))).containsExactly(rotated.signingKey().getId());
    assertThat(kids(rotated.publicJwks(List.of(first.signingKey().getId()))))
        .containsExactly(first.signingKey().getId(), rotated.signingKey().getId());
  }

  @Test
  void showsOnlyKeyIdsWhenPrinted() {
    SigningKeySet keys = SigningKeySet.generate(SigningAlgorithm.RS256);

    assertThat(keys.toString()).isEqualTo("SigningKeySet[" + keys.signingKey().getId() + "]");
  }

  @Test
  void refusesWhatItDidNotWrite() {
    Map<String, Object> publicOnly = SigningKeySet.generate(SigningAlgorithm.ES256).publicJwks(null).get(0);

    assertThatThrownBy(() -> SigningKeySet.parse("{\"keys\":[]}")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> SigningKeySet.parse("not json")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> SigningKeySet.parse(new String(CanonicalJson.write(Map.of("keys", List.of(publicOnly))))))
        .isInstanceOf(IOException.class).hasMessageContaining("not a private JWK");
  }

  private static List<String> kids(List<Map<String, Object>> jwks) {
    return jwks.stream().map(k -> (String) k.get("kid")).toList();
  }
}
