"""The Lambda@Edge functions a distribution's cache behaviours are associated with.

https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_LambdaFunctionAssociation.html
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from moto.cloudfront.models import CloudFrontBackend, Distribution

# What a principal needs besides cloudfront:CreateDistribution/UpdateDistribution to add or remove an
# association: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-edge-permissions.html#lambda-edge-permissions-required
ASSOCIATION_ACTIONS = (
    "lambda:GetFunction",
    "lambda:EnableReplication*",
    "lambda:DisableReplication*",
    "iam:CreateServiceLinkedRole",
)


def function_arns_in_config(config: Mapping[str, Any]) -> list[str]:
    """The LambdaFunctionARNs of a distribution config as sent, in order."""
    behaviours = [config.get("DefaultCacheBehavior") or {}]
    behaviours += (config.get("CacheBehaviors") or {}).get("Items") or []
    return [
        association.get("LambdaFunctionARN") or ""
        for behaviour in behaviours
        for association in (behaviour.get("LambdaFunctionAssociations") or {}).get("Items") or []
    ]


def function_arns_of(distribution: Distribution) -> set[str]:
    return {
        association.get("LambdaFunctionARN") or ""
        for behaviour in _behaviours(distribution)
        for association in behaviour.lambda_function_associations.get("Items") or []
    }


def function_arns_in_use(backend: CloudFrontBackend) -> set[str]:
    return {arn for dist in backend.distributions.values() for arn in function_arns_of(dist)}


def _behaviours(distribution: Distribution) -> Iterator[Any]:
    config = distribution.distribution_config
    yield config.DefaultCacheBehavior
    yield from config.CacheBehaviors.get("Items") or []
