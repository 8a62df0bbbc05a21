"""SigV4 verification, as FCU does it, for requests reaching the local endpoint.

The signature is recomputed with botocore's own signer (``SigV4Auth`` /
``S3SigV4Auth`` and their public canonicalisation steps) over exactly the
headers the client said it signed, then compared in constant time. Nothing
here knows about moto.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import unquote

from botocore.auth import S3SigV4Auth, S3SigV4QueryAuth, SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from osc_boto_ext.local.exceptions import (
    FcuError,
    auth_failure,
    invalid_value,
    missing_parameter,
    signature_mismatch,
)

#: FCU accepted a request 800 s old and refused one a day old (reference §1.2);
#: we allow 15 minutes either way, AWS's usual window.
MAX_CLOCK_SKEW = timedelta(minutes=15)

_AUTH_HEADER = re.compile(
    r"^AWS4-HMAC-SHA256\s+Credential=(?P<credential>[^,\s]+)\s*,\s*"
    r"SignedHeaders=(?P<signed>[^,\s]+)\s*,\s*Signature=(?P<signature>[0-9a-fA-F]+)\s*$"
)
_AMZ_DATE_FORMAT = "%Y%m%dT%H%M%SZ"


@dataclass
class IncomingRequest:
    """What arrived on the wire: enough to recompute its signature."""

    method: str
    raw_uri: str  # path and query exactly as sent
    headers: dict[str, str]  # lower-case names
    body: bytes = b""
    scheme: str = "http"

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@dataclass
class Credential:
    """The parsed ``Credential=`` scope of an Authorization header."""

    access_key: str
    date: str
    region: str
    service: str
    signed_headers: list[str] = field(default_factory=list)
    signature: str = ""


def parse_authorization(value: str | None) -> Credential | None:
    """The credential scope of a SigV4 Authorization header, or None if absent."""
    if not value:
        return None
    match = _AUTH_HEADER.match(value.strip())
    if not match:
        raise auth_failure("The Authorization header is not a valid AWS4-HMAC-SHA256 signature.")
    parts = match["credential"].split("/")
    if len(parts) != 5 or parts[4] != "aws4_request" or not parts[0]:
        raise auth_failure("The credential scope is malformed.")
    return Credential(
        access_key=parts[0],
        date=parts[1],
        region=parts[2],
        service=parts[3],
        signed_headers=match["signed"].lower().split(";"),
        signature=match["signature"].lower(),
    )


def request_time(request: IncomingRequest) -> datetime:
    """The request's ``X-Amz-Date``, checked as FCU checks it."""
    stamp = request.header("x-amz-date")
    if not stamp:
        raise missing_parameter("X-Amz-Date")
    try:
        return datetime.strptime(stamp, _AMZ_DATE_FORMAT).replace(tzinfo=timezone.utc)
    except ValueError:
        raise invalid_value(f"Invalid value for parameter X-Amz-Date: {stamp}") from None


class SigV4Verifier:
    """Checks requests against one key pair, one region and a set of signing names."""

    def __init__(self, access_key: str, secret_key: str, region: str) -> None:
        self.access_key = access_key
        self.secret_key = secret_key
        self.region = region

    def verify(
        self,
        request: IncomingRequest,
        services: tuple[str, ...],
        now: datetime | None = None,
        check_region: bool = True,
    ) -> Credential:
        """Return the request's credential, or raise the FCU error for it.

        Order of checks: signed at all, our key, fresh, right scope, right
        signature; the first failure is the error answered.
        """
        credential = parse_authorization(request.header("authorization"))
        if credential is None:
            raise auth_failure("The request is not signed.")
        if credential.access_key != self.access_key:
            raise auth_failure(f"Unknown access key: {credential.access_key}.")
        signed_at = request_time(request)
        now = now or datetime.now(timezone.utc)
        if abs(now - signed_at) > MAX_CLOCK_SKEW:
            raise FcuError(
                "RequestExpired",
                f"Request has expired. Timestamp date is {request.header('x-amz-date')}.",
            )
        if credential.service not in services:
            raise signature_mismatch(f"Credential should be scoped to a valid service: {services[0]}.")
        if check_region and credential.region != self.region:
            raise signature_mismatch(
                f"Credential should be scoped to a valid region, not '{credential.region}'."
            )
        declared = request.header("x-amz-content-sha256")
        if declared and _is_hex_digest(declared) and declared != hashlib.sha256(request.body).hexdigest():
            raise signature_mismatch("The body does not match its x-amz-content-sha256 header.")
        expected = self.expected_signature(request, credential)
        if not hmac.compare_digest(expected, credential.signature):
            raise signature_mismatch()
        return credential

    def expected_signature(self, request: IncomingRequest, credential: Credential) -> str:
        """Recompute the signature with botocore's signer and our secret."""
        missing = [name for name in credential.signed_headers if request.header(name) is None]
        if missing:
            raise signature_mismatch(f"Signed header(s) missing from the request: {', '.join(missing)}.")
        host = request.header("host") or "localhost"
        rebuilt = AWSRequest(
            method=request.method,
            url=f"{request.scheme}://{host}{request.raw_uri}",
            headers={name: request.header(name) for name in credential.signed_headers},
            data=request.body,
        )
        rebuilt.context["timestamp"] = request.header("x-amz-date")
        signer_class = S3SigV4Auth if credential.service == "s3" else SigV4Auth
        signer = signer_class(
            Credentials(self.access_key, self.secret_key), credential.service, credential.region
        )
        canonical = signer.canonical_request(rebuilt)
        string_to_sign = signer.string_to_sign(rebuilt, canonical)
        return signer.signature(string_to_sign, rebuilt)


def verify_presigned(request: IncomingRequest, verifier: SigV4Verifier, now: datetime | None = None) -> None:
    """Check an S3 presigned URL (query-string SigV4) against the endpoint's key pair.

    Raises ``FcuError`` with S3's codes: ``InvalidAccessKeyId``, ``AccessDenied``
    (expired) or ``SignatureDoesNotMatch``.
    """
    path, _, query = request.raw_uri.partition("?")
    fields = dict(pair.split("=", 1) for pair in query.split("&") if "=" in pair)
    credential = unquote(fields.get("X-Amz-Credential", "")).split("/")
    if len(credential) != 5 or credential[0] != verifier.access_key:
        raise FcuError("InvalidAccessKeyId", "The access key you provided does not exist.", status=403)
    try:
        signed_at = datetime.strptime(fields["X-Amz-Date"], _AMZ_DATE_FORMAT).replace(tzinfo=timezone.utc)
        expires = timedelta(seconds=int(fields["X-Amz-Expires"]))
    except (KeyError, ValueError):
        raise FcuError("AccessDenied", "The presigned URL is malformed.", status=403) from None
    if (now or datetime.now(timezone.utc)) > signed_at + expires:
        raise FcuError("AccessDenied", "Request has expired", status=403)
    unsigned_query = "&".join(p for p in query.split("&") if not p.startswith("X-Amz-Signature="))
    signed_headers = unquote(fields.get("X-Amz-SignedHeaders", "host")).split(";")
    host = request.header("host") or "localhost"
    rebuilt = AWSRequest(
        method=request.method,
        url=f"{request.scheme}://{host}{path}?{unsigned_query}",
        headers={name: request.header(name) or "" for name in signed_headers},
    )
    rebuilt.context["timestamp"] = fields["X-Amz-Date"]
    signer = S3SigV4QueryAuth(Credentials(verifier.access_key, verifier.secret_key), "s3", credential[2])
    canonical = signer.canonical_request(rebuilt)
    expected = signer.signature(signer.string_to_sign(rebuilt, canonical), rebuilt)
    if not hmac.compare_digest(expected, fields.get("X-Amz-Signature", "")):
        raise FcuError(
            "SignatureDoesNotMatch", "The request signature we calculated does not match.", status=403
        )


def _is_hex_digest(value: str) -> bool:
    return len(value) == 64 and all(c in "0123456789abcdef" for c in value.lower())
