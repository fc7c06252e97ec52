package io.protectedfiles.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every value in values.yaml carries a `# --` description (on itself or on the object holding it),
 * and the chart's README lists every described value.
 */
class ChartValuesAreDocumentedTest {

  private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z][\\w.-]*):");

  record Value(String path, int indent, boolean described) {}

  @Test
  void everyValueIsDescribedInValuesYamlAndListedInTheReadme() throws IOException {
    List<Value> values = values(Files.readAllLines(Cli.CHART.resolve("values.yaml")));
    String readme = Files.readString(Cli.CHART.resolve("README.md"));

    for (int i = 0; i < values.size(); i++) {
      Value value = values.get(i);
      boolean hasChildren = i + 1 < values.size() && values.get(i + 1).indent() > value.indent();
      boolean covered = values.stream().anyMatch(v -> v.described() && (value.path() + ".").startsWith(v.path() + "."));
      assertThat(covered || hasChildren).as("%s has no `# --` description in values.yaml", value.path()).isTrue();
      if (value.described()) {
        assertThat(readme).as("README.md's values table lacks `%s`", value.path()).contains("`" + value.path() + "`");
      }
    }
  }

  private static List<Value> values(List<String> lines) {
    List<Value> values = new ArrayList<>();
    Deque<Value> parents = new ArrayDeque<>();
    boolean described = false;
    for (String line : lines) {
      if (line.strip().startsWith("# --")) {
        described = true;
        continue;
      }
      Matcher key = KEY.matcher(line);
      if (!key.find()) {
        described = described && line.strip().startsWith("#");
        continue;
      }
      int indent = key.group(1).length();
      while (!parents.isEmpty() && parents.peek().indent() >= indent) {
        parents.pop();
      }
      String path = parents.isEmpty() ? key.group(2) : parents.peek().path() + "." + key.group(2);
      Value value = new Value(path, indent, described);
      values.add(value);
      parents.push(value);
      described = false;
    }
    return values;
  }
}
