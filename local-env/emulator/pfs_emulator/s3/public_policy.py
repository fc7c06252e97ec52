"""Whether S3 considers a bucket policy public, for BlockPublicPolicy.

"Amazon S3 considers a bucket policy public unless at least one of the following conditions is true:
the policy limits access to a set of CIDRs using aws:SourceIp [or] grants permissions [...] to a fixed
AWS principal, user, role, or service principal, a fixed aws:SourceArn, aws:SourceVpc, aws:SourceVpce,
aws:SourceOwner, aws:SourceAccount, s3:x-amz-server-side-encryption-aws-kms-key-id, or aws:userid
outside the pattern AROLEID:*". Fixed means without wildcards or policy variables.
https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
Simplification: each Allow statement is judged on its own, and the "bad actions" refinement is not
applied (a wildcard principal is public whatever the actions).
"""

from __future__ import annotations

import ipaddress
from typing import Any

_RESTRICTING_KEYS = frozenset(
    {
        "aws:sourcearn",
        "aws:sourcevpc",
        "aws:sourcevpce",
        "aws:sourceowner",
        "aws:sourceaccount",
        "s3:x-amz-server-side-encryption-aws-kms-key-id",
        "aws:userid",
        "aws:sourceip",
    }
)


def is_public_policy(document: dict[str, Any]) -> bool:
    statements = document.get("Statement", [])
    if isinstance(statements, dict):
        statements = [statements]
    return any(_is_public_statement(statement) for statement in statements if isinstance(statement, dict))


def _is_public_statement(statement: dict[str, Any]) -> bool:
    if statement.get("Effect") != "Allow":
        return False
    if "NotPrincipal" in statement:
        return True  # allows everyone except the named principals
    return _names_everyone(statement.get("Principal")) and not _restricted_by_condition(statement.get("Condition"))


def _names_everyone(principal: Any) -> bool:
    if principal == "*":
        return True
    if isinstance(principal, dict):
        values = principal.get("AWS", [])
        return any(value == "*" for value in (values if isinstance(values, list) else [values]))
    return False


def _restricted_by_condition(condition: Any) -> bool:
    if not isinstance(condition, dict):
        return False
    for operator, tests in condition.items():
        # Negated operators (StringNotEquals, NotIpAddress, ...) widen rather than restrict.
        if not isinstance(tests, dict) or "Not" in operator:
            continue
        for key, values in tests.items():
            if key.lower() in _RESTRICTING_KEYS and _all_fixed(key.lower(), values):
                return True
    return False


def _all_fixed(key: str, values: Any) -> bool:
    values = values if isinstance(values, list) else [values]
    if not values:
        return False
    for value in values:
        text = str(value)
        if any(wildcard in text for wildcard in ("*", "?", "${")):
            return False
        if key == "aws:sourceip" and not _is_narrow_cidr(text):
            return False
        if key == "aws:userid" and text.startswith("AROLEID:"):
            return False
    return True


def _is_narrow_cidr(text: str) -> bool:
    try:
        return ipaddress.ip_network(text, strict=False).prefixlen > 0
    except ValueError:
        return False
