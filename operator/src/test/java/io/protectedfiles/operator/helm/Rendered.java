package io.protectedfiles.operator.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The manifests `helm template` rendered, parsed, to look at one kind at a time. */
record Rendered(String yaml, List<JsonNode> documents) {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Renders the chart in the given namespace with `--set` style values. */
  static Rendered chart(String namespace, String... sets) {
    List<String> args = new ArrayList<>(List.of("template", "pfs", Cli.CHART.toString(), "--namespace", namespace));
    for (String set : sets) {
      args.add("--set");
      args.add(set);
    }
    return of(Cli.helm(args.toArray(String[]::new)));
  }

  static Rendered of(String yaml) {
    try (var parser = YAML.getFactory().createParser(yaml)) {
      List<JsonNode> documents = new ArrayList<>();
      YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
        if (d != null && !d.isNull() && !d.isEmpty()) {
          documents.add(d);
        }
      });
      return new Rendered(yaml, documents);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<JsonNode> all(String kind) {
    return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
  }

  JsonNode one(String kind) {
    List<JsonNode> found = all(kind);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + kind + ", rendered " + found.size() + ":\n" + yaml);
    }
    return found.get(0);
  }

  List<String> kinds() {
    return documents.stream().map(d -> d.path("kind").asText()).toList();
  }
}
