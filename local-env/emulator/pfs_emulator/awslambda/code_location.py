"""GetFunction's Code.Location: a URL the deployment package can really be downloaded from.

"Location: A presigned URL that you can use to download the deployment package."
https://docs.aws.amazon.com/lambda/latest/api/API_FunctionCodeLocation.html
moto answers with an address in an S3 bucket that does not exist, so nothing could read back the code a
function version runs. Here Location points at this emulator (the host the GetFunction call reached),
and a GET of it returns that version's own zip, unsigned, as AWS's presigned URL needs no credentials.

The URL names the function version rather than moto's code key: moto's published versions share the
code key of $LATEST (a shallow copy), while each keeps its own bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from moto.awslambda.exceptions import UnknownFunctionException
from moto.awslambda.models import lambda_backends
from moto.awslambda.responses import LambdaResponse

from ..moto_patching import around

PREFIX = "/_pfs/lambda-code/"


def install() -> None:
    @around(LambdaResponse, "get_function")
    def get_function(original: Any, self: LambdaResponse) -> str:
        answer = json.loads(original(self))
        code = answer.get("Code")
        if isinstance(code, dict) and code.get("RepositoryType") == "S3":
            configuration = answer["Configuration"]
            code["Location"] = _location(
                self.uri, self.current_account, self.region, configuration["FunctionName"], configuration["Version"]
            )
        return json.dumps(answer)


def _location(request_url: str, account_id: str, region: str, function_name: str, version: str) -> str:
    called = urlsplit(request_url)
    names = "/".join(quote(part, safe="") for part in (account_id, region, function_name, version))
    return f"{called.scheme}://{called.netloc}{PREFIX}{names}"


def serve(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    """WSGI app for GET {PREFIX}<account>/<region>/<function name>/<version>."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return _respond(start_response, HTTPStatus.METHOD_NOT_ALLOWED, b"")
    parts = [unquote(part) for part in environ.get("PATH_INFO", "")[len(PREFIX):].split("/")]
    zip_bytes = _code_bytes(*parts) if len(parts) == 4 else None
    if zip_bytes is None:
        return _respond(start_response, HTTPStatus.NOT_FOUND, b"")
    body = b"" if environ.get("REQUEST_METHOD") == "HEAD" else zip_bytes
    start_response(
        f"{HTTPStatus.OK.value} {HTTPStatus.OK.phrase}",
        [("Content-Type", "application/zip"), ("Content-Length", str(len(zip_bytes)))],
    )
    return [body]


def _code_bytes(account_id: str, region: str, function_name: str, version: str) -> bytes | None:
    try:
        function = lambda_backends[account_id][region].get_function(function_name, version)
    except (KeyError, UnknownFunctionException):
        return None
    return getattr(function, "code_bytes", None) or None


def _respond(start_response: Callable[..., Any], status: HTTPStatus, body: bytes) -> list[bytes]:
    start_response(f"{status.value} {status.phrase}", [("Content-Length", str(len(body)))])
    return [body]

