package io.protectedfiles.operator.api.v1alpha1;

/** CloudFront price classes: which edge locations serve the files. */
public enum PriceClass {
  PriceClass_100,
  PriceClass_200,
  PriceClass_All
}
