package io.protectedfiles.operator.aws.s3;

/** A bucket's policy document as S3 holds it. */
public record ObservedBucketPolicy(String bucket, String document) {}
