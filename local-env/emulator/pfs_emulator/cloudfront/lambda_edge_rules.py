"""The checks CloudFront makes on a Lambda@Edge function when a distribution is created or updated.

Restrictions on Lambda@Edge:
https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-at-edge-function-restrictions.html
- "You must use a numbered version of the Lambda function, not $LATEST or aliases." (#lambda-at-edge-restrictions-version)
- "The Lambda function must be in the US East (N. Virginia) Region." (#lambda-at-edge-restrictions-region)
- "The IAM execution role [...] must allow the service principals lambda.amazonaws.com and
  edgelambda.amazonaws.com to assume the role." (#lambda-at-edge-restrictions-role-permissions)
- environment variables and layers are Lambda features Lambda@Edge does not support
  (#lambda-at-edge-restrictions-features)
A violation is refused with InvalidLambdaFunctionAssociation (400)
(https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateDistribution.html#API_CreateDistribution_Errors);
the messages are the ones CloudFront sends.
"""

from __future__ import annotations

import json
import re
from typing import Any

from moto.awslambda.exceptions import UnknownFunctionException
from moto.awslambda.models import LambdaFunction, lambda_backends
from moto.iam.models import iam_backends
from moto.utilities.utils import get_partition

from .errors import InvalidLambdaFunctionAssociation

EDGE_REGION = "us-east-1"
EDGE_SERVICE_PRINCIPALS = frozenset({"lambda.amazonaws.com", "edgelambda.amazonaws.com"})
_FUNCTION_ARN = re.compile(
    r"^arn:aws[a-z-]*:lambda:(?P<region>[a-z0-9-]+):(?P<account>\d{12}):function:(?P<name>[A-Za-z0-9_-]+)"
    r"(?::(?P<qualifier>[^:]+))?$"
)
_ASSUME_ROLE_ACTIONS = frozenset({"sts:assumerole", "sts:*", "*"})


def check_edge_function(account_id: str, arn: str) -> None:
    """Raises InvalidLambdaFunctionAssociation unless `arn` names a function version CloudFront accepts."""
    match = _FUNCTION_ARN.match(arn)
    if match is None or not (match["qualifier"] or "").isdigit():
        raise InvalidLambdaFunctionAssociation(
            "The function ARN must reference a specific function version. "
            f"(The ARN must end with the version number.) ARN: {arn}"
        )
    if match["region"] != EDGE_REGION:
        raise InvalidLambdaFunctionAssociation(f"The function must be in region '{EDGE_REGION}'. ARN: {arn}")
    function = _function_version(account_id, match["account"], match["name"], match["qualifier"])
    if function is None:
        raise InvalidLambdaFunctionAssociation(
            "Lambda@Edge cannot retrieve the specified Lambda function. Update the IAM policy to add "
            f"permission: lambda:GetFunction for resource: {arn} and try again."
        )
    if function.environment_vars:
        raise InvalidLambdaFunctionAssociation(f"The function cannot have environment variables. Function: {arn}")
    if function.layers:
        raise InvalidLambdaFunctionAssociation(f"The function cannot have a layer. Function: {arn}")
    if not EDGE_SERVICE_PRINCIPALS <= _services_trusted_by(account_id, function.role):
        raise InvalidLambdaFunctionAssociation(
            "The function execution role must be assumable with edgelambda.amazonaws.com as well as "
            f"lambda.amazonaws.com principals. Update the IAM role and try again. Role: {function.role}"
        )


def _function_version(account_id: str, arn_account: str, name: str, version: str) -> LambdaFunction | None:
    if arn_account != account_id:
        return None  # another account's function: CloudFront cannot read it without a grant
    try:
        function = lambda_backends[account_id][EDGE_REGION].get_function(name, version)
    except UnknownFunctionException:
        return None
    return function if str(function.version) == version else None


def _services_trusted_by(account_id: str, role_arn: str) -> set[str]:
    """The service principals the role's trust policy lets assume it (Allow statements only)."""
    iam = iam_backends[account_id][get_partition(EDGE_REGION)]
    role = next((role for role in iam.get_roles() if role.arn == role_arn), None)
    if role is None:
        return set()
    try:
        document = json.loads(role.assume_role_policy_document)
    except (TypeError, ValueError):
        return set()
    statements = document.get("Statement", []) if isinstance(document, dict) else []
    if isinstance(statements, dict):
        statements = [statements]
    trusted: set[str] = set()
    for statement in statements:
        if not isinstance(statement, dict) or statement.get("Effect") != "Allow":
            continue
        if not _as_set(statement.get("Action")) & _ASSUME_ROLE_ACTIONS:
            continue
        principal = statement.get("Principal")
        if isinstance(principal, dict):
            trusted |= _as_set(principal.get("Service"))
    return trusted


def _as_set(value: Any) -> set[str]:
    values = value if isinstance(value, list) else [value]
    return {item.lower() for item in values if isinstance(item, str)}
