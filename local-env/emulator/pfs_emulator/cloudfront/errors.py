"""CloudFront errors the extension raises. moto serialises them from the CloudFront service model,
which gives each code its HTTP status (PreconditionFailed 412, DistributionNotDisabled 409, ...).
Codes and messages: https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Operations.html
(the Errors section of each operation).
"""

from moto.cloudfront.exceptions import CloudFrontException


class PreconditionFailed(CloudFrontException):
    def __init__(self) -> None:
        super().__init__(
            "PreconditionFailed",
            "The precondition given in one or more of the request-header fields evaluated to false.",
        )


class DistributionNotDisabled(CloudFrontException):
    def __init__(self) -> None:
        super().__init__("DistributionNotDisabled", "The distribution you are trying to delete has not been disabled.")


class IllegalUpdate(CloudFrontException):
    def __init__(self, detail: str) -> None:
        super().__init__("IllegalUpdate", f"The update contains modifications that are not allowed. {detail}")


class InvalidArgument(CloudFrontException):
    def __init__(self, message: str) -> None:
        super().__init__("InvalidArgument", message)


class InvalidLambdaFunctionAssociation(CloudFrontException):
    def __init__(self, message: str) -> None:
        super().__init__("InvalidLambdaFunctionAssociation", message)


class NoSuchCloudFrontOriginAccessIdentity(CloudFrontException):
    def __init__(self) -> None:
        super().__init__("NoSuchCloudFrontOriginAccessIdentity", "The specified origin access identity does not exist.")


class CloudFrontOriginAccessIdentityAlreadyExists(CloudFrontException):
    def __init__(self) -> None:
        super().__init__(
            "CloudFrontOriginAccessIdentityAlreadyExists",
            "The caller reference you attempted to create the origin access identity with is associated with another identity.",
        )


class CloudFrontOriginAccessIdentityInUse(CloudFrontException):
    def __init__(self) -> None:
        super().__init__("CloudFrontOriginAccessIdentityInUse", "The Origin Access Identity specified is already in use.")


class InvalidOriginAccessIdentity(CloudFrontException):
    def __init__(self, reference: str) -> None:
        super().__init__(
            "InvalidOriginAccessIdentity",
            f"The origin access identity is not valid or doesn't exist: {reference}",
        )


class InvalidOriginAccessControl(CloudFrontException):
    def __init__(self, control_id: str) -> None:
        super().__init__("InvalidOriginAccessControl", f"The origin access control {control_id} does not exist.")


class OriginAccessControlInUse(CloudFrontException):
    def __init__(self) -> None:
        super().__init__(
            "OriginAccessControlInUse",
            "Cannot delete the origin access control because it's in use by one or more distributions.",
        )


class IllegalOriginAccessConfiguration(CloudFrontException):
    def __init__(self) -> None:
        super().__init__(
            "IllegalOriginAccessConfiguration",
            "An origin cannot contain both an origin access control (OAC) and an origin access identity (OAI).",
        )
