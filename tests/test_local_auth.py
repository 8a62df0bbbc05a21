"""The local endpoint checks SigV4 as FCU does: tested with real signed requests."""

from __future__ import annotations

import urllib.request
from datetime import datetime, timedelta, timezone

import boto3
import pytest
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import ClientError

import osc_boto_ext


def fcu_client(endpoint, **session_kwargs):
    options = dict(
        aws_access_key_id=endpoint.access_key,
        aws_secret_access_key=endpoint.secret_key,
        region_name=endpoint.region_name,
    )
    options.update(session_kwargs)
    session = osc_boto_ext.register(boto3.Session(**options))
    return session.client("fcu", endpoint_url=endpoint.endpoint_url)


def error_of(call, *args, **kwargs):
    with pytest.raises(ClientError) as caught:
        call(*args, **kwargs)
    response = caught.value.response
    return (
        response["Error"]["Code"],
        response["ResponseMetadata"]["HTTPStatusCode"],
        response["Error"]["Message"],
    )


def test_the_endpoints_own_keys_are_accepted(endpoint):
    assert fcu_client(endpoint).describe_volumes()["Volumes"] == []


def test_unknown_access_key_is_auth_failure_401(endpoint):
    client = fcu_client(endpoint, aws_access_key_id="AKUNKNOWN0000000000")
    code, status, _ = error_of(client.describe_volumes)
    assert (code, status) == ("AuthFailure", 401)


def test_wrong_secret_is_signature_does_not_match_403(endpoint):
    client = fcu_client(endpoint, aws_secret_access_key="not-the-secret")
    code, status, _ = error_of(client.describe_volumes)
    assert (code, status) == ("SignatureDoesNotMatch", 403)


def test_request_dated_a_day_ago_is_request_expired_400(endpoint, monkeypatch):
    day_ago = datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(days=1)
    monkeypatch.setattr("botocore.auth.get_current_datetime", lambda: day_ago)
    code, status, message = error_of(fcu_client(endpoint).describe_volumes)
    assert (code, status) == ("RequestExpired", 400)
    assert day_ago.strftime("%Y%m%dT%H%M%SZ") in message


def test_request_dated_ten_minutes_ago_is_accepted(endpoint, monkeypatch):
    # FCU accepted a request 800 s old (reference §1.2).
    recent = datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(minutes=10)
    monkeypatch.setattr("botocore.auth.get_current_datetime", lambda: recent)
    assert "Volumes" in fcu_client(endpoint).describe_volumes()


def test_unsigned_request_is_auth_failure_401(endpoint):
    client = boto3.Session(region_name=endpoint.region_name)
    client = osc_boto_ext.register(client).client(
        "fcu", endpoint_url=endpoint.endpoint_url, config=Config(signature_version=UNSIGNED)
    )
    code, status, _ = error_of(client.describe_volumes)
    assert (code, status) == ("AuthFailure", 401)


def test_body_changed_after_signing_is_refused(endpoint):
    client = fcu_client(endpoint)

    def tamper(request, **kwargs):
        request.body = request.body.replace("MaxResults=5", "MaxResults=6")

    client.meta.events.register("before-send.fcu.DescribeVolumes", tamper)
    code, status, _ = error_of(client.describe_volumes, MaxResults=5)
    assert (code, status) == ("SignatureDoesNotMatch", 403)


def test_signature_scoped_to_another_region_is_refused(endpoint):
    client = osc_boto_ext.register(
        boto3.Session(
            aws_access_key_id=endpoint.access_key,
            aws_secret_access_key=endpoint.secret_key,
            region_name="us-east-2",
        )
    ).client("fcu", endpoint_url=endpoint.endpoint_url)
    code, status, message = error_of(client.describe_volumes)
    assert (code, status) == ("SignatureDoesNotMatch", 403)
    assert "us-east-2" in message


def test_stock_ec2_client_signing_as_ec2_is_accepted(endpoint):
    # Outscale's own osc-bsu-backup drives FCU with a plain boto3 'ec2' client.
    ec2 = boto3.Session(
        aws_access_key_id=endpoint.access_key,
        aws_secret_access_key=endpoint.secret_key,
        region_name=endpoint.region_name,
    ).client("ec2", endpoint_url=endpoint.endpoint_url)
    sent = []
    ec2.meta.events.register(
        "before-send", lambda request, **kw: sent.append(request.headers["Authorization"])
    )
    assert ec2.describe_volumes()["Volumes"] == []
    assert b"/ec2/aws4_request" in sent[0]


def test_action_fcu_does_not_have_is_invalid_action(endpoint):
    ec2 = boto3.Session(
        aws_access_key_id=endpoint.access_key,
        aws_secret_access_key=endpoint.secret_key,
        region_name=endpoint.region_name,
    ).client("ec2", endpoint_url=endpoint.endpoint_url)
    code, status, message = error_of(ec2.describe_fleets)
    assert (code, status) == ("InvalidAction", 400)
    assert message == "Action is not valid for this web service: DescribeFleets"


@pytest.mark.parametrize("operation", ["describe_regions", "read_public_ip_ranges"])
def test_the_two_public_actions_need_no_signature(endpoint, operation):
    client = fcu_client(endpoint)
    sent = []
    client.meta.events.register("before-send", lambda request, **kw: sent.append(dict(request.headers)))
    answer = getattr(client, operation)()
    assert "Authorization" not in sent[0]
    assert answer.get("Regions") or answer.get("PublicIps")


def test_errors_use_the_ec2_envelope(endpoint):
    request = urllib.request.Request(
        endpoint.endpoint_url,
        data=b"Action=DescribeVolumes&Version=2016-09-15",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=10)
    body = caught.value.read().decode()
    assert caught.value.code == 401
    assert "<Response><Errors><Error><Code>AuthFailure</Code>" in body
    assert "<RequestID>" in body


def test_osu_requires_the_endpoints_keys(endpoint):
    def s3(**kwargs):
        options = dict(aws_access_key_id=endpoint.access_key, aws_secret_access_key=endpoint.secret_key)
        options.update(kwargs)
        return boto3.Session(region_name=endpoint.region_name, **options).client(
            "s3", endpoint_url=endpoint.endpoint_url, config=Config(s3={"addressing_style": "path"})
        )

    assert "Buckets" in s3().list_buckets()
    assert error_of(s3(aws_access_key_id="AKUNKNOWN0000000000").list_buckets)[:2] == (
        "InvalidAccessKeyId",
        403,
    )
    assert error_of(s3(aws_secret_access_key="wrong").list_buckets)[:2] == ("SignatureDoesNotMatch", 403)
