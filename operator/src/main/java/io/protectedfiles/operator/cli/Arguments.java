package io.protectedfiles.operator.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Options of the form {@code --name value}, {@code --name=value} or, for flags, {@code --name}.
 * Anything else is a usage error: a misspelt option must not be silently ignored.
 */
final class Arguments {

  private final Map<String, List<String>> values;

  private Arguments(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * @param valued names of options that take a value
   * @param flags names of options that take none
   */
  static Arguments parse(String[] args, Set<String> valued, Set<String> flags) throws UsageError {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new UsageError("unexpected argument \"" + arg + "\"; options look like --name value");
      }
      int equals = arg.indexOf('=');
      String name = equals == -1 ? arg.substring(2) : arg.substring(2, equals);
      String value;
      if (flags.contains(name)) {
        if (equals != -1) {
          throw new UsageError("--" + name + " takes no value");
        }
        value = "true";
      } else if (valued.contains(name)) {
        if (equals != -1) {
          value = arg.substring(equals + 1);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          throw new UsageError("--" + name + " needs a value");
        }
      } else {
        throw new UsageError("unknown option --" + name);
      }
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return new Arguments(values);
  }

  String required(String name) throws UsageError {
    return optional(name).orElseThrow(() -> new UsageError("--" + name + " is required"));
  }

  /** The option's value; given twice it is a usage error, since only one can count. */
  Optional<String> optional(String name) throws UsageError {
    List<String> given = all(name);
    if (given.size() > 1) {
      throw new UsageError("--" + name + " was given " + given.size() + " times; give it once");
    }
    return given.stream().findFirst();
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  boolean flag(String name) {
    return values.containsKey(name);
  }
}
