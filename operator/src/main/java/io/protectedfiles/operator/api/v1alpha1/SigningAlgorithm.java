package io.protectedfiles.operator.api.v1alpha1;

/** Algorithms the operator can generate key pairs for. */
public enum SigningAlgorithm {
  ES256,
  RS256,
  EdDSA
}
