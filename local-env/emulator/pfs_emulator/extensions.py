"""Installs every AWS behaviour of the extension into moto (once per process, before the first request)."""

from __future__ import annotations

from .awslambda import code_location, edge_replicas
from .cloudfront import (
    distribution_deployment,
    distribution_fields,
    distribution_rules,
    origin_access_controls,
    origin_access_identities,
)
from .emulator_state import EmulatorState
from .s3 import bucket_policy_rules

_installed = False


def install(state: EmulatorState) -> None:
    global _installed
    if _installed:
        raise RuntimeError("the extension is already installed in this process")
    _installed = True

    origin_access_identities.install()
    origin_access_controls.install()
    distribution_fields.install()
    state.on_settings_change(distribution_deployment.use_timing)
    ledger = edge_replicas.EdgeReplicaLedger(state)
    edge_replicas.install(ledger)
    code_location.install()
    distribution_rules.install(ledger, state.calls)
    bucket_policy_rules.install()
