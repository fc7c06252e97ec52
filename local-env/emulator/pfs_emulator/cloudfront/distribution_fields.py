"""Distributions keep and return the fields the operator sets, which moto 5.2.5 drops or invents.

AWS returns a distribution's configuration as it was sent (DistributionConfig in
https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionConfig.html); moto's model
loses these parts of it:
- Origin.S3OriginConfig and Origin.OriginAccessControlId
  https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Origin.html
- LambdaFunctionAssociations and FunctionAssociations of the default and the other cache behaviours
  https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DefaultCacheBehavior.html
- ViewerCertificate: moto reports CloudFrontDefaultCertificate=true and CertificateSource=cloudfront
  even for an ACM certificate; AWS reports the certificate actually configured
  https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html
"""

from __future__ import annotations

from typing import Any

from moto.cloudfront.models import DefaultCacheBehaviour, Origin, ViewerCertificate

from ..moto_patching import around


def install() -> None:
    @around(Origin, "__init__")
    def origin_init(original: Any, self: Origin, origin: dict[str, Any]) -> None:
        s3_origin_config = origin.get("S3OriginConfig")
        if s3_origin_config is not None:
            # An empty <OriginAccessIdentity/> (the documented way to say "no OAI") arrives as absent.
            s3_origin_config = dict(s3_origin_config)
            s3_origin_config["OriginAccessIdentity"] = s3_origin_config.get("OriginAccessIdentity") or ""
            origin["S3OriginConfig"] = s3_origin_config
        original(self, origin)
        self.s3_origin_config = s3_origin_config
        self.origin_access_control_id = origin.get("OriginAccessControlId") or ""

    @around(DefaultCacheBehaviour, "__init__")
    def cache_behaviour_init(original: Any, self: DefaultCacheBehaviour, config: dict[str, Any]) -> None:
        original(self, config)
        self.lambda_function_associations = _counted(config.get("LambdaFunctionAssociations"))
        self.function_associations = _counted(config.get("FunctionAssociations"))

    @around(ViewerCertificate, "__init__")
    def viewer_certificate_init(original: Any, self: ViewerCertificate, config: dict[str, Any]) -> None:
        original(self, config)
        if config.get("ACMCertificateArn"):
            self.cloud_front_default_certificate = False
            self.certificate_source, self.certificate = "acm", config["ACMCertificateArn"]
        elif config.get("IAMCertificateId"):
            self.cloud_front_default_certificate = False
            self.certificate_source, self.certificate = "iam", config["IAMCertificateId"]


def _counted(container: dict[str, Any] | None) -> dict[str, Any]:
    """A CloudFront list ({Quantity, Items}) with Quantity matching its items."""
    items = list((container or {}).get("Items") or [])
    return {"Quantity": len(items), "Items": items} if items else {"Quantity": 0}
