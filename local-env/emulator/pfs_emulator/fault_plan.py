"""Faults armed by tests: the next N calls of an operation fail with a throttling or server error.

The operator must retry throttling and 5xx with backoff (DESIGN.md, "Errors"); these faults are how the
tests show that it does.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .fault_responses import FAULT_KINDS


class InvalidFault(ValueError):
    """A fault a person asked for is not usable; the message says why."""


@dataclass
class ArmedFault:
    service: str | None  # None: any service
    operation: str  # an API operation name (PutBucketCors) or an IAM action name (PutBucketCORS)
    remaining: int
    error: str

    def matches(self, service: str, operation: str | None, action: str | None) -> bool:
        if self.service is not None and self.service != service:
            return False
        action_name = action.split(":", 1)[1] if action else None
        return self.operation in (operation, action_name)

    def to_json(self) -> dict[str, Any]:
        return {"service": self.service, "operation": self.operation, "count": self.remaining, "error": self.error}


class FaultPlan:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[ArmedFault] = []

    def arm(self, request: Mapping[str, Any]) -> ArmedFault:
        fault = _parse(request)
        with self._lock:
            self._faults.append(fault)
        return fault

    def take(self, service: str, operation: str | None, action: str | None) -> str | None:
        """The error this call must fail with, if a fault is armed for it (using up one count)."""
        with self._lock:
            for fault in self._faults:
                if fault.matches(service, operation, action):
                    fault.remaining -= 1
                    if fault.remaining == 0:
                        self._faults.remove(fault)
                    return fault.error
        return None

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def to_json(self) -> dict[str, Any]:
        with self._lock:
            return {"faults": [fault.to_json() for fault in self._faults]}


def _parse(request: Mapping[str, Any]) -> ArmedFault:
    if not isinstance(request, Mapping):
        raise InvalidFault("a fault is a JSON object")
    unknown = set(request) - {"service", "operation", "count", "error"}
    if unknown:
        raise InvalidFault(f"unknown fields {sorted(unknown)}")
    operation = request.get("operation")
    if not isinstance(operation, str) or not operation:
        raise InvalidFault('"operation" is required, e.g. "CreateDistribution" or "cloudfront:CreateDistribution"')
    service = request.get("service")
    if ":" in operation:
        prefix, operation = operation.split(":", 1)
        if service is not None and service != prefix:
            raise InvalidFault(f'"service" {service!r} contradicts the operation prefix {prefix!r}')
        service = prefix
    if service is not None and (not isinstance(service, str) or not service):
        raise InvalidFault('"service" must be a service name such as "cloudfront"')
    count = request.get("count", 1)
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise InvalidFault('"count" must be a whole number >= 1')
    error = request.get("error")
    if error not in FAULT_KINDS:
        raise InvalidFault(f'"error" must be one of {sorted(FAULT_KINDS)}')
    return ArmedFault(service=service, operation=operation, remaining=count, error=error)
