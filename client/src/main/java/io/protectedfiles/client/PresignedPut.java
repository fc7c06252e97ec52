package io.protectedfiles.client;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A presigned S3 PUT: send the file as the body of {@code PUT url} with exactly these headers
 * (they are part of the signature), before {@code expiration}.
 */
public record PresignedPut(URI url, Map<String, String> headers, Instant expiration) {

  public PresignedPut {
    // In the order given, so that what is printed reads the same every time.
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }
}
