"""CloudFront origin access identities (OAI), which moto 5.2.5 does not implement at all.

API (version 2020-05-31, paths /2020-05-31/origin-access-identity/cloudfront[/ID[/config]]):
https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateCloudFrontOriginAccessIdentity.html
https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_GetCloudFrontOriginAccessIdentity.html
https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_GetCloudFrontOriginAccessIdentityConfig.html
https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_UpdateCloudFrontOriginAccessIdentity.html
https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DeleteCloudFrontOriginAccessIdentity.html
https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ListCloudFrontOriginAccessIdentities.html
moto routes and parses the requests from the botocore model; this module adds the URL paths, the
response methods and the backend methods those requests reach.
"""

from __future__ import annotations

import secrets
from typing import Any

from moto.cloudfront import urls as cloudfront_urls
from moto.cloudfront.models import CloudFrontBackend, random_id
from moto.cloudfront.responses import CloudFrontResponse
from moto.core.responses import ActionResult, EmptyResult

from ..moto_patching import add_to, around
from .errors import (
    CloudFrontOriginAccessIdentityAlreadyExists,
    CloudFrontOriginAccessIdentityInUse,
    IllegalUpdate,
    InvalidArgument,
    NoSuchCloudFrontOriginAccessIdentity,
)
from .etags import new_etag, require_current_etag
from .origin_access_references import distributions_using_identity

_BASE_PATH = "{0}/2020-05-31/origin-access-identity/cloudfront"
URL_PATHS = {
    _BASE_PATH + "$": CloudFrontResponse.dispatch,
    _BASE_PATH + "/(?P<oai_id>[^/]+)$": CloudFrontResponse.dispatch,
    _BASE_PATH + "/(?P<oai_id>[^/]+)/config$": CloudFrontResponse.dispatch,
}
_DEFAULT_MAX_ITEMS = 100


class OriginAccessIdentity:
    def __init__(self, caller_reference: str, comment: str) -> None:
        # OAI IDs look like E74FTE3AJFJ256A (the API reference example): an E and 14 letters and digits.
        self.id = "E" + random_id(length=14)
        # An S3 canonical user ID: 96 hex digits for an OAI, as AWS hands them out.
        self.s3_canonical_user_id = secrets.token_hex(48)
        self.caller_reference = caller_reference
        self.comment = comment
        self.etag = new_etag()

    @property
    def location(self) -> str:
        return f"https://cloudfront.amazonaws.com/2020-05-31/origin-access-identity/cloudfront/{self.id}"

    def config(self) -> dict[str, str]:
        return {"CallerReference": self.caller_reference, "Comment": self.comment}

    def to_result(self) -> dict[str, Any]:
        return {
            "Id": self.id,
            "S3CanonicalUserId": self.s3_canonical_user_id,
            "CloudFrontOriginAccessIdentityConfig": self.config(),
        }

    def summary(self) -> dict[str, str]:
        return {"Id": self.id, "S3CanonicalUserId": self.s3_canonical_user_id, "Comment": self.comment}


def install() -> None:
    cloudfront_urls.url_paths.update(URL_PATHS)
    _install_backend()
    _install_responses()


def _install_backend() -> None:
    @around(CloudFrontBackend, "__init__")
    def __init__(original: Any, self: CloudFrontBackend, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.origin_access_identities: dict[str, OriginAccessIdentity] = {}

    @add_to(CloudFrontBackend)
    def create_cloud_front_origin_access_identity(
        self: CloudFrontBackend, caller_reference: str, comment: str
    ) -> OriginAccessIdentity:
        # "If the CallerReference is a value you already sent [...] and the content of the
        # CloudFrontOriginAccessIdentityConfig is identical to the original request [...] the response
        # includes the same information returned to the original request"; different content is
        # CloudFrontOriginAccessIdentityAlreadyExists.
        for identity in self.origin_access_identities.values():
            if identity.caller_reference == caller_reference:
                if identity.comment != comment:
                    raise CloudFrontOriginAccessIdentityAlreadyExists()
                return identity
        identity = OriginAccessIdentity(caller_reference, comment)
        self.origin_access_identities[identity.id] = identity
        return identity

    @add_to(CloudFrontBackend)
    def get_cloud_front_origin_access_identity(self: CloudFrontBackend, identity_id: str) -> OriginAccessIdentity:
        identity = self.origin_access_identities.get(identity_id)
        if identity is None:
            raise NoSuchCloudFrontOriginAccessIdentity()
        return identity

    @add_to(CloudFrontBackend)
    def update_cloud_front_origin_access_identity(
        self: CloudFrontBackend, identity_id: str, caller_reference: str, comment: str, if_match: str | None
    ) -> OriginAccessIdentity:
        identity = self.get_cloud_front_origin_access_identity(identity_id)
        require_current_etag(if_match, identity.etag)
        if caller_reference != identity.caller_reference:
            raise IllegalUpdate("The CallerReference of an origin access identity cannot be changed.")
        identity.comment = comment
        identity.etag = new_etag()
        return identity

    @add_to(CloudFrontBackend)
    def delete_cloud_front_origin_access_identity(self: CloudFrontBackend, identity_id: str, if_match: str | None) -> None:
        identity = self.get_cloud_front_origin_access_identity(identity_id)
        require_current_etag(if_match, identity.etag)
        if distributions_using_identity(self, identity_id):
            raise CloudFrontOriginAccessIdentityInUse()
        del self.origin_access_identities[identity_id]

    @add_to(CloudFrontBackend)
    def list_cloud_front_origin_access_identities(
        self: CloudFrontBackend, marker: str | None, max_items: int
    ) -> tuple[list[OriginAccessIdentity], str | None]:
        # The Marker is the ID of the last identity of the previous page, as in the API reference.
        identities = sorted(self.origin_access_identities.values(), key=lambda identity: identity.id)
        if marker:
            identities = [identity for identity in identities if identity.id > marker]
        page = identities[:max_items]
        next_marker = page[-1].id if len(identities) > max_items else None
        return page, next_marker


def _install_responses() -> None:
    @add_to(CloudFrontResponse)
    def create_cloud_front_origin_access_identity(self: CloudFrontResponse) -> ActionResult:
        caller_reference, comment = _config_param(self)
        identity = self.backend.create_cloud_front_origin_access_identity(caller_reference, comment)
        return ActionResult(
            {"CloudFrontOriginAccessIdentity": identity.to_result(), "Location": identity.location, "ETag": identity.etag}
        )

    @add_to(CloudFrontResponse)
    def get_cloud_front_origin_access_identity(self: CloudFrontResponse) -> ActionResult:
        identity = self.backend.get_cloud_front_origin_access_identity(self._get_param("Id"))
        return ActionResult({"CloudFrontOriginAccessIdentity": identity.to_result(), "ETag": identity.etag})

    @add_to(CloudFrontResponse)
    def get_cloud_front_origin_access_identity_config(self: CloudFrontResponse) -> ActionResult:
        identity = self.backend.get_cloud_front_origin_access_identity(self._get_param("Id"))
        return ActionResult({"CloudFrontOriginAccessIdentityConfig": identity.config(), "ETag": identity.etag})

    @add_to(CloudFrontResponse)
    def update_cloud_front_origin_access_identity(self: CloudFrontResponse) -> ActionResult:
        caller_reference, comment = _config_param(self)
        identity = self.backend.update_cloud_front_origin_access_identity(
            self._get_param("Id"), caller_reference, comment, self._get_param("IfMatch")
        )
        return ActionResult({"CloudFrontOriginAccessIdentity": identity.to_result(), "ETag": identity.etag})

    @add_to(CloudFrontResponse)
    def delete_cloud_front_origin_access_identity(self: CloudFrontResponse) -> EmptyResult:
        self.backend.delete_cloud_front_origin_access_identity(self._get_param("Id"), self._get_param("IfMatch"))
        return EmptyResult()

    @add_to(CloudFrontResponse)
    def list_cloud_front_origin_access_identities(self: CloudFrontResponse) -> ActionResult:
        marker = self._get_param("Marker") or ""
        max_items = _max_items(self._get_param("MaxItems"))
        page, next_marker = self.backend.list_cloud_front_origin_access_identities(marker, max_items)
        result: dict[str, Any] = {
            "Marker": marker,
            "MaxItems": max_items,
            "IsTruncated": next_marker is not None,
            "Quantity": len(page),
            "Items": [identity.summary() for identity in page],
        }
        if next_marker is not None:
            result["NextMarker"] = next_marker
        return ActionResult({"CloudFrontOriginAccessIdentityList": result})


def _config_param(response: CloudFrontResponse) -> tuple[str, str]:
    config = response._get_param("CloudFrontOriginAccessIdentityConfig") or {}
    caller_reference = config.get("CallerReference")
    if not caller_reference:
        raise InvalidArgument("CloudFrontOriginAccessIdentityConfig.CallerReference is required.")
    return caller_reference, config.get("Comment") or ""


def _max_items(value: Any) -> int:
    if value in (None, ""):
        return _DEFAULT_MAX_ITEMS
    try:
        max_items = int(value)
    except (TypeError, ValueError):
        raise InvalidArgument(f"MaxItems must be a number, got {value!r}.") from None
    if max_items < 1:
        raise InvalidArgument("MaxItems must be at least 1.")
    return max_items
