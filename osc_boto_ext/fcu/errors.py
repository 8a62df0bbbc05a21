"""``FCUResponseError``: botocore's ``ClientError`` with boto2's attribute names.

Scripts written for boto2 read ``status``, ``error_code``, ``error_message``
and ``request_id`` off ``EC2ResponseError``; boto3 code catches
``ClientError`` and reads ``response``. This class serves both.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from typing import Any

from botocore.exceptions import ClientError


class FCUResponseError(ClientError):
    """FCU answered with an error (HTTP status and FCU's error code)."""

    def __init__(self, error_response: dict[str, Any], operation_name: str) -> None:
        super().__init__(error_response, operation_name)
        error = error_response.get("Error", {})
        metadata = error_response.get("ResponseMetadata", {})
        self.status: int | None = metadata.get("HTTPStatusCode")
        self.reason: str | None = _reason_phrase(self.status)
        self.error_code: str | None = error.get("Code")
        self.error_message: str | None = error.get("Message")
        self.request_id: str | None = metadata.get("RequestId")
        #: boto2 kept every ``(code, message)`` of the error envelope; FCU sends one.
        self.errors: list[tuple[str | None, str | None]] = [(self.error_code, self.error_message)]

    def __reduce__(self) -> tuple[Any, ...]:
        # ClientError pickles as plain ClientError (its subclasses are usually
        # generated); ours is importable, so keep the class and its attributes.
        return type(self), (self.response, self.operation_name)

    @classmethod
    def from_client_error(cls, error: ClientError) -> FCUResponseError:
        return cls(error.response, error.operation_name)


def _reason_phrase(status: int | None) -> str | None:
    try:
        return HTTPStatus(status).phrase if status is not None else None
    except ValueError:
        return None


@contextmanager
def fcu_errors() -> Iterator[None]:
    """Re-raise a ``ClientError`` from the wrapped call as ``FCUResponseError``."""
    try:
        yield
    except FCUResponseError:
        raise
    except ClientError as error:
        raise FCUResponseError.from_client_error(error) from error
