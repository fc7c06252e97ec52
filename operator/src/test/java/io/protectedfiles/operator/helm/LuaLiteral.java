package io.protectedfiles.operator.helm;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A parsed YAML or JSON value written as a Lua table constructor, as Argo CD hands resources to Lua. */
final class LuaLiteral {

  private LuaLiteral() {}

  static String of(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .filter(e -> e.getValue() != null)
          .map(e -> "[" + string(String.valueOf(e.getKey())) + "] = " + of(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(LuaLiteral::of).collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof String s) {
      return string(s);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    throw new IllegalArgumentException("no Lua literal for " + value);
  }

  private static String string(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
  }
}
