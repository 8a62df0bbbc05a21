"""Errors the local endpoint answers with, in FCU's words.

Raising one anywhere in request handling ends the request with the EC2 error
envelope, the error's HTTP status and FCU's error code, so a boto3 client
sees a ``ClientError`` carrying exactly that code.
"""

from __future__ import annotations


class FcuError(Exception):
    """An FCU error: ``code`` and ``message`` go into the envelope."""

    status = 400

    def __init__(self, code: str, message: str, status: int | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        if status is not None:
            self.status = status


def missing_parameter(name: str) -> FcuError:
    return FcuError("MissingParameter", f"The request must contain the parameter: {name}")


def invalid_value(message: str) -> FcuError:
    return FcuError("InvalidParameterValue", message)


def auth_failure(detail: str = "") -> FcuError:
    message = "Outscale was not able to validate the provided access credentials."
    return FcuError("AuthFailure", f"{message} {detail}".strip(), status=401)


def signature_mismatch(detail: str = "") -> FcuError:
    message = (
        "The request signature we calculated does not match the signature you provided. "
        "Check your Secret Access Key and signing method."
    )
    return FcuError("SignatureDoesNotMatch", f"{message} {detail}".strip(), status=403)
