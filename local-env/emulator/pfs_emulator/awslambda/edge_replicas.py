"""Lambda@Edge replicas: a function version associated with a distribution cannot be deleted.

"You can delete a Lambda@Edge function only when the replicas of the function have been deleted by
CloudFront. Replicas of a Lambda function are automatically deleted [...] after you remove the last
association for the function from all of your CloudFront distributions" - which takes hours on AWS,
`lambdaReplicaSeconds` here.
https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-edge-delete-replicas.html
Until then DeleteFunction fails with InvalidParameterValueException (400), "Lambda was unable to delete
<version ARN> because it is a replicated function. [...]", for the version and for the whole function.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from typing import Any

from moto.awslambda.exceptions import InvalidParameterValueException, UnknownFunctionException
from moto.awslambda.models import LambdaBackend, LambdaFunction
from moto.cloudfront.models import cloudfront_backends
from moto.utilities.utils import get_partition

from ..cloudfront.edge_associations import function_arns_in_use
from ..cloudfront.lambda_edge_rules import EDGE_REGION
from ..emulator_state import EmulatorState
from ..moto_patching import around


class EdgeReplicaLedger:
    """When the last association of each function version was removed, per account."""

    def __init__(self, state: EmulatorState) -> None:
        self._state = state
        self._lock = threading.Lock()
        self._released_at: dict[tuple[str, str], float] = {}
        state.on_reset(self.clear)

    def release(self, account_id: str, function_arns: Iterable[str]) -> None:
        now = time.monotonic()
        with self._lock:
            for arn in function_arns:
                self._released_at[(account_id, arn)] = now

    def clear(self) -> None:
        with self._lock:
            self._released_at.clear()

    def replicated(self, account_id: str, versions: Iterable[LambdaFunction]) -> str | None:
        """The ARN of the first of `versions` that still has replicas, if any."""
        in_use = function_arns_in_use(cloudfront_backends[account_id][get_partition(EDGE_REGION)])
        linger = self._state.settings.lambda_replica_seconds
        now = time.monotonic()
        for version in versions:
            arn = version.function_arn
            with self._lock:
                released_at = self._released_at.get((account_id, arn))
            if arn in in_use or (released_at is not None and now - released_at < linger):
                return arn
        return None


def install(ledger: EdgeReplicaLedger) -> None:
    @around(LambdaBackend, "delete_function")
    def delete_function(original: Any, self: LambdaBackend, function_name: str, qualifier: str | None = None) -> None:
        if self.region_name == EDGE_REGION:
            replicated = ledger.replicated(self.account_id, _versions_deleted(self, function_name, qualifier))
            if replicated is not None:
                raise InvalidParameterValueException(
                    f"Lambda was unable to delete {replicated} because it is a replicated function. "
                    "Please see our documentation for Deleting Lambda@Edge Functions and Replicas."
                )
        original(self, function_name, qualifier)


def _versions_deleted(backend: LambdaBackend, function_name: str, qualifier: str | None) -> list[LambdaFunction]:
    """The function versions DeleteFunction(function_name, qualifier) would delete."""
    try:
        function = backend.get_function(function_name, qualifier)
    except UnknownFunctionException:
        return []  # moto's DeleteFunction reports it
    if _names_qualifier(function_name, qualifier):
        return [function]
    return [version for version in backend.list_versions_by_function(function.function_name) if version.version != "$LATEST"]


def _names_qualifier(function_name: str, qualifier: str | None) -> bool:
    # A qualifier comes as the Qualifier parameter, or in the name: "name:1" or "arn:...:function:name:1".
    if qualifier:
        return True
    return ":" in function_name.split(":function:", 1)[1] if ":function:" in function_name else ":" in function_name
