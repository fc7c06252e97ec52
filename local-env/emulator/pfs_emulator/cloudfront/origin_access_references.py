"""How distributions refer to origin access identities (OAI) and controls (OAC), and the rules on it.

- An S3 origin names its OAI as S3OriginConfig.OriginAccessIdentity = "origin-access-identity/cloudfront/ID"
  (empty when there is none), its OAC as OriginAccessControlId.
  https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_S3OriginConfig.html
  https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Origin.html
- A distribution naming an OAI or OAC that does not exist is refused (InvalidOriginAccessIdentity,
  InvalidOriginAccessControl), and so is an origin naming both (IllegalOriginAccessConfiguration):
  https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateDistribution.html#API_CreateDistribution_Errors
- An OAI or OAC used by a distribution cannot be deleted (CloudFrontOriginAccessIdentityInUse,
  OriginAccessControlInUse, 409):
  https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DeleteCloudFrontOriginAccessIdentity.html
  https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DeleteOriginAccessControl.html
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from moto.cloudfront.models import CloudFrontBackend, Distribution

from .errors import IllegalOriginAccessConfiguration, InvalidOriginAccessControl, InvalidOriginAccessIdentity

OAI_REFERENCE_PREFIX = "origin-access-identity/cloudfront/"


def oai_reference(identity_id: str) -> str:
    return OAI_REFERENCE_PREFIX + identity_id


def check_origin_access_references(backend: CloudFrontBackend, config: Mapping[str, Any]) -> None:
    """Refuses a distribution config (as sent) whose origins name a missing OAI/OAC, or both."""
    for origin in _items(config.get("Origins")):
        identity = ((origin.get("S3OriginConfig") or {}).get("OriginAccessIdentity")) or ""
        control_id = origin.get("OriginAccessControlId") or ""
        if identity and control_id:
            raise IllegalOriginAccessConfiguration()
        if identity:
            identity_id = identity[len(OAI_REFERENCE_PREFIX):] if identity.startswith(OAI_REFERENCE_PREFIX) else None
            if identity_id is None or identity_id not in backend.origin_access_identities:
                raise InvalidOriginAccessIdentity(identity)
        if control_id and control_id not in backend.origin_access_controls:
            raise InvalidOriginAccessControl(control_id)


def distributions_using_identity(backend: CloudFrontBackend, identity_id: str) -> list[Distribution]:
    reference = oai_reference(identity_id)
    return [
        dist
        for dist in backend.distributions.values()
        if any((origin.s3_origin_config or {}).get("OriginAccessIdentity") == reference for origin in _origins(dist))
    ]


def distributions_using_control(backend: CloudFrontBackend, control_id: str) -> list[Distribution]:
    return [
        dist
        for dist in backend.distributions.values()
        if any(origin.origin_access_control_id == control_id for origin in _origins(dist))
    ]


def _origins(dist: Distribution) -> Iterator[Any]:
    yield from dist.distribution_config.Origins["Items"]


def _items(container: Any) -> Iterable[Mapping[str, Any]]:
    return (container or {}).get("Items") or []
