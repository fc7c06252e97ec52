package io.protectedfiles.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * AWS's worked example of a browser-based POST upload, "Example: Browser-Based Upload using HTTP POST
 * (Using AWS Signature Version 4)", https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-post-example.html,
 * which publishes the policy's exact base64 form, example credentials and the resulting signature
 * as a test for signature code.
 */
class PostPolicySignatureTest {

  static final String EXAMPLE_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final String EXAMPLE_BASE64_POLICY =
      "eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6ICJzaWd2NGV4YW1wbGVidWNrZXQifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRrZXkiLCAidXNlci91c2VyMS8iXSwNCiAgICB7ImFjbCI6ICJwdWJsaWMtcmVhZCJ9LA0KICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJlY3QiOiAiaHR0cDovL3NpZ3Y0ZXhhbXBsZWJ1Y2tldC5zMy5hbWF6b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBsb2FkLmh0bWwifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRDb250ZW50LVR5cGUiLCAiaW1hZ2UvIl0sDQogICAgeyJ4LWFtei1tZXRhLXV1aWQiOiAiMTQzNjUxMjM2NTEyNzQifSwNCiAgICB7IngtYW16LXNlcnZlci1zaWRlLWVuY3J5cHRpb24iOiAiQUVTMjU2In0sDQogICAgWyJzdGFydHMtd2l0aCIsICIkeC1hbXotbWV0YS10YWciLCAiIl0sDQoNCiAgICB7IngtYW16LWNyZWRlbnRpYWwiOiAiQUtJQUlPU0ZPRE5ON0VYQU1QTEUvMjAxNTEyMjkvdXMtZWFzdC0xL3MzL2F3czRfcmVxdWVzdCJ9LA0KICAgIHsieC1hbXotYWxnb3JpdGhtIjogIkFXUzQtSE1BQy1TSEEyNTYifSwNCiAgICB7IngtYW16LWRhdGUiOiAiMjAxNTEyMjlUMDAwMDAwWiIgfQ0KICBdDQp9";
  static final String EXAMPLE_SIGNATURE = "8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e";

  @Test
  void signsAwsDocumentedExample() {
    assertThat(PostPolicySignature.sign(EXAMPLE_SECRET_ACCESS_KEY, "20151229", "us-east-1", "s3", EXAMPLE_BASE64_POLICY))
        .isEqualTo(EXAMPLE_SIGNATURE);
  }

  @Test
  void anotherDateRegionOrPolicyGivesAnotherSignature() {
    assertThat(PostPolicySignature.sign(EXAMPLE_SECRET_ACCESS_KEY, "20151230", "us-east-1", "s3", EXAMPLE_BASE64_POLICY))
        .isNotEqualTo(EXAMPLE_SIGNATURE);
    assertThat(PostPolicySignature.sign(EXAMPLE_SECRET_ACCESS_KEY, "20151229", "us-west-2", "s3", EXAMPLE_BASE64_POLICY))
        .isNotEqualTo(EXAMPLE_SIGNATURE);
    assertThat(PostPolicySignature.sign(EXAMPLE_SECRET_ACCESS_KEY, "20151229", "us-east-1", "s3", EXAMPLE_BASE64_POLICY + "Cg"))
        .isNotEqualTo(EXAMPLE_SIGNATURE);
  }
}
