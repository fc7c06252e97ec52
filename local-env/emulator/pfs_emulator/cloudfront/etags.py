"""Optimistic concurrency of CloudFront resources: an ETag that changes on every update, and If-Match.

"When you update a distribution [...] the value of the ETag header that you received when you
retrieved the distribution's configuration" must be sent as If-Match; a missing one is refused with
InvalidIfMatchVersion (400), a stale one with PreconditionFailed (412).
https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_UpdateDistribution.html
https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DeleteDistribution.html
"""

from moto.cloudfront.exceptions import InvalidIfMatchVersion
from moto.cloudfront.models import random_id

from .errors import PreconditionFailed


def new_etag() -> str:
    return random_id()


def require_current_etag(if_match: str | None, current_etag: str) -> None:
    if not if_match:
        raise InvalidIfMatchVersion()
    if if_match != current_etag:
        raise PreconditionFailed()
