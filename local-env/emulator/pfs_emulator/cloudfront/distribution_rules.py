"""The rules AWS applies when a distribution is created, updated or deleted, and moto does not.

- UpdateDistribution and DeleteDistribution need the current ETag as If-Match; every update changes it
  (see etags.py). The CallerReference cannot change on update ("you can't change the value of
  CallerReference"): https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_UpdateDistribution.html
- After a create and after every update the distribution is InProgress for a while (distribution_deployment.py).
- "You can't delete a distribution that is enabled", and after disabling it you must wait until its
  status is Deployed; otherwise DistributionNotDisabled (409):
  https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DeleteDistribution.html
- Origins must name existing OAIs/OACs (origin_access_references.py); Lambda@Edge associations must
  pass CloudFront's checks (lambda_edge_rules.py), and an association removed by an update or a delete
  leaves replicas behind for a while (../awslambda/edge_replicas.py).
"""

from __future__ import annotations

from typing import Any

from moto.cloudfront.exceptions import NoSuchDistribution
from moto.cloudfront.models import CloudFrontBackend, Distribution

from ..awslambda.edge_replicas import EdgeReplicaLedger
from ..call_recorder import CallRecorder
from ..moto_patching import around
from .distribution_deployment import is_deployed, restart_deployment
from .edge_associations import ASSOCIATION_ACTIONS, function_arns_in_config, function_arns_of
from .errors import DistributionNotDisabled, IllegalUpdate
from .etags import new_etag, require_current_etag
from .lambda_edge_rules import check_edge_function
from .origin_access_references import check_origin_access_references


def install(ledger: EdgeReplicaLedger, calls: CallRecorder) -> None:
    def check_config(backend: CloudFrontBackend, config: dict[str, Any]) -> list[str]:
        check_origin_access_references(backend, config)
        function_arns = function_arns_in_config(config)
        for arn in function_arns:
            check_edge_function(backend.account_id, arn)
        return function_arns

    @around(CloudFrontBackend, "create_distribution_with_tags")
    def create_distribution_with_tags(
        original: Any, self: CloudFrontBackend, distribution_config: dict[str, Any], tags: list[dict[str, str]]
    ) -> tuple[Distribution, str, str]:
        if check_config(self, distribution_config):
            calls.add_dependent_actions(ASSOCIATION_ACTIONS)
        return original(self, distribution_config, tags)

    @around(CloudFrontBackend, "update_distribution")
    def update_distribution(
        original: Any, self: CloudFrontBackend, dist_config: dict[str, Any], _id: str, if_match: str | None
    ) -> tuple[Distribution, str, str]:
        distribution = _existing(self, _id)
        require_current_etag(if_match, distribution.etag)
        if dist_config.get("CallerReference") != distribution.distribution_config.caller_reference:
            raise IllegalUpdate("The CallerReference of a distribution cannot be changed.")
        before = function_arns_of(distribution)
        after = set(check_config(self, dist_config))
        if before or after:
            calls.add_dependent_actions(ASSOCIATION_ACTIONS)
        distribution, location, _ = original(self, dist_config, _id, if_match)
        restart_deployment(distribution)
        distribution.etag = new_etag()
        ledger.release(self.account_id, before - after)
        return distribution, location, distribution.etag

    @around(CloudFrontBackend, "delete_distribution")
    def delete_distribution(original: Any, self: CloudFrontBackend, distribution_id: str, if_match: str | None) -> None:
        distribution = _existing(self, distribution_id)
        require_current_etag(if_match, distribution.etag)
        if _is_enabled(distribution) or not is_deployed(distribution):
            raise DistributionNotDisabled()
        released = function_arns_of(distribution)
        if released:
            calls.add_dependent_actions(ASSOCIATION_ACTIONS)
        original(self, distribution_id, if_match)
        self.tagger.delete_all_tags_for_resource(distribution.arn)
        ledger.release(self.account_id, released)


def _existing(backend: CloudFrontBackend, distribution_id: str) -> Distribution:
    distribution = backend.distributions.get(distribution_id)
    if distribution is None:
        raise NoSuchDistribution()
    return distribution


def _is_enabled(distribution: Distribution) -> bool:
    enabled = distribution.distribution_config.Enabled
    return enabled is True or str(enabled).lower() == "true"
