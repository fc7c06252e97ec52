package io.protectedfiles.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * crds/ is what users and the Helm chart install; it must be what the Java types generate. When
 * this fails, copy the generated file over the committed one (the message says how) and commit it.
 */
class CrdIsCommittedTest {

  static final String FILE = "protectedfilestores.protectedfiles.io-v1.yml";

  @Test
  void committedCrdEqualsTheGeneratedOne() throws IOException {
    Path generated = Path.of("target/classes/META-INF/fabric8", FILE);
    Path committed = Path.of("../crds", FILE);

    assertThat(Files.readString(committed))
        .as("crds/%s is stale: run `cp operator/%s crds/` after `mvn -pl operator process-classes`", FILE, generated)
        .isEqualTo(Files.readString(generated));
  }
}
