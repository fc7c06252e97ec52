"""Origin access identities as principals of a bucket policy.

A policy can name an OAI by its ARN, {"AWS": "arn:aws:iam::cloudfront:user/CloudFront Origin Access
Identity ID"}, or by its S3 canonical user ID, {"CanonicalUser": "..."}; S3 stores (and returns) the
canonical form as the ARN form, and refuses an identity that does not exist with MalformedPolicy
"Invalid principal in policy".
https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html#private-content-restricting-access-to-s3-oai
https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList (MalformedPolicy)
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

OAI_ARN_PREFIX = "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity "


class InvalidPrincipal(ValueError):
    pass


def oai_arn(identity_id: str) -> str:
    return OAI_ARN_PREFIX + identity_id


def with_oai_arns(document: dict[str, Any], identity_ids_by_canonical_user: Mapping[str, str]) -> dict[str, Any]:
    """The policy as S3 stores it: OAI canonical users turned into OAI ARNs; unknown OAIs refused."""
    known_ids = set(identity_ids_by_canonical_user.values())
    result = copy.deepcopy(document)
    statements = result.get("Statement", [])
    for statement in [statements] if isinstance(statements, dict) else statements:
        if not isinstance(statement, dict) or not isinstance(statement.get("Principal"), dict):
            continue
        principal = statement["Principal"]
        aws = _as_list(principal.get("AWS"))
        for arn in aws:
            if isinstance(arn, str) and arn.startswith(OAI_ARN_PREFIX) and arn[len(OAI_ARN_PREFIX):] not in known_ids:
                raise InvalidPrincipal(arn)
        canonical_users = _as_list(principal.pop("CanonicalUser", None))
        for canonical_user in canonical_users:
            identity_id = identity_ids_by_canonical_user.get(canonical_user)
            if identity_id is None:
                raise InvalidPrincipal(canonical_user)
            aws.append(oai_arn(identity_id))
        if canonical_users:
            principal["AWS"] = aws[0] if len(aws) == 1 else aws
    return result


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]
