"""FCU's timestamp and header rules, on hand-made requests (no client would send these)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from osc_boto_ext.local.auth import IncomingRequest, SigV4Verifier
from osc_boto_ext.local.exceptions import FcuError

KEY, SECRET, REGION = "AKLOCAL000000000000", "local-secret", "eu-west-2"
BODY = b"Action=DescribeVolumes&Version=2016-09-15"


def signed(at: datetime) -> IncomingRequest:
    request = AWSRequest(
        method="POST",
        url="http://127.0.0.1:8080/",
        data=BODY,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Host": "127.0.0.1:8080"},
    )
    signer = SigV4Auth(Credentials(KEY, SECRET), "fcu", REGION)
    request.context["timestamp"] = at.strftime("%Y%m%dT%H%M%SZ")
    request.headers["X-Amz-Date"] = request.context["timestamp"]
    canonical = signer.canonical_request(request)
    signature = signer.signature(signer.string_to_sign(request, canonical), request)
    scope = f"{KEY}/{at:%Y%m%d}/{REGION}/fcu/aws4_request"
    headers = {name.lower(): value for name, value in request.headers.items()}
    signed_headers = "content-type;host;x-amz-date"
    headers["authorization"] = (
        f"AWS4-HMAC-SHA256 Credential={scope}, SignedHeaders={signed_headers}, Signature={signature}"
    )
    return IncomingRequest("POST", "/", headers, BODY)


def code_of(request: IncomingRequest, now: datetime) -> str:
    with pytest.raises(FcuError) as caught:
        SigV4Verifier(KEY, SECRET, REGION).verify(request, ("fcu",), now=now)
    return caught.value.code


NOW = datetime(2026, 12, 4, 12, 0, tzinfo=timezone.utc)


def test_a_correct_signature_passes():
    credential = SigV4Verifier(KEY, SECRET, REGION).verify(signed(NOW), ("fcu",), now=NOW)
    assert (credential.access_key, credential.service, credential.region) == (KEY, "fcu", REGION)


def test_800_seconds_old_passes_a_day_old_expires():
    SigV4Verifier(KEY, SECRET, REGION).verify(signed(NOW - timedelta(seconds=800)), ("fcu",), now=NOW)
    assert code_of(signed(NOW - timedelta(days=1)), NOW) == "RequestExpired"


def test_malformed_and_missing_timestamps():
    request = signed(NOW)
    request.headers["x-amz-date"] = "yesterday"
    assert code_of(request, NOW) == "InvalidParameterValue"
    del request.headers["x-amz-date"]
    assert code_of(request, NOW) == "MissingParameter"


def test_malformed_authorization_is_auth_failure():
    request = signed(NOW)
    request.headers["authorization"] = "AWS AKLOCAL000000000000:c2lnbmF0dXJl"
    assert code_of(request, NOW) == "AuthFailure"


def test_a_signed_header_missing_from_the_request_is_a_mismatch():
    request = signed(NOW)
    del request.headers["content-type"]
    assert code_of(request, NOW) == "SignatureDoesNotMatch"
