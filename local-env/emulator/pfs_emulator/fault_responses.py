"""Error responses for injected faults, shaped the way each service shapes its own errors.

The SDK decides what to retry from the status and the error code, so both must be the ones the
service really sends:
- S3 (REST, bare <Error> document): SlowDown 503, InternalError 500, ServiceUnavailable 503
  https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
- Lambda (REST-JSON, code in the X-Amzn-ErrorType header): TooManyRequestsException 429,
  ServiceException 500 https://docs.aws.amazon.com/lambda/latest/api/API_GetFunction.html#API_GetFunction_Errors
  and ServiceUnavailable 503 https://docs.aws.amazon.com/lambda/latest/api/CommonErrors.html
- CloudFront (REST-XML <ErrorResponse>): Throttling 400 (the code CloudFront sends when its rate
  limit is hit), InternalFailure 500, ServiceUnavailable 503
  https://docs.aws.amazon.com/cloudfront/latest/APIReference/CommonErrors.html
- IAM and other Query services (<ErrorResponse>): Throttling 400, ServiceFailure 500 (IAM)
  https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html
"""

from __future__ import annotations

import uuid
from xml.sax.saxutils import escape

# The errors a test can ask for; the first two both mean "this service's throttling error".
THROTTLING, SLOW_DOWN, INTERNAL_ERROR, SERVICE_UNAVAILABLE = "Throttling", "SlowDown", "InternalError", "ServiceUnavailable"
FAULT_KINDS = frozenset({THROTTLING, SLOW_DOWN, INTERNAL_ERROR, SERVICE_UNAVAILABLE})

_UNAVAILABLE = (503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.")
_INTERNAL_FAILURE = (500, "InternalFailure", "The request processing has failed because of an unknown error, exception or failure.")
_RATE_EXCEEDED = (400, "Throttling", "Rate exceeded")

# service -> fault kind -> (status, code, message)
_ERRORS = {
    "s3": {
        THROTTLING: (503, "SlowDown", "Please reduce your request rate."),
        INTERNAL_ERROR: (500, "InternalError", "We encountered an internal error. Please try again."),
        SERVICE_UNAVAILABLE: (503, "ServiceUnavailable", "Service is unable to handle request."),
    },
    "lambda": {
        THROTTLING: (429, "TooManyRequestsException", "Rate exceeded"),
        INTERNAL_ERROR: (500, "ServiceException", "The AWS Lambda service encountered an internal error."),
        SERVICE_UNAVAILABLE: _UNAVAILABLE,
    },
    "iam": {
        THROTTLING: _RATE_EXCEEDED,
        INTERNAL_ERROR: (500, "ServiceFailure", _INTERNAL_FAILURE[2]),
        SERVICE_UNAVAILABLE: _UNAVAILABLE,
    },
}
_DEFAULT_ERRORS = {THROTTLING: _RATE_EXCEEDED, INTERNAL_ERROR: _INTERNAL_FAILURE, SERVICE_UNAVAILABLE: _UNAVAILABLE}

_QUERY_NAMESPACES = {
    "cloudfront": "http://cloudfront.amazonaws.com/doc/2020-05-31/",
    "iam": "https://iam.amazonaws.com/doc/2010-05-08/",
    "sts": "https://sts.amazonaws.com/doc/2011-06-15/",
}
_JSON_SERVICES = frozenset({"lambda"})


def fault_response(service: str, fault: str, method: str) -> tuple[int, list[tuple[str, str]], bytes]:
    """(status, headers, body) of the error `service` answers with for the fault `fault`."""
    kind = THROTTLING if fault == SLOW_DOWN else fault
    status, code, message = _ERRORS.get(service, _DEFAULT_ERRORS)[kind]
    request_id = str(uuid.uuid4())
    if service in _JSON_SERVICES:
        headers = [("Content-Type", "application/json"), ("X-Amzn-ErrorType", code), ("X-Amzn-RequestId", request_id)]
        body = f'{{"Type": "{"User" if status < 500 else "Service"}", "message": "{message}"}}'
    elif service == "s3":
        headers = [("Content-Type", "application/xml"), ("x-amz-request-id", request_id)]
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f"<Error><Code>{code}</Code><Message>{escape(message)}</Message><RequestId>{request_id}</RequestId></Error>"
        )
    else:
        namespace = _QUERY_NAMESPACES.get(service)
        xmlns = f' xmlns="{namespace}"' if namespace else ""
        fault_type = "Sender" if status < 500 else "Receiver"
        headers = [("Content-Type", "text/xml"), ("x-amzn-RequestId", request_id)]
        body = (
            f'<?xml version="1.0"?>\n<ErrorResponse{xmlns}><Error><Type>{fault_type}</Type><Code>{code}</Code>'
            f"<Message>{escape(message)}</Message></Error><RequestId>{request_id}</RequestId></ErrorResponse>"
        )
    payload = b"" if method == "HEAD" else body.encode()
    headers.append(("Content-Length", str(len(payload))))
    return status, headers, payload
