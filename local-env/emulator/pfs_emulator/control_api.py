"""The control endpoint under /_pfs/ (JSON), for tests: settings, faults and the call record.

Documented in ../README.md ("Control endpoint").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any

from .emulator_state import EmulatorState
from .fault_plan import InvalidFault
from .settings import InvalidSettings

PREFIX = "/_pfs/"
_MAX_BODY = 64 * 1024


class _BadRequest(Exception):
    pass


class ControlApi:
    def __init__(self, state: EmulatorState) -> None:
        self._state = state
        self._routes: dict[tuple[str, str], Callable[[dict[str, Any]], Any]] = {
            ("GET", "config"): lambda _: self._state.settings.to_json(),
            ("POST", "config"): lambda environ: self._state.configure(_json_body(environ)).to_json(),
            ("GET", "faults"): lambda _: self._state.faults.to_json(),
            ("POST", "faults"): self._arm_fault,
            ("DELETE", "faults"): self._clear_faults,
            ("GET", "calls"): lambda _: self._state.calls.to_json(),
            ("DELETE", "calls"): self._clear_calls,
        }

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        resource = environ.get("PATH_INFO", "")[len(PREFIX):].strip("/")
        method = environ.get("REQUEST_METHOD", "GET")
        handler = self._routes.get((method, resource))
        if handler is None:
            known = any(name == resource for _, name in self._routes)
            status = HTTPStatus.METHOD_NOT_ALLOWED if known else HTTPStatus.NOT_FOUND
            return _respond(start_response, status, {"error": f"{method} {PREFIX}{resource} is not part of the control API"})
        try:
            return _respond(start_response, HTTPStatus.OK, handler(environ))
        except (_BadRequest, InvalidSettings, InvalidFault) as error:
            return _respond(start_response, HTTPStatus.BAD_REQUEST, {"error": str(error)})

    def _arm_fault(self, environ: dict[str, Any]) -> Any:
        self._state.faults.arm(_json_body(environ))
        return self._state.faults.to_json()

    def _clear_faults(self, _: dict[str, Any]) -> Any:
        self._state.faults.clear()
        return self._state.faults.to_json()

    def _clear_calls(self, _: dict[str, Any]) -> Any:
        self._state.calls.clear()
        return self._state.calls.to_json()


def _json_body(environ: dict[str, Any]) -> dict[str, Any]:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise _BadRequest("Content-Length is not a number") from None
    if length > _MAX_BODY:
        raise _BadRequest(f"body larger than {_MAX_BODY} bytes")
    raw = environ["wsgi.input"].read(length) if length > 0 else b""
    try:
        body = json.loads(raw or b"{}")
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _BadRequest(f"body is not JSON: {error}") from None
    if not isinstance(body, dict):
        raise _BadRequest("body must be a JSON object")
    return body


def _respond(start_response: Callable[..., Any], status: HTTPStatus, payload: Any) -> list[bytes]:
    body = json.dumps(payload).encode()
    start_response(
        f"{status.value} {status.phrase}",
        [("Content-Type", "application/json"), ("Content-Length", str(len(body)))],
    )
    return [body]
