package io.protectedfiles.operator.edge;

import io.protectedfiles.operator.api.v1alpha1.AuthorizerSpec;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The edge authorizer's config.json (its contract is authorizer/src/settings.js). Lambda@Edge has no
 * environment variables, so the settings travel in the bundle; the JSON is canonical, so the same
 * spec and keys always give the same bytes and no new function version.
 */
public final class AuthorizerConfig {

  public static final String FILE_NAME = "config.json";

  private AuthorizerConfig() {}

  public static byte[] json(ProtectedFileStore store, EdgeKeys keys) {
    AuthorizerSpec spec = store.specOrDefaults().authorizerOrDefaults();
    // Sorted by kid: a JWKS whose keys come in another order means the same keys.
    List<Map<String, Object>> jwks = new ArrayList<>(keys.publicJwks());
    jwks.sort(Comparator.comparing(k -> String.valueOf(k.get("kid"))));

    Map<String, Object> config = new TreeMap<>();
    config.put("keys", Map.of("keys", jwks));
    config.put("issuer", spec.issuerOrNull());
    config.put("audience", spec.audienceOrDefault(store.getMetadata().getName()));
    config.put("queryParameter", spec.queryParameterOrDefault());
    config.put("pathClaim", spec.pathClaimOrDefault());
    config.put("clockSkewSeconds", spec.clockSkewOrDefault());
    config.put("maxTokenAgeSeconds", spec.getMaxTokenAgeSeconds());
    config.put("defaultOrigin", spec.getDefaultOrigin());
    return CanonicalJson.write(config);
  }
}
