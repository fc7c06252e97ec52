package io.protectedfiles.operator.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.protectedfiles.operator.testsupport.LocalEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeBundleTest {

  static final byte[] CONFIG = "{\"audience\":\"team-assets\"}".getBytes(StandardCharsets.UTF_8);

  @TempDir Path temp;

  @Test
  void theSameInputsGiveTheSameBytes() {
    EdgeBundle first = EdgeBundle.of(AuthorizerSources.load(), CONFIG);
    EdgeBundle second = EdgeBundle.of(AuthorizerSources.load(), CONFIG.clone());

    assertThat(second.zip()).isEqualTo(first.zip());
    assertThat(second.codeSha256()).isEqualTo(first.codeSha256());
  }

  @Test
  void anotherConfigGivesAnotherCodeSha256() {
    byte[] other = "{\"audience\":\"other\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(EdgeBundle.of(AuthorizerSources.load(), other).codeSha256())
        .isNotEqualTo(EdgeBundle.of(AuthorizerSources.load(), CONFIG).codeSha256());
  }

  @Test
  void codeSha256IsTheBase64Sha256OfTheZipAsLambdaReportsIt() throws Exception {
    EdgeBundle bundle = EdgeBundle.of(AuthorizerSources.load(), CONFIG);

    byte[] digest = MessageDigest.getInstance("SHA-256").digest(bundle.zip());
    assertThat(bundle.codeSha256()).isEqualTo(Base64.getEncoder().encodeToString(digest));
  }

  @Test
  void holdsEveryAuthorizerFileAndTheConfigSortedWithFixedTimestamps() throws IOException {
    EdgeBundle bundle = EdgeBundle.of(AuthorizerSources.load(), CONFIG);
    Path sources = LocalEnvironment.projectRoot().resolve("authorizer/edge");

    Map<String, byte[]> entries = new LinkedHashMap<>();
    List<LocalDateTime> times = new ArrayList<>();
    try (var zip = new ZipInputStream(new ByteArrayInputStream(bundle.zip()))) {
      for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), zip.readAllBytes());
        times.add(entry.getTimeLocal());
      }
    }

    List<String> expected = new ArrayList<>();
    try (var files = Files.list(sources)) {
      files.forEach(f -> expected.add(f.getFileName().toString()));
    }
    expected.add("config.json");
    assertThat(entries.keySet()).containsExactlyElementsOf(expected.stream().sorted().toList());
    assertThat(entries.get("index.js")).isEqualTo(Files.readAllBytes(sources.resolve("index.js")));
    assertThat(entries.get("config.json")).isEqualTo(CONFIG);
    assertThat(times).allMatch(LocalDateTime.of(1980, 1, 1, 0, 0)::equals);
  }

  @Test
  void everyFileIsARegularFileReadableByAll() throws IOException {
    Path zip = Files.write(temp.resolve("bundle.zip"), EdgeBundle.of(AuthorizerSources.load(), CONFIG).zip());

    try (var fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", true));
        var files = Files.list(fs.getPath("/"))) {
      assertThat(files).isNotEmpty().allSatisfy(file ->
          assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--"));
    }
  }

  @Test
  void readsTheAuthorizerFromAJarAsFromADirectory() throws IOException {
    SortedMap<String, byte[]> fromDirectory = AuthorizerSources.load();
    Path jar = temp.resolve("operator.jar");
    try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("authorizer/"));
      for (var file : fromDirectory.entrySet()) {
        put(out, "authorizer/" + file.getKey(), file.getValue());
      }
      put(out, "other/index.js", "not the authorizer".getBytes(StandardCharsets.UTF_8));
    }

    SortedMap<String, byte[]> fromJar;
    try (var loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      fromJar = AuthorizerSources.load(loader);
    }

    assertThat(fromJar.keySet()).containsExactlyElementsOf(fromDirectory.keySet());
    assertThat(EdgeBundle.of(fromJar, CONFIG).zip()).isEqualTo(EdgeBundle.of(fromDirectory, CONFIG).zip());
  }

  private static void put(JarOutputStream out, String name, byte[] data) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(data);
    out.closeEntry();
  }
}
