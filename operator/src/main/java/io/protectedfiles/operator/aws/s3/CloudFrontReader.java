package io.protectedfiles.operator.aws.s3;

/**
 * Who may read a store's bucket: its origin access identity, or (with origin access control) the
 * CloudFront service acting for its distribution.
 */
public sealed interface CloudFrontReader {

  /** The Sid of the operator's statement, so that deletion removes just that one. */
  String STATEMENT_ID = "ProtectedFileStoreCloudFrontRead";

  /** The statement that lets exactly this reader get objects. */
  String statementJson(String bucket);

  record OriginAccessIdentity(String id) implements CloudFrontReader {
    @Override
    public String statementJson(String bucket) {
      // S3 stores an OAI principal in this ARN form whatever form it was written in, so writing
      // it so keeps what is read back comparable.
      return """
          {"Sid":"ProtectedFileStoreCloudFrontRead","Effect":"Allow",\
          "Principal":{"AWS":"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity %s"},\
          "Action":"s3:GetObject","Resource":"arn:aws:s3:::%s/*"}""".formatted(id, bucket);
    }
  }

  record Distribution(String arn) implements CloudFrontReader {
    @Override
    public String statementJson(String bucket) {
      return """
          {"Sid":"ProtectedFileStoreCloudFrontRead","Effect":"Allow",\
          "Principal":{"Service":"cloudfront.amazonaws.com"},\
          "Action":"s3:GetObject","Resource":"arn:aws:s3:::%s/*",\
          "Condition":{"StringEquals":{"AWS:SourceArn":"%s"}}}""".formatted(bucket, arn);
    }
  }
}
