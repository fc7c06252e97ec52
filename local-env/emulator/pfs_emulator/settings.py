"""Timings of the emulated AWS: how long a distribution deploys, how long Lambda@Edge replicas linger.

Real AWS takes minutes for both; tests want them short but not zero, so that code which forgets to
wait is caught. Defaults can be changed at start (environment) and at run time (POST /_pfs/config).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

DEFAULT_DISTRIBUTION_DEPLOY_READS = 2
DEFAULT_LAMBDA_REPLICA_SECONDS = 1.0

# JSON name (control endpoint) -> environment variable (start).
READS_KEY, SECONDS_KEY, REPLICA_KEY = (
    "distributionDeployReads",
    "distributionDeploySeconds",
    "lambdaReplicaSeconds",
)
ENVIRONMENT_VARIABLES = {
    READS_KEY: "PFS_DISTRIBUTION_DEPLOY_READS",
    SECONDS_KEY: "PFS_DISTRIBUTION_DEPLOY_SECONDS",
    REPLICA_KEY: "PFS_LAMBDA_REPLICA_SECONDS",
}


class InvalidSettings(ValueError):
    """A setting a person gave is not usable; the message says which and why."""


@dataclass(frozen=True)
class EmulatorSettings:
    # A distribution stays InProgress after a create or update for this many reads of it
    # (Get/GetConfig/List), or, when distribution_deploy_seconds is set, for that long instead.
    distribution_deploy_reads: int | None = DEFAULT_DISTRIBUTION_DEPLOY_READS
    distribution_deploy_seconds: float | None = None
    # A Lambda version cannot be deleted for this long after its last association was removed.
    lambda_replica_seconds: float = DEFAULT_LAMBDA_REPLICA_SECONDS

    @classmethod
    def from_environment(cls, environ: Mapping[str, str]) -> EmulatorSettings:
        given = {key: environ[variable] for key, variable in ENVIRONMENT_VARIABLES.items() if environ.get(variable)}
        try:
            return cls().updated(given)
        except InvalidSettings as error:
            raise InvalidSettings(f"{error} (environment variables {', '.join(ENVIRONMENT_VARIABLES.values())})") from None

    def updated(self, changes: Mapping[str, Any]) -> EmulatorSettings:
        unknown = set(changes) - set(ENVIRONMENT_VARIABLES)
        if unknown:
            raise InvalidSettings(f"unknown settings {sorted(unknown)}; known: {sorted(ENVIRONMENT_VARIABLES)}")
        if READS_KEY in changes and SECONDS_KEY in changes:
            raise InvalidSettings(f"give either {READS_KEY} or {SECONDS_KEY}, not both")
        result = self
        if READS_KEY in changes:
            reads = _whole_number(READS_KEY, changes[READS_KEY])
            result = replace(result, distribution_deploy_reads=reads, distribution_deploy_seconds=None)
        if SECONDS_KEY in changes:
            seconds = _duration(SECONDS_KEY, changes[SECONDS_KEY])
            result = replace(result, distribution_deploy_reads=None, distribution_deploy_seconds=seconds)
        if REPLICA_KEY in changes:
            result = replace(result, lambda_replica_seconds=_duration(REPLICA_KEY, changes[REPLICA_KEY]))
        return result

    def to_json(self) -> dict[str, Any]:
        return {
            READS_KEY: self.distribution_deploy_reads,
            SECONDS_KEY: self.distribution_deploy_seconds,
            REPLICA_KEY: self.lambda_replica_seconds,
        }


def _whole_number(name: str, value: Any) -> int:
    if isinstance(value, bool):
        raise InvalidSettings(f"{name} must be a whole number >= 0, got {value!r}")
    try:
        number = int(value) if isinstance(value, str) else value
    except ValueError:
        raise InvalidSettings(f"{name} must be a whole number >= 0, got {value!r}") from None
    if not isinstance(number, int) or number < 0:
        raise InvalidSettings(f"{name} must be a whole number >= 0, got {value!r}")
    return number


def _duration(name: str, value: Any) -> float:
    if isinstance(value, bool):
        raise InvalidSettings(f"{name} must be a number of seconds >= 0, got {value!r}")
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        raise InvalidSettings(f"{name} must be a number of seconds >= 0, got {value!r}") from None
    if not math.isfinite(seconds) or seconds < 0:
        raise InvalidSettings(f"{name} must be a number of seconds >= 0, got {value!r}")
    return seconds
