package io.protectedfiles.operator.edge;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reduces a JWK to what the edge needs to verify signatures: the public members of its key type
 * plus kid, alg and use. Anyone who can read the function can read its bundle, so the members are
 * copied from an allow-list rather than private ones removed; a private member in the input is
 * refused all the same, because it means the key came from the wrong place.
 */
final class PublicJwks {

  static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k", "priv");

  private static final Map<String, List<String>> PUBLIC_MEMBERS = Map.of(
      "EC", List.of("kty", "crv", "x", "y"),
      "RSA", List.of("kty", "n", "e"),
      "OKP", List.of("kty", "crv", "x"));

  private PublicJwks() {}

  /**
   * @throws IllegalArgumentException naming the offending member (never its value) when the JWK
   *     holds private material or is of a key type without public members
   */
  static Map<String, Object> of(Map<String, Object> jwk) {
    for (String member : PRIVATE_MEMBERS) {
      if (jwk.containsKey(member)) {
        throw new IllegalArgumentException("holds the private member \"" + member + "\"");
      }
    }
    List<String> members = PUBLIC_MEMBERS.get(String.valueOf(jwk.get("kty")));
    if (members == null) {
      throw new IllegalArgumentException("has kty " + jwk.get("kty") + ", expected one of " + PUBLIC_MEMBERS.keySet());
    }
    Map<String, Object> result = new TreeMap<>();
    for (String member : members) {
      result.put(member, jwk.get(member));
    }
    result.put("kid", jwk.get("kid"));
    result.put("alg", jwk.get("alg"));
    result.put("use", "sig");
    return result;
  }
}
