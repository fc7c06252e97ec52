package io.protectedfiles.operator.edge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON written the same way every time (object members sorted by name, no whitespace), so that equal
 * content gives equal bytes and an unchanged configuration gives an unchanged CodeSha256. Reading
 * refuses duplicate member names, as the edge authorizer's own parser does.
 */
public final class CanonicalJson {

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
      .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);

  private CanonicalJson() {}

  public static byte[] write(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses a JSON object. The exception's message only says where the text went wrong: the parser's
   * own messages quote the text, which may be key material.
   */
  public static Map<String, Object> readObject(String json) throws IOException {
    Map<String, Object> value;
    try {
      value = JSON.readValue(json, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new IOException("not a JSON object without repeated member names"
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    }
    if (value == null) {
      throw new IOException("expected a JSON object, found null");
    }
    return value;
  }
}
