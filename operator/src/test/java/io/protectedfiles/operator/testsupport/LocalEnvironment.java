package io.protectedfiles.operator.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where local-env/setup.sh put the real parts the tests run against, and which versions: read from
 * local-env/versions.env, the one place the versions are written.
 */
public final class LocalEnvironment {

  private static final Path PROJECT_ROOT = findProjectRoot();
  private static final Map<String, String> VERSIONS = readVersions();

  private LocalEnvironment() {}

  public static Path projectRoot() {
    return PROJECT_ROOT;
  }

  public static Path cacheDir() {
    String configured = System.getenv("PFS_CACHE_DIR");
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".cache", "protected-file-store");
  }

  public static String version(String name) {
    String value = VERSIONS.get(name);
    if (value == null) {
      throw new IllegalStateException(name + " is missing from local-env/versions.env");
    }
    return value;
  }

  public static Path motoPython() {
    return requireExecutable(cacheDir().resolve("moto-" + version("MOTO_VERSION")).resolve("bin/python"));
  }

  public static Path helm() {
    return requireExecutable(cacheDir().resolve("bin/helm"));
  }

  static Path requireExecutable(Path path) {
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException(path + " is missing: run local-env/setup.sh first (the README's test command does)");
    }
    return path;
  }

  private static Path findProjectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("local-env/versions.env"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("run the tests from inside the project: local-env/versions.env not found");
    }
    return dir;
  }

  private static Map<String, String> readVersions() {
    try {
      Map<String, String> versions = new HashMap<>();
      for (String line : Files.readAllLines(PROJECT_ROOT.resolve("local-env/versions.env"))) {
        String trimmed = line.strip();
        int eq = trimmed.indexOf('=');
        if (!trimmed.startsWith("#") && eq > 0) {
          versions.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
        }
      }
      return versions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
