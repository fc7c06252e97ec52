"""Runs moto's server app, extended, on one endpoint for every service, until SIGTERM or SIGINT."""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import make_server

from . import extensions
from .emulator_state import EmulatorState
from .middleware import EmulatorMiddleware
from .settings import EmulatorSettings, InvalidSettings

# The line the test support waits for (launch contract in ../README.md).
READY_LINE = "pfs-emulator listening on http://{host}:{port}"


def serve(host: str, port: int) -> None:
    try:
        settings = EmulatorSettings.from_environment(os.environ)
    except InvalidSettings as error:
        sys.exit(f"pfs-emulator: {error}")
    state = EmulatorState(settings)
    extensions.install(state)
    app = EmulatorMiddleware(DomainDispatcherApplication(create_backend_app), state)
    server = make_server(host, port, app, threaded=True, request_handler=MotoRequestHandler)

    def stop(signum: int, frame: Any) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    # The socket is bound and listening once make_server returns, so connections are accepted from here.
    print(READY_LINE.format(host=host, port=server.server_port), flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
