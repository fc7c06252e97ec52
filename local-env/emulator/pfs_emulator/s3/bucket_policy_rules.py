"""PutBucketPolicy as S3 does it: JSON check, OAI principals, and BlockPublicPolicy.

- A body that is not a JSON object is MalformedPolicy (400):
  https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html
- OAI principals are stored in ARN form; unknown ones are refused (oai_principals.py).
- "BlockPublicPolicy: Setting this element to TRUE causes Amazon S3 to reject calls to PUT Bucket
  policy if the specified bucket policy allows public access" - with 403 AccessDenied.
  https://docs.aws.amazon.com/AmazonS3/latest/API/API_PublicAccessBlockConfiguration.html
  https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
  (what "public" means: public_policy.py)
"""

from __future__ import annotations

import json
from typing import Any

from moto.cloudfront.models import cloudfront_backends
from moto.s3.exceptions import S3ClientError
from moto.s3.models import S3Backend

from ..moto_patching import around
from .oai_principals import InvalidPrincipal, with_oai_arns
from .public_policy import is_public_policy


class MalformedPolicy(S3ClientError):
    def __init__(self, message: str) -> None:
        super().__init__("MalformedPolicy", message)


class PublicPolicyBlocked(S3ClientError):
    def __init__(self, account_id: str, bucket_name: str) -> None:
        super().__init__(
            "AccessDenied",
            f"User: arn:aws:iam::{account_id}:root is not authorized to perform: s3:PutBucketPolicy on resource: "
            f'"arn:aws:s3:::{bucket_name}" because public policies are blocked by the BlockPublicPolicy block '
            "public access setting.",
        )


def install() -> None:
    @around(S3Backend, "put_bucket_policy")
    def put_bucket_policy(original: Any, self: S3Backend, bucket_name: str, policy: bytes) -> None:
        bucket = self.get_bucket(bucket_name)
        document = _parse(policy)
        try:
            stored = with_oai_arns(document, _oai_ids_by_canonical_user(self.account_id, bucket.partition))
        except InvalidPrincipal:
            raise MalformedPolicy("Invalid principal in policy") from None
        access_block = bucket.public_access_block
        if access_block is not None and access_block.block_public_policy and is_public_policy(stored):
            raise PublicPolicyBlocked(self.account_id, bucket_name)
        original(self, bucket_name, policy if stored == document else json.dumps(stored).encode())


def _parse(policy: bytes | str) -> dict[str, Any]:
    try:
        document = json.loads(policy)
    except (UnicodeDecodeError, ValueError):
        document = None
    if not isinstance(document, dict):
        raise MalformedPolicy("Policies must be valid JSON and the first byte must be '{'")
    return document


def _oai_ids_by_canonical_user(account_id: str, partition: str) -> dict[str, str]:
    identities = cloudfront_backends[account_id][partition].origin_access_identities.values()
    return {identity.s3_canonical_user_id: identity.id for identity in identities}
