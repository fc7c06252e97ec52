package io.protectedfiles.operator.helm;

import io.protectedfiles.operator.testsupport.LocalEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs helm and kubectl (built by local-env/setup.sh) as a person would, with helm's own folders
 * in a temporary directory so that nothing outside the test is read or written.
 */
final class Cli {

  static final Path CHART = LocalEnvironment.projectRoot().resolve("helm/protected-file-store-operator");

  private static final Path HELM_HOME = tempDir("helm-home");

  private Cli() {}

  record Result(List<String> command, int exitCode, String stdout, String stderr) {
    Result requireSuccess() {
      if (exitCode != 0) {
        throw new AssertionError(String.join(" ", command) + " exited with " + exitCode + ":\n" + stderr + stdout);
      }
      return this;
    }
  }

  /** helm with the given arguments; fails the test unless it succeeds. */
  static String helm(String... args) {
    return helmResult(args).requireSuccess().stdout();
  }

  static Result helmResult(String... args) {
    return run(LocalEnvironment.helm(), null, args);
  }

  /** kubectl against the cluster of the kubeconfig file, reading stdin. */
  static Result kubectl(Path kubeconfig, String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of("--kubeconfig", kubeconfig.toString()));
    all.addAll(List.of(args));
    return run(kubectlBinary(), stdin, all.toArray(String[]::new));
  }

  static Path writeKubeconfig(String yaml) {
    try {
      Path file = Files.createTempFile(HELM_HOME, "kubeconfig", ".yaml");
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path kubectlBinary() {
    Path kubectl = LocalEnvironment.cacheDir().resolve("k8s")
        .resolve(LocalEnvironment.version("KUBERNETES_VERSION") + "-linux-amd64").resolve("kubectl");
    if (!Files.isExecutable(kubectl)) {
      throw new IllegalStateException(kubectl + " is missing: run local-env/setup.sh first");
    }
    return kubectl;
  }

  private static Result run(Path binary, String stdin, String... args) {
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile(HELM_HOME, "out", ".txt");
      Path err = Files.createTempFile(HELM_HOME, "err", ".txt");
      var builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().put("HELM_CACHE_HOME", HELM_HOME.resolve("cache").toString());
      builder.environment().put("HELM_CONFIG_HOME", HELM_HOME.resolve("config").toString());
      builder.environment().put("HELM_DATA_HOME", HELM_HOME.resolve("data").toString());
      builder.environment().remove("KUBECONFIG");
      if (stdin == null) {
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      }
      Process process = builder.start();
      if (stdin != null) {
        try (var in = process.getOutputStream()) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish within 180 s");
      }
      var result = new Result(command, process.exitValue(), Files.readString(out), Files.readString(err));
      Files.delete(out);
      Files.delete(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
