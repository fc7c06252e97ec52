package io.protectedfiles.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Signature Version 4 signature of a POST policy: the base64 policy is the string to sign, and
 * the key is derived from the secret key, the date, the region and the service
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-authentication-HTTPPOST.html).
 */
final class PostPolicySignature {

  private PostPolicySignature() {}

  /**
   * @param date the credential scope's date, yyyyMMdd (UTC)
   * @return the lower-case hex signature
   */
  static String sign(String secretAccessKey, String date, String region, String service, String base64Policy) {
    byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, region);
    key = hmac(key, service);
    key = hmac(key, "aws4_request");
    return HexFormat.of().formatHex(hmac(key, base64Policy));
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the Java runtime lacks HmacSHA256", e);
    }
  }
}
