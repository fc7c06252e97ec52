package io.protectedfiles.operator.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every IAM action the operator's code performed in the integration tests, gathered across all
 * test classes of a run and written to a file when the run ends, so that a later check can hold the
 * operator's documented IAM policy against what it really calls. The tests' own calls (other
 * credentials) and presigned requests (made by browsers and applications) are not the operator's.
 */
public final class AwsActionLog {

  public static final Path FILE = Path.of("target", "aws-actions-used.txt");

  private static final Set<String> actions = new TreeSet<>();

  private AwsActionLog() {}

  static synchronized void collect(List<Map<String, Object>> records) {
    for (Map<String, Object> record : records) {
      if (!AwsEmulator.OPERATOR_ACCESS_KEY.equals(record.get("accessKeyId")) || Boolean.TRUE.equals(record.get("presigned"))) {
        continue;
      }
      addAction(record.get("action"));
      if (record.get("dependentActions") instanceof Collection<?> dependent) {
        dependent.forEach(AwsActionLog::addAction);
      }
    }
  }

  static synchronized void write() {
    try {
      Files.createDirectories(FILE.toAbsolutePath().getParent());
      Files.write(FILE, actions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addAction(Object action) {
    if (action instanceof String name && !name.isBlank()) {
      actions.add(name);
    }
  }
}
