"""A distribution's Status: InProgress after every create and update, Deployed some time later.

"When you create or update a distribution, the value of Status is InProgress [...] When the
distribution is fully propagated, the value changes to Deployed."
https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Distribution.html (Status)
https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_UpdateDistribution.html
moto already models Status with its state manager (InProgress -> Deployed), but moves it to Deployed
on the first read and never back; here its timing follows the settings and every update restarts it.
"""

from __future__ import annotations

from moto.cloudfront.models import Distribution
from moto.moto_api import state_manager
from moto.moto_api._internal.managed_state_model import ManagedState

from ..settings import EmulatorSettings

MODEL_NAME = "cloudfront::distribution"
TRANSITIONS = [("InProgress", "Deployed")]


def use_timing(settings: EmulatorSettings) -> None:
    if settings.distribution_deploy_seconds is not None:
        transition = {"progression": "time", "seconds": settings.distribution_deploy_seconds}
    else:
        # moto moves on when a read finds `times` reads done, so N InProgress reads need N + 1.
        transition = {"progression": "manual", "times": (settings.distribution_deploy_reads or 0) + 1}
    state_manager.set_transition(MODEL_NAME, transition)


def restart_deployment(distribution: Distribution) -> None:
    """Back to InProgress, with the reads or seconds counted from now, as for a new distribution."""
    ManagedState.__init__(distribution, MODEL_NAME, transitions=TRANSITIONS)


def is_deployed(distribution: Distribution) -> bool:
    return distribution.status == "Deployed"
