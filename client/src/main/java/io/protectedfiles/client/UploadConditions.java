package io.protectedfiles.client;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a presigned POST lets a browser upload: one exact key or any key under a prefix, optionally
 * a content type (exact or by prefix, such as {@code image/}) and a size range. S3 refuses an
 * upload that breaks any of them.
 */
public final class UploadConditions {

  /** S3's limit for a single PUT or POST upload: 5 GiB. */
  public static final long MAX_SINGLE_UPLOAD_BYTES = 5L * 1024 * 1024 * 1024;
  private static final int MAX_KEY_BYTES = 1024;

  final String key;
  final boolean keyIsPrefix;
  final String contentType;
  final boolean contentTypeIsPrefix;
  final long minBytes;
  final long maxBytes;

  private UploadConditions(
      String key, boolean keyIsPrefix, String contentType, boolean contentTypeIsPrefix, long minBytes, long maxBytes) {
    this.key = key;
    this.keyIsPrefix = keyIsPrefix;
    this.contentType = contentType;
    this.contentTypeIsPrefix = contentTypeIsPrefix;
    this.minBytes = minBytes;
    this.maxBytes = maxBytes;
  }

  /** Exactly this key. */
  public static UploadConditions exactKey(String key) {
    return new UploadConditions(requireKey(key, "key"), false, null, false, 0, MAX_SINGLE_UPLOAD_BYTES);
  }

  /** Any key that starts with this prefix; the form's key is the prefix plus the file's name. */
  public static UploadConditions keyPrefix(String prefix) {
    return new UploadConditions(requireKey(prefix, "key prefix"), true, null, false, 0, MAX_SINGLE_UPLOAD_BYTES);
  }

  /** Exactly this Content-Type, which the form then carries. */
  public UploadConditions contentType(String exact) {
    return new UploadConditions(key, keyIsPrefix, requireText(exact, "content type"), false, minBytes, maxBytes);
  }

  /** Any Content-Type starting with this, such as {@code image/}; the browser's form sets it. */
  public UploadConditions contentTypePrefix(String prefix) {
    return new UploadConditions(key, keyIsPrefix, requireText(prefix, "content type prefix"), true, minBytes, maxBytes);
  }

  /** Files of {@code minBytes} to {@code maxBytes} bytes, both included. */
  public UploadConditions sizeRange(long minBytes, long maxBytes) {
    if (minBytes < 0 || maxBytes < minBytes || maxBytes > MAX_SINGLE_UPLOAD_BYTES) {
      throw new IllegalArgumentException("the size range must satisfy 0 <= min <= max <= " + MAX_SINGLE_UPLOAD_BYTES
          + " (5 GiB, S3's limit for one upload), was " + minBytes + ".." + maxBytes);
    }
    return new UploadConditions(key, keyIsPrefix, contentType, contentTypeIsPrefix, minBytes, maxBytes);
  }

  /** Files of at most {@code maxBytes} bytes. */
  public UploadConditions maxBytes(long maxBytes) {
    return sizeRange(0, maxBytes);
  }

  /**
   * Keys are served at {@code /<key>} through the edge, whose authorizer refuses an empty path
   * segment: a key starting with "/" could be uploaded but never downloaded.
   */
  static String requireKey(String key, String what) {
    Objects.requireNonNull(key, what);
    if (key.isEmpty() || key.startsWith("/")) {
      throw new IllegalArgumentException(what + " \"" + key + "\" must be non-empty and must not start with /"
          + " (it is served at /<key>)");
    }
    if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      throw new IllegalArgumentException(what + " is longer than S3's " + MAX_KEY_BYTES + " bytes");
    }
    return key;
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return value;
  }
}
