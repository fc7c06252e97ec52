package io.protectedfiles.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A POST policy and the form fields that satisfy it
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html). Every form
 * field except the file must be named by a condition, the signing fields included.
 */
final class PostPolicy {

  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private PostPolicy() {}

  /** The form fields, in the order a form should send them (the file goes after all of them). */
  static Map<String, String> formFields(
      String bucket, UploadConditions upload, AwsCredentials credentials, String region, Instant now, Instant expiration) {
    String amzDate = AMZ_DATE.format(now);
    String credential = credentials.accessKeyId() + "/" + amzDate.substring(0, 8) + "/" + region + "/s3/aws4_request";

    Map<String, String> fields = new LinkedHashMap<>();
    List<Object> conditions = new ArrayList<>();
    conditions.add(Map.of("bucket", bucket));
    if (upload.keyIsPrefix) {
      fields.put("key", upload.key + "${filename}");
      conditions.add(List.of("starts-with", "$key", upload.key));
    } else {
      fields.put("key", upload.key);
      conditions.add(Map.of("key", upload.key));
    }
    if (upload.contentType != null && upload.contentTypeIsPrefix) {
      conditions.add(List.of("starts-with", "$Content-Type", upload.contentType));
    } else if (upload.contentType != null) {
      fields.put("Content-Type", upload.contentType);
      conditions.add(Map.of("Content-Type", upload.contentType));
    }
    conditions.add(List.of("content-length-range", upload.minBytes, upload.maxBytes));
    addSigned(fields, conditions, "x-amz-algorithm", ALGORITHM);
    addSigned(fields, conditions, "x-amz-credential", credential);
    addSigned(fields, conditions, "x-amz-date", amzDate);
    if (credentials instanceof AwsSessionCredentials session) {
      addSigned(fields, conditions, "x-amz-security-token", session.sessionToken());
    }

    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("expiration", EXPIRATION.format(expiration));
    policy.put("conditions", conditions);
    String base64Policy = Base64.getEncoder().encodeToString(json(policy));
    fields.put("policy", base64Policy);
    fields.put("x-amz-signature",
        PostPolicySignature.sign(credentials.secretAccessKey(), amzDate.substring(0, 8), region, "s3", base64Policy));
    return fields;
  }

  private static void addSigned(Map<String, String> fields, List<Object> conditions, String name, String value) {
    fields.put(name, value);
    conditions.add(Map.of(name, value));
  }

  private static byte[] json(Object value) {
    try {
      return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a POST policy of strings and numbers is always JSON", e);
    }
  }
}
