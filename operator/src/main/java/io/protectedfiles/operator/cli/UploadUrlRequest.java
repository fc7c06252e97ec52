package io.protectedfiles.operator.cli;

import io.protectedfiles.client.UploadConditions;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * What the upload-url command was asked for, checked before anything is read from the cluster.
 *
 * @param namespace null for the kubeconfig context's namespace
 * @param key the exact key, or with {@code keyIsPrefix} the prefix any uploaded key starts with
 * @param maxBytes null for no limit beyond S3's
 */
record UploadUrlRequest(
    String namespace,
    String store,
    String key,
    boolean keyIsPrefix,
    Method method,
    Duration ttl,
    String contentType,
    Long maxBytes,
    boolean pathStyle,
    boolean help) {

  enum Method { PUT, POST }

  static final String USAGE = """
      usage: upload-url [--namespace NAMESPACE] --store NAME (--key KEY | --key-prefix PREFIX/) [--method PUT|POST]
                        [--ttl 15m] [--content-type TYPE] [--max-bytes N] [--path-style]
        Prints a presigned upload into the store's bucket: for PUT the URL (send the file as the body),
        for POST the URL and form fields as JSON (the file goes last, as field "file").
        --key-prefix and --max-bytes need POST: a presigned PUT names one key and cannot limit the size.
        The file is then served at /KEY through the store's distribution.
        AWS credentials, region and endpoint come from the AWS SDK's usual environment
        (AWS_ENDPOINT_URL for an emulator, with --path-style or PFS_S3_PATH_STYLE=true).""";

  private static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
  private static final Duration MAX_TTL = Duration.ofDays(7);

  static UploadUrlRequest parse(String[] args, boolean pathStyleByDefault) throws UsageError {
    Arguments arguments = Arguments.parse(args,
        Set.of("namespace", "store", "key", "key-prefix", "method", "ttl", "content-type", "max-bytes"),
        Set.of("path-style", "help"));
    if (arguments.flag("help")) {
      return new UploadUrlRequest(null, null, null, false, Method.PUT, DEFAULT_TTL, null, null, false, true);
    }
    String store = arguments.required("store");
    Method method = method(arguments.optional("method").orElse("PUT"));
    var key = arguments.optional("key");
    var keyPrefix = arguments.optional("key-prefix");
    if (key.isPresent() == keyPrefix.isPresent()) {
      throw new UsageError("give one of --key (one object) and --key-prefix (any object under it, POST only)");
    }
    if (keyPrefix.isPresent() && method != Method.POST) {
      throw new UsageError("--key-prefix needs --method POST: a presigned PUT names exactly one key");
    }
    String keyText = key.or(() -> keyPrefix).orElseThrow();
    try {
      UploadConditions.exactKey(keyText);
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    }
    Long maxBytes = maxBytes(arguments.optional("max-bytes").orElse(null), method);
    Duration ttl = arguments.optional("ttl").isPresent()
        ? Durations.parsePositive(arguments.required("ttl"), "ttl")
        : DEFAULT_TTL;
    if (ttl.compareTo(MAX_TTL) > 0) {
      throw new UsageError("--ttl must be at most 7d: presigned requests are valid for seven days at most");
    }
    return new UploadUrlRequest(arguments.optional("namespace").orElse(null), store, keyText, keyPrefix.isPresent(),
        method, ttl, arguments.optional("content-type").orElse(null), maxBytes,
        pathStyleByDefault || arguments.flag("path-style"), false);
  }

  private static Method method(String text) throws UsageError {
    try {
      return Method.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageError("--method must be PUT or POST, was " + text);
    }
  }

  private static Long maxBytes(String text, Method method) throws UsageError {
    if (text == null) {
      return null;
    }
    if (method != Method.POST) {
      throw new UsageError("--max-bytes needs --method POST: S3 enforces a size range only in a POST policy");
    }
    long value;
    try {
      value = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new UsageError("--max-bytes must be a whole number of bytes, was " + text);
    }
    if (value < 1 || value > UploadConditions.MAX_SINGLE_UPLOAD_BYTES) {
      throw new UsageError("--max-bytes must be from 1 to " + UploadConditions.MAX_SINGLE_UPLOAD_BYTES + " (5 GiB), was " + text);
    }
    return value;
  }
}
