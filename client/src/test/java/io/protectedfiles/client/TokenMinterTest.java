package io.protectedfiles.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PrivateJwk;
import io.jsonwebtoken.security.PublicJwk;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenMinterTest {

  static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");

  final PrivateJwk<?, ?, ?> older = privateJwk(Jwts.SIG.ES256.keyPair().build(), "older", "ES256");
  final PrivateJwk<?, ?, ?> current = privateJwk(Jwts.SIG.ES256.keyPair().build(), "current", "ES256");

  @Test
  void signsWithTheLastKeyAndCarriesTheStoresClaims() {
    TokenMinter minter = TokenMinter.builder(jwks(older, current))
        .audience("team-assets").issuer("https://auth.example.com").pathClaim("grants")
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    String token = minter.mint(List.of("/3f2a9c/", "/shared/"), Duration.ofHours(1));

    Jws<Claims> jws = verify(token, current.toPublicJwk().toKey());
    assertThat(jws.getHeader().getKeyId()).isEqualTo("current");
    assertThat(jws.getHeader().getAlgorithm()).isEqualTo("ES256");
    assertThat(jws.getPayload().getAudience()).containsExactly("team-assets");
    assertThat(jws.getPayload().getIssuer()).isEqualTo("https://auth.example.com");
    assertThat(jws.getPayload().getIssuedAt().toInstant()).isEqualTo(NOW);
    assertThat(jws.getPayload().getExpiration().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(jws.getPayload().get("grants", List.class)).containsExactly("/3f2a9c/", "/shared/");
  }

  @Test
  void withoutIssuerThereIsNoIssClaimAndPathsIsTheDefaultClaim() {
    String token = TokenMinter.builder(jwks(current)).audience("team-assets").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()
        .mint(List.of("/a/"), Duration.ofMinutes(5));

    Claims claims = verify(token, current.toPublicJwk().toKey()).getPayload();
    assertThat(claims.getIssuer()).isNull();
    assertThat(claims.get("paths", List.class)).containsExactly("/a/");
  }

  @Test
  void signsWithRs256AndEd25519Keys() {
    var rsa = privateJwk(Jwts.SIG.RS256.keyPair().build(), "rsa", "RS256");
    var ed = privateJwk(Jwks.CRV.Ed25519.keyPair().build(), "ed", "EdDSA");

    assertThat(verify(minter(rsa).mint(List.of("/a/"), Duration.ofMinutes(1)), rsa.toPublicJwk().toKey())
        .getHeader().getAlgorithm()).isEqualTo("RS256");
    assertThat(verify(minter(ed).mint(List.of("/a/"), Duration.ofMinutes(1)), ed.toPublicJwk().toKey())
        .getHeader().getAlgorithm()).isEqualTo("EdDSA");
  }

  @Test
  void refusesUselessTokens() {
    TokenMinter minter = minter(current);

    assertThatThrownBy(() -> minter.mint(List.of(), Duration.ofMinutes(1))).hasMessageContaining("at least one path prefix");
    assertThatThrownBy(() -> minter.mint(List.of("3f2a/"), Duration.ofMinutes(1))).hasMessageContaining("must start with /");
    assertThatThrownBy(() -> minter.mint(List.of("/a/"), Duration.ZERO)).hasMessageContaining("must be positive");
    assertThatThrownBy(() -> minter.mint(List.of("/a/"), Duration.ofSeconds(-5))).hasMessageContaining("must be positive");
  }

  @Test
  void refusesKeysItCannotSignWithWithoutQuotingThem() {
    PublicJwk<?> publicOnly = current.toPublicJwk();
    String publicJwks = "{\"keys\":[" + Jwks.json(publicOnly) + "]}";
    String secretLooking = "{\"keys\": [{\"kty\": \"EC\", \"d\": \"SECRET-MATERIAL\"}]}";

    assertThatThrownBy(() -> TokenMinter.builder(publicJwks).audience("a").build()).hasMessageContaining("not a private key");
    assertThatThrownBy(() -> TokenMinter.builder(secretLooking).audience("a").build())
        .hasMessageContaining("not a valid JWK").hasMessageNotContaining("SECRET-MATERIAL");
    assertThatThrownBy(() -> TokenMinter.builder("{\"keys\": []}").audience("a").build()).hasMessageContaining("at least one key");
    assertThatThrownBy(() -> TokenMinter.builder("not json SECRET").audience("a").build())
        .hasMessageContaining("not JSON").hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> TokenMinter.builder(jwks(current)).build()).hasMessageContaining("audience");
  }

  @Test
  void describesItselfWithoutKeyMaterial() throws Exception {
    String privateValue = new ObjectMapper().readTree(Jwks.UNSAFE_JSON(current)).get("d").asText();

    assertThat(minter(current).toString()).contains("kid=current").doesNotContain(privateValue);
  }

  private static TokenMinter minter(PrivateJwk<?, ?, ?> key) {
    return TokenMinter.builder(jwks(key)).audience("team-assets").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  private static Jws<Claims> verify(String token, Object publicKey) {
    return Jwts.parser().verifyWith((PublicKey) publicKey).clock(() -> Date.from(NOW.plusSeconds(1))).build().parseSignedClaims(token);
  }

  private static PrivateJwk<?, ?, ?> privateJwk(KeyPair pair, String kid, String alg) {
    return (PrivateJwk<?, ?, ?>) Jwks.builder().keyPair(pair).id(kid).algorithm(alg).publicKeyUse("sig").build();
  }

  private static String jwks(PrivateJwk<?, ?, ?>... keys) {
    StringBuilder json = new StringBuilder("{\"keys\":[");
    for (int i = 0; i < keys.length; i++) {
      json.append(i == 0 ? "" : ",").append(Jwks.UNSAFE_JSON(keys[i]));
    }
    return json.append("]}").toString();
  }
}
