package io.protectedfiles.operator.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.protectedfiles.operator.api.v1alpha1.AuthorizerSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizerConfigTest {

  static final EdgeKeys KEYS = new EdgeKeys(List.of(
      Map.of("kid", "b", "kty", "EC", "crv", "P-256", "x", "x1", "y", "y1", "alg", "ES256", "use", "sig"),
      Map.of("kid", "a", "kty", "OKP", "crv", "Ed25519", "x", "x2", "alg", "EdDSA", "use", "sig")), null);

  @Test
  void defaultsFollowTheSpecDocumentation() throws IOException {
    var store = EdgeNamesTest.store("acme", "team-assets", "uid-1");

    Map<String, Object> config = read(AuthorizerConfig.json(store, KEYS));

    assertThat(config).containsEntry("audience", "team-assets")
        .containsEntry("issuer", null)
        .containsEntry("queryParameter", "authorization")
        .containsEntry("pathClaim", "paths")
        .containsEntry("clockSkewSeconds", 30)
        .containsEntry("maxTokenAgeSeconds", null)
        .containsEntry("defaultOrigin", null)
        .containsOnlyKeys("keys", "issuer", "audience", "queryParameter", "pathClaim", "clockSkewSeconds",
            "maxTokenAgeSeconds", "defaultOrigin");
  }

  @Test
  void carriesTheSpecsSettingsAndKeys() throws IOException {
    var store = EdgeNamesTest.store("acme", "team-assets", "uid-1");
    var spec = new AuthorizerSpec();
    spec.setIssuer("https://auth.example.com");
    spec.setAudience("files");
    spec.setQueryParameter("token");
    spec.setPathClaim("prefixes");
    spec.setClockSkewSeconds(5);
    spec.setMaxTokenAgeSeconds(600);
    spec.setDefaultOrigin("https://app.example.com");
    store.getSpec().setAuthorizer(spec);

    Map<String, Object> config = read(AuthorizerConfig.json(store, KEYS));

    assertThat(config).containsEntry("issuer", "https://auth.example.com")
        .containsEntry("audience", "files")
        .containsEntry("queryParameter", "token")
        .containsEntry("pathClaim", "prefixes")
        .containsEntry("clockSkewSeconds", 5)
        .containsEntry("maxTokenAgeSeconds", 600)
        .containsEntry("defaultOrigin", "https://app.example.com");
    assertThat(config.get("keys")).isEqualTo(Map.of("keys", List.of(KEYS.publicJwks().get(1), KEYS.publicJwks().get(0))));
  }

  @Test
  void readsAnEmptyIssuerOrAudienceAsNotSet() throws IOException {
    var store = EdgeNamesTest.store("acme", "team-assets", "uid-1");
    store.getSpec().setAuthorizer(new AuthorizerSpec());
    store.getSpec().getAuthorizer().setIssuer("");
    store.getSpec().getAuthorizer().setAudience(" ");

    assertThat(read(AuthorizerConfig.json(store, KEYS)))
        .containsEntry("issuer", null)
        .containsEntry("audience", "team-assets");
  }

  @Test
  void isCanonicalSoThatTheSameSpecGivesTheSameBytes() {
    var store = EdgeNamesTest.store("acme", "team-assets", "uid-1");
    var reordered = new EdgeKeys(List.of(KEYS.publicJwks().get(1), KEYS.publicJwks().get(0)), null);

    String json = new String(AuthorizerConfig.json(store, KEYS), StandardCharsets.UTF_8);

    assertThat(AuthorizerConfig.json(store, reordered)).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    assertThat(json).startsWith("{\"audience\":\"team-assets\",\"clockSkewSeconds\":30,\"defaultOrigin\":null,"
        + "\"issuer\":null,\"keys\":{\"keys\":[{\"alg\":\"EdDSA\",\"crv\":\"Ed25519\",\"kid\":\"a\"")
        .doesNotContain(" ", "\n");
  }

  static Map<String, Object> read(byte[] json) throws IOException {
    return CanonicalJson.readObject(new String(json, StandardCharsets.UTF_8));
  }
}
