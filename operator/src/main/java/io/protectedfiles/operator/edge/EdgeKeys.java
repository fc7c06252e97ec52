package io.protectedfiles.operator.edge;

import java.util.List;
import java.util.Map;

/**
 * The verification keys the edge authorizer gets, recorded in the reconcile's context by the edge
 * function (read it with {@code AwsResource.recorded(context, EdgeKeys.class)}).
 *
 * @param publicJwks the JWKs baked into the bundle: public keys only, or the HS256 secret when the
 *     store chose a shared secret
 * @param signingKeySecret the Secret holding the generated private keys; null unless the operator
 *     generates the keys
 */
public record EdgeKeys(List<Map<String, Object>> publicJwks, String signingKeySecret) {

  public EdgeKeys {
    publicJwks = List.copyOf(publicJwks);
  }

  /** Only key ids: what the record shows when it is logged, never key material. */
  @Override
  public String toString() {
    return "EdgeKeys[kids=" + publicJwks.stream().map(k -> k.get("kid")).toList()
        + ", signingKeySecret=" + signingKeySecret + "]";
  }
}
