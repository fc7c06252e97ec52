"""WSGI middleware around moto's server app: control endpoint, call record, fault injection, reset."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any

from .awslambda import code_location
from .call_identity import CallIdentity, identify_call
from .call_recorder import RecordedCall
from .control_api import PREFIX as CONTROL_PREFIX
from .control_api import ControlApi
from .emulator_state import EmulatorState
from .fault_responses import fault_response
from .iam_actions import dependent_actions, iam_action, is_mutating

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

# moto's own reset endpoint; the extension's state resets with it.
MOTO_RESET_PATH = "/moto-api/reset"


class EmulatorMiddleware:
    def __init__(self, moto_app: WsgiApp, state: EmulatorState) -> None:
        self._moto_app = moto_app
        self._state = state
        self._control_api = ControlApi(state)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        # Before the control API, whose prefix it shares: a download, not an AWS call to record.
        if path.startswith(code_location.PREFIX):
            return code_location.serve(environ, start_response)
        if path.startswith(CONTROL_PREFIX) or path == CONTROL_PREFIX.rstrip("/"):
            return self._control_api(environ, start_response)
        if path.rstrip("/") == MOTO_RESET_PATH and environ.get("REQUEST_METHOD") == "POST":
            response = self._moto_app(environ, start_response)
            self._state.reset()
            return response
        identity = identify_call(environ)
        if identity is None:
            return self._moto_app(environ, start_response)
        return self._serve_aws_call(environ, start_response, identity)

    def _serve_aws_call(
        self, environ: dict[str, Any], start_response: Callable[..., Any], identity: CallIdentity
    ) -> Iterable[bytes]:
        service, operation = identity.service, identity.operation
        action = iam_action(service, operation)
        call = self._state.calls.record(
            RecordedCall(
                service=service,
                operation=operation,
                action=action,
                mutating=is_mutating(operation),
                method=environ.get("REQUEST_METHOD", ""),
                path=environ.get("PATH_INFO", ""),
                dependent_actions=dependent_actions(service, operation),
                access_key_id=identity.access_key_id,
                presigned=identity.presigned,
            )
        )
        try:
            fault = self._state.faults.take(service, operation, action)
            if fault is not None:
                status, headers, body = fault_response(service, fault, call.method)
                call.status, call.fault = status, fault
                start_response(f"{status} {HTTPStatus(status).phrase}", headers)
                return [body]

            def start_recorded_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
                call.status = int(status.split(" ", 1)[0])
                return start_response(status, headers, exc_info)

            return self._moto_app(environ, start_recorded_response)
        finally:
            self._state.calls.finish_current()
