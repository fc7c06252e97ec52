package io.protectedfiles.operator.edge;

import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * The edge function's deployment package: the authorizer's code plus the store's config.json, as a
 * deterministic zip, and its SHA-256 the way Lambda reports CodeSha256 (base64), so that comparing
 * it with a published version says whether that version runs exactly this bundle.
 */
public record EdgeBundle(byte[] zip, String codeSha256) {

  /** @param sources the authorizer's files ({@link AuthorizerSources#load()}) */
  public static EdgeBundle of(Map<String, byte[]> sources, byte[] configJson) {
    Map<String, byte[]> entries = new TreeMap<>(sources);
    entries.put(AuthorizerConfig.FILE_NAME, configJson);
    byte[] zip = DeterministicZip.write(entries);
    return new EdgeBundle(zip, Base64.getEncoder().encodeToString(Sha256.digest(zip)));
  }

  /** Size and hash only: the bundle may hold an HS256 secret. */
  @Override
  public String toString() {
    return "EdgeBundle[" + zip.length + " bytes, codeSha256=" + codeSha256 + "]";
  }
}
