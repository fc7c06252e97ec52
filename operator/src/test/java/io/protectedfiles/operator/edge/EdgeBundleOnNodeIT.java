package io.protectedfiles.operator.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.protectedfiles.operator.api.v1alpha1.AuthorizerSpec;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.api.v1alpha1.SigningAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bundle the operator builds, unpacked and run by Node.js the way Lambda runs it
 * (index.handler): its config.json is one the authorizer loads, and tokens signed with the keys the
 * operator keeps are granted exactly the paths they name.
 */
class EdgeBundleOnNodeIT {

  static final String STORE = "team-assets";

  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(SigningAlgorithm.class)
  void grantsTokensSignedWithTheGeneratedKeys(SigningAlgorithm algorithm) throws Exception {
    SigningKeySet keys = SigningKeySet.generate(algorithm);
    unpack(bundle(store(), new EdgeKeys(keys.publicJwks(null), STORE + "-signing-key")));

    String token = token(keys.signingKey().getId(), keys.signingKey().toKey(), STORE);

    assertThat(run("/3f2a/report.pdf", token)).doesNotContainKey("status").containsEntry("uri", "/3f2a/report.pdf");
    assertThat(run("/other/report.pdf", token)).containsEntry("status", "403");
    assertThat(run("/3f2a/report.pdf", token(keys.signingKey().getId(), keys.signingKey().toKey(), "another-store")))
        .containsEntry("status", "401");
  }

  @Test
  void grantsTokensSignedWithTheSharedSecret() throws Exception {
    byte[] secret = "an HS256 secret of more than 32 bytes".getBytes(StandardCharsets.UTF_8);
    Map<String, Object> jwk = SharedSecretKey.jwk(secret, "test");
    unpack(bundle(store(), new EdgeKeys(List.of(jwk), null)));

    String token = token((String) jwk.get("kid"), Keys.hmacShaKeyFor(secret), STORE);

    assertThat(run("/3f2a/report.pdf", token)).doesNotContainKey("status");
  }

  @Test
  void checksTheIssuerOnlyWhenTheSpecNamesOne() throws Exception {
    SigningKeySet keys = SigningKeySet.generate(SigningAlgorithm.ES256);
    ProtectedFileStore store = store();
    store.getSpec().setAuthorizer(new AuthorizerSpec());
    store.getSpec().getAuthorizer().setIssuer("https://auth.example.com");
    unpack(bundle(store, new EdgeKeys(keys.publicJwks(null), null)));

    assertThat(run("/3f2a/a", token(keys.signingKey().getId(), keys.signingKey().toKey(), STORE)))
        .containsEntry("status", "401");
  }

  @Test
  void appliesEverySettingTheSpecCanGive() throws Exception {
    SigningKeySet keys = SigningKeySet.generate(SigningAlgorithm.ES256);
    ProtectedFileStore store = store();
    var spec = new AuthorizerSpec();
    spec.setIssuer("https://auth.example.com");
    spec.setAudience("files");
    spec.setQueryParameter("t");
    spec.setPathClaim("prefixes");
    spec.setClockSkewSeconds(0);
    spec.setMaxTokenAgeSeconds(600);
    spec.setDefaultOrigin("https://app.example.com");
    store.getSpec().setAuthorizer(spec);
    unpack(bundle(store, new EdgeKeys(keys.publicJwks(null), null)));

    String token = Jwts.builder()
        .header().keyId(keys.signingKey().getId()).and()
        .issuer("https://auth.example.com")
        .audience().add("files").and()
        .issuedAt(new Date())
        .expiration(Date.from(Instant.now().plusSeconds(300)))
        .claim("prefixes", List.of("/3f2a/"))
        .signWith(keys.signingKey().toKey())
        .compact();

    Map<String, Object> granted = run("/3f2a/report.pdf", "t", token);
    assertThat(granted).doesNotContainKey("status").containsEntry("querystring", "");
    assertThat(granted.get("headers")).isEqualTo(Map.of("origin", List.of(Map.of("key", "Origin", "value", "https://app.example.com"))));
  }

  private static ProtectedFileStore store() {
    return EdgeNamesTest.store("acme", STORE, "uid-1");
  }

  private static EdgeBundle bundle(ProtectedFileStore store, EdgeKeys keys) {
    return EdgeBundle.of(AuthorizerSources.load(), AuthorizerConfig.json(store, keys));
  }

  private static String token(String kid, Key key, String audience) {
    return Jwts.builder()
        .header().keyId(kid).and()
        .audience().add(audience).and()
        .expiration(Date.from(Instant.now().plusSeconds(300)))
        .claim("paths", List.of("/3f2a/"))
        .signWith(key)
        .compact();
  }

  private void unpack(EdgeBundle bundle) throws IOException {
    try (var zip = new ZipInputStream(new ByteArrayInputStream(bundle.zip()))) {
      for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        Files.write(temp.resolve(entry.getName()), zip.readAllBytes());
      }
    }
  }

  private Map<String, Object> run(String uri, String token) throws Exception {
    return run(uri, "authorization", token);
  }

  /** What the handler answers a viewer request for `uri` carrying `token` as the query parameter. */
  private Map<String, Object> run(String uri, String parameter, String token) throws Exception {
    Map<String, Object> request = Map.of(
        "clientIp", "203.0.113.9", "method", "GET", "uri", uri, "querystring", parameter + "=" + token, "headers", Map.of());
    Map<String, Object> event = Map.of("Records", List.of(Map.of("cf", Map.of("request", request))));
    Files.write(temp.resolve("event.json"), CanonicalJson.write(event));
    Process node = new ProcessBuilder("node", "-e",
        "require('./index.js').handler(JSON.parse(require('fs').readFileSync('event.json', 'utf8')))"
            + ".then((r) => process.stdout.write(JSON.stringify(r)))")
        .directory(temp.toFile())
        .redirectErrorStream(true)
        .start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).as(output).isZero();
    return CanonicalJson.readObject(output);
  }
}
