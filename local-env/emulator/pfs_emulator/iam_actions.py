"""The IAM action an API operation needs.

For most operations the action has the operation's name. The exceptions below are the ones listed in
the Service Authorization Reference for the services the operator uses:
- S3: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
  and https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html ("you must have s3:ListBucket"),
  https://docs.aws.amazon.com/AmazonS3/latest/API/RESTObjectPOST.html (a POST upload needs s3:PutObject)
- CloudFront: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudfront.html
  (CreateDistributionWithTags is authorised as CreateDistribution plus TagResource)
- Lambda: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html
  (CreateFunction needs iam:PassRole for the execution role)
"""

from __future__ import annotations

_S3_ACTIONS = {
    "HeadBucket": "ListBucket",
    "ListObjects": "ListBucket",
    "ListObjectsV2": "ListBucket",
    "ListObjectVersions": "ListBucketVersions",
    "ListBuckets": "ListAllMyBuckets",
    "HeadObject": "GetObject",
    "PostObject": "PutObject",  # browser upload with a presigned POST form
    "CopyObject": "PutObject",
    "CreateMultipartUpload": "PutObject",
    "UploadPart": "PutObject",
    "CompleteMultipartUpload": "PutObject",
    "ListMultipartUploads": "ListBucketMultipartUploads",
    "ListParts": "ListMultipartUploadParts",
    "DeleteObjects": "DeleteObject",
    "GetBucketCors": "GetBucketCORS",
    "PutBucketCors": "PutBucketCORS",
    "DeleteBucketCors": "PutBucketCORS",
    "GetPublicAccessBlock": "GetBucketPublicAccessBlock",
    "PutPublicAccessBlock": "PutBucketPublicAccessBlock",
    "DeletePublicAccessBlock": "PutBucketPublicAccessBlock",
    "DeleteBucketOwnershipControls": "PutBucketOwnershipControls",
    "DeleteBucketTagging": "PutBucketTagging",
    "GetBucketEncryption": "GetEncryptionConfiguration",
    "PutBucketEncryption": "PutEncryptionConfiguration",
    "DeleteBucketEncryption": "PutEncryptionConfiguration",
    "GetBucketLifecycleConfiguration": "GetLifecycleConfiguration",
    "PutBucketLifecycleConfiguration": "PutLifecycleConfiguration",
    "DeleteBucketLifecycle": "PutLifecycleConfiguration",
}
_CLOUDFRONT_ACTIONS = {
    "CreateDistributionWithTags": "CreateDistribution",
}
_ACTIONS = {"s3": _S3_ACTIONS, "cloudfront": _CLOUDFRONT_ACTIONS}

_DEPENDENT_ACTIONS = {
    ("cloudfront", "CreateDistributionWithTags"): ["cloudfront:TagResource"],
    ("lambda", "CreateFunction"): ["iam:PassRole"],
}

# Operations that only read, by the naming convention every AWS API follows.
_READ_PREFIXES = ("Get", "List", "Head", "Describe")


def iam_action(service: str, operation: str | None) -> str | None:
    if operation is None:
        return None
    return f"{service}:{_ACTIONS.get(service, {}).get(operation, operation)}"


def dependent_actions(service: str, operation: str | None) -> list[str]:
    return list(_DEPENDENT_ACTIONS.get((service, operation), []))


def is_mutating(operation: str | None) -> bool:
    # An unrecognised request is counted as mutating: a test asserting "nothing changed" should not
    # pass because the emulator could not tell what a call was.
    return operation is None or not operation.startswith(_READ_PREFIXES)
