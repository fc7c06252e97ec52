"""Origin access controls (OAC): moto has them, but without If-Match, ETag changes or the in-use rule.

- Update and delete need the current ETag as If-Match, and an update changes it (etags.py):
  https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_UpdateOriginAccessControl.html
  https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DeleteOriginAccessControl.html
- An OAC a distribution uses cannot be deleted (OriginAccessControlInUse, 409), and deleting one that
  does not exist is NoSuchOriginAccessControl (404) - moto answers that with a server error.
moto's response methods do not pass If-Match on to the backend, so the checks wrap them.
"""

from __future__ import annotations

from typing import Any

from moto.cloudfront.responses import CloudFrontResponse
from moto.core.responses import ActionResult

from ..moto_patching import around
from .errors import OriginAccessControlInUse
from .etags import new_etag, require_current_etag
from .origin_access_references import distributions_using_control


def install() -> None:
    @around(CloudFrontResponse, "update_origin_access_control")
    def update_origin_access_control(original: Any, self: CloudFrontResponse) -> ActionResult:
        control = self.backend.get_origin_access_control(self._get_param("Id"))
        require_current_etag(self._get_param("IfMatch"), control.etag)
        control.etag = new_etag()
        return original(self)

    @around(CloudFrontResponse, "delete_origin_access_control")
    def delete_origin_access_control(original: Any, self: CloudFrontResponse) -> ActionResult:
        control = self.backend.get_origin_access_control(self._get_param("Id"))
        require_current_etag(self._get_param("IfMatch"), control.etag)
        if distributions_using_control(self.backend, control.id):
            raise OriginAccessControlInUse()
        return original(self)
