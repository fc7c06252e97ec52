package io.protectedfiles.operator.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protectedfiles.operator.aws.TerminalFailure;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SharedSecretKeyTest {

  @Test
  void refusesSecretsShorterThan32Bytes() {
    byte[] secret = "0123456789abcdef0123456789abcde".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SharedSecretKey.jwk(secret, "key hs256 of Secret acme/shared"))
        .isInstanceOfSatisfying(TerminalFailure.class, e -> assertThat(e.reason()).isEqualTo("WeakSecret"))
        .hasMessageContaining("31 bytes")
        .hasMessageNotContaining("0123456789");
  }

  @Test
  void becomesAnOctJwkWhoseKidIsDerivedFromTheSecret() {
    byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    var jwk = SharedSecretKey.jwk(secret, "key hs256 of Secret acme/shared");

    String kid = "hs256-" + HexFormat.of().formatHex(Sha256.digest(secret)).substring(0, 8);
    assertThat(jwk).containsEntry("kty", "oct")
        .containsEntry("alg", "HS256")
        .containsEntry("kid", kid)
        .containsEntry("k", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    assertThat(SharedSecretKey.jwk(secret.clone(), "elsewhere")).isEqualTo(jwk);
  }
}
