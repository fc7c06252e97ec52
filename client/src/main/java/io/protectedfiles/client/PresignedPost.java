package io.protectedfiles.client;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A presigned S3 POST (browser-based upload): a {@code multipart/form-data} POST to {@code url}
 * with these form fields first and the file last, in a field named {@code file}, before
 * {@code expiration}. The policy among the fields holds the conditions S3 enforces.
 */
public record PresignedPost(URI url, Map<String, String> fields, Instant expiration) {

  public PresignedPost {
    // In the order given, so that what is printed reads the same every time.
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
