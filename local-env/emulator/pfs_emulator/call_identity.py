"""Which AWS service and API operation an incoming request is, before moto answers it.

The service is the signing name in the SigV4 credential scope (header or presigned query), which is
also the prefix of its IAM actions:
https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html#create-string-to-sign
The operation comes from moto's own router (the botocore service model) for REST services, and from
the Action parameter for Query services such as IAM.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from botocore.exceptions import DataNotFoundError
from moto.core.request import Request
from moto.core.routing import get_service_router
from moto.core.utils import get_service_model
from werkzeug.exceptions import NotFound

_CREDENTIAL_SCOPE = re.compile(r"Credential=[^/,\s]+/\d{8}/[^/]+/([^/]+)/aws4_request")
_ACCESS_KEY = re.compile(r"Credential=([^/,\s]+)/")
_PRESIGNED_ACCESS_KEY = re.compile(r"(?:^|&)X-Amz-Credential=([^&/%]+)(?:/|%2F)", re.I)
_PRESIGNED_SCOPE = re.compile(r"(?:^|&)X-Amz-Credential=[^&/]+(?:/|%2F)\d{8}(?:/|%2F)[^&/%]+(?:/|%2F)([^&/%]+)(?:/|%2F)aws4_request", re.I)
# Requests for moto itself, not for an AWS service.
_NOT_AWS_PREFIXES = ("/moto-api", "/favicon.ico")


@dataclass(frozen=True)
class CallIdentity:
    service: str
    operation: str | None
    # Who signed the call, so that tests can tell the operator's calls from their own; and whether it
    # came through a presigned URL, which only browsers and applications use.
    access_key_id: str | None = None
    presigned: bool = False


def identify_call(environ: dict[str, Any]) -> CallIdentity | None:
    """The AWS call `environ` makes, or None for moto's own endpoints."""
    if environ.get("PATH_INFO", "").startswith(_NOT_AWS_PREFIXES):
        return None
    # Unsigned requests (browser POST uploads) are S3's, as moto itself assumes.
    service = _signing_service(environ) or "s3"
    header = _ACCESS_KEY.search(environ.get("HTTP_AUTHORIZATION", ""))
    query = _PRESIGNED_ACCESS_KEY.search(environ.get("QUERY_STRING", ""))
    return CallIdentity(
        service=service,
        operation=_operation(service, environ),
        access_key_id=header.group(1) if header else (query.group(1) if query else None),
        presigned=header is None and query is not None,
    )


def _signing_service(environ: dict[str, Any]) -> str | None:
    match = _CREDENTIAL_SCOPE.search(environ.get("HTTP_AUTHORIZATION", ""))
    if match is None:
        match = _PRESIGNED_SCOPE.search(environ.get("QUERY_STRING", ""))
    return match.group(1).lower() if match else None


def _operation(service: str, environ: dict[str, Any]) -> str | None:
    try:
        protocol = get_service_model(service).protocol
    except DataNotFoundError:  # a service botocore does not know: record it, but without an operation
        return None
    if protocol in ("query", "ec2"):
        return _query_action(environ)
    try:
        operation, _ = get_service_router(service).match(Request(environ, populate_request=False))
    except (NotFound, NotImplementedError):
        return None
    return str(operation.name)


def _query_action(environ: dict[str, Any]) -> str | None:
    """The Action of a Query-protocol call; the body is read and put back for moto to read again."""
    action = parse_qs(environ.get("QUERY_STRING", "")).get("Action")
    if action:
        return action[0]
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    if length <= 0:
        return None  # a body of unknown length is left alone for moto
    body = environ["wsgi.input"].read(length)
    environ["wsgi.input"] = io.BytesIO(body)
    action = parse_qs(body.decode("utf-8", errors="replace")).get("Action")
    return action[0] if action else None
