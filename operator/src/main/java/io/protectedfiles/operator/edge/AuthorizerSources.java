package io.protectedfiles.operator.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The edge authorizer's code as the build put it on the classpath (the operator's pom copies
 * authorizer/edge, the single file built from authorizer/src, to the resource folder
 * {@code authorizer/}): every file of that folder, read from a directory when the operator runs
 * from its build output, from the jar otherwise. A classpath
 * folder cannot be listed through the ClassLoader, so the folder is found through its index.js.
 */
public final class AuthorizerSources {

  static final String FOLDER = "authorizer/";
  static final String ENTRY_POINT = "index.js";

  private AuthorizerSources() {}

  /** File names relative to the folder ("/"-separated), sorted, to their bytes. */
  public static SortedMap<String, byte[]> load() {
    return load(AuthorizerSources.class.getClassLoader());
  }

  static SortedMap<String, byte[]> load(ClassLoader loader) {
    URL entryPoint = loader.getResource(FOLDER + ENTRY_POINT);
    if (entryPoint == null) {
      throw new IllegalStateException("the edge authorizer's code (" + FOLDER + ENTRY_POINT + ") is not on the classpath");
    }
    try {
      SortedMap<String, byte[]> files = switch (entryPoint.getProtocol()) {
        case "file" -> fromDirectory(Path.of(entryPoint.toURI()).getParent());
        case "jar" -> fromJar((JarURLConnection) entryPoint.openConnection());
        default -> throw new IllegalStateException("cannot list the edge authorizer's code at " + entryPoint);
      };
      return Collections.unmodifiableSortedMap(files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SortedMap<String, byte[]> fromDirectory(Path folder) throws IOException {
    SortedMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
        files.put(folder.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/"), Files.readAllBytes(path));
      }
    }
    return files;
  }

  private static SortedMap<String, byte[]> fromJar(JarURLConnection connection) throws IOException {
    // Uncached, so the JarFile is this method's own to close.
    connection.setUseCaches(false);
    SortedMap<String, byte[]> files = new TreeMap<>();
    try (JarFile jar = connection.getJarFile()) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().startsWith(FOLDER) && !entry.isDirectory()) {
          try (InputStream in = jar.getInputStream(entry)) {
            files.put(entry.getName().substring(FOLDER.length()), in.readAllBytes());
          }
        }
      }
    }
    return files;
  }
}
