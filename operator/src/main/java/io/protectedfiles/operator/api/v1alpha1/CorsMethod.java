package io.protectedfiles.operator.api.v1alpha1;

/** The methods S3 CORS rules accept. */
public enum CorsMethod {
  GET,
  PUT,
  POST,
  HEAD,
  DELETE
}
