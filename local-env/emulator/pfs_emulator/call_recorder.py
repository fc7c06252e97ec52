"""The record of every AWS API call since the last reset, in the order the calls arrived.

Tests read it to check that a reconcile with nothing to do makes no mutating call, and to check that
the operator's IAM policy grants every action the operator actually used.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class RecordedCall:
    service: str
    operation: str | None  # the API operation, e.g. CreateDistributionWithTags; None if unrecognised
    action: str | None  # the IAM action it needs, e.g. cloudfront:CreateDistribution
    mutating: bool
    method: str
    path: str
    status: int | None = None
    fault: str | None = None
    access_key_id: str | None = None
    presigned: bool = False
    # Further IAM actions the call needs, as the service's documentation lists them.
    dependent_actions: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "service": self.service,
            "operation": self.operation,
            "action": self.action,
            "dependentActions": list(self.dependent_actions),
            "mutating": self.mutating,
            "status": self.status,
            "fault": self.fault,
            "method": self.method,
            "path": self.path,
            "accessKeyId": self.access_key_id,
            "presigned": self.presigned,
        }


class CallRecorder:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calls: list[RecordedCall] = []
        # The call the current request thread is serving, so that backend code can add to it.
        self._current = threading.local()

    def record(self, call: RecordedCall) -> RecordedCall:
        with self._lock:
            self._calls.append(call)
        self._current.call = call
        return call

    def finish_current(self) -> None:
        self._current.call = None

    def add_dependent_actions(self, actions: Iterable[str]) -> None:
        call = getattr(self._current, "call", None)
        if call is None:
            return
        with self._lock:
            for action in actions:
                if action not in call.dependent_actions:
                    call.dependent_actions.append(action)

    def clear(self) -> None:
        with self._lock:
            self._calls.clear()

    def to_json(self) -> dict[str, Any]:
        with self._lock:
            return {"calls": [call.to_json() for call in self._calls]}
