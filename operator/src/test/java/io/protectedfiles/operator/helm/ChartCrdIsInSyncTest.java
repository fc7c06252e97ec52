package io.protectedfiles.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.protectedfiles.operator.testsupport.LocalEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * The chart installs the CRD from its own copy (Helm cannot read crds/ from outside the chart). When
 * crds/ changes, this fails until `helm/sync-crd.sh` has copied it again.
 */
class ChartCrdIsInSyncTest {

  static final String FILE = "protectedfilestores.protectedfiles.io-v1.yml";
  static final Path COMMITTED = LocalEnvironment.projectRoot().resolve("crds").resolve(FILE);
  static final Path CHART_COPY = Cli.CHART.resolve("files/crds").resolve(FILE);

  static final Comparator<JsonNode> BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
      ? a.decimalValue().compareTo(b.decimalValue())
      : a.equals(b) ? 0 : 1;

  @Test
  void theChartsCopyIsTheCommittedCrd() throws IOException {
    assertThat(Files.readString(CHART_COPY))
        .as("the chart's CRD is stale: run helm/sync-crd.sh")
        .isEqualTo(Files.readString(COMMITTED));
  }

  @Test
  void theRenderedCrdIsTheCommittedOneWithTheChartsMetadata() throws IOException {
    JsonNode rendered = Rendered.of(Cli.helm("template", "pfs", Cli.CHART.toString(), "--show-only", "templates/crd.yaml"))
        .one("CustomResourceDefinition");
    JsonNode committed = Rendered.YAML.readTree(COMMITTED.toFile());

    // Helm writes 300.0 as 300: the same number to the API server, so numbers compare by value.
    assertThat(rendered.path("spec").equals(BY_VALUE, committed.path("spec")))
        .as("templates/crd.yaml renders the CRD's spec unchanged").isTrue();
    assertThat(rendered.path("metadata").path("name")).isEqualTo(committed.path("metadata").path("name"));
    assertThat(rendered.path("metadata").path("annotations").path("helm.sh/resource-policy").asText()).isEqualTo("keep");
  }
}
