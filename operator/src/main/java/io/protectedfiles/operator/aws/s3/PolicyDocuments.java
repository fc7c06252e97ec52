package io.protectedfiles.operator.aws.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares IAM policy documents by meaning: the order of statements and of values, a single value
 * versus a one-element list, and Sids make no difference to what a policy allows, so they make no
 * difference here. Text comparison would see drift on every read and update forever.
 */
public final class PolicyDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyDocuments() {}

  public static boolean sameMeaning(String a, String b) {
    return normalized(a).equals(normalized(b));
  }

  /**
   * The document without the statement of that Sid, or empty when nothing else is left in it (or
   * when it cannot be read: then there is nothing to keep).
   */
  public static Optional<String> withoutStatement(String document, String sid) {
    try {
      JsonNode root = JSON.readTree(document);
      JsonNode statements = root == null ? null : root.get("Statement");
      if (!(root instanceof ObjectNode object) || statements == null) {
        return Optional.empty();
      }
      ArrayNode kept = JsonNodeFactory.instance.arrayNode();
      for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
        if (!sid.equals(statement.path("Sid").asText())) {
          kept.add(statement);
        }
      }
      if (kept.isEmpty()) {
        return Optional.empty();
      }
      object.set("Statement", kept);
      return Optional.of(JSON.writeValueAsString(object));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** The document reduced to a set of statements whose string-or-list values are sets. */
  static Set<JsonNode> normalized(String document) {
    JsonNode root;
    try {
      root = JSON.readTree(document);
    } catch (JsonProcessingException e) {
      // Unparseable text never matches a valid desired policy, so it is replaced.
      return Set.of(JsonNodeFactory.instance.textNode(document));
    }
    JsonNode statements = root == null ? null : root.get("Statement");
    Set<JsonNode> result = new HashSet<>();
    if (statements == null) {
      return result;
    }
    for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
      result.add(normalizeStatement(statement));
    }
    return result;
  }

  private static JsonNode normalizeStatement(JsonNode statement) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = statement.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (!"Sid".equals(field.getKey())) {
        out.set(field.getKey(), normalizeValue(field.getValue()));
      }
    }
    return out;
  }

  private static JsonNode normalizeValue(JsonNode value) {
    if (value.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      value.fields().forEachRemaining(f -> out.set(f.getKey(), normalizeValue(f.getValue())));
      return out;
    }
    List<String> items = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(v -> items.add(v.isTextual() ? v.asText() : v.toString()));
    } else {
      items.add(value.isTextual() ? value.asText() : value.toString());
    }
    ArrayNode sorted = JsonNodeFactory.instance.arrayNode();
    items.stream().distinct().sorted().forEach(sorted::add);
    return sorted;
  }
}
