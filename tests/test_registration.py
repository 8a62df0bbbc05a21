"""register(): every kind of session, idempotence, and no effect on other services."""

from __future__ import annotations

import boto3
import botocore.session
import pytest
from botocore.exceptions import UnknownServiceError
from conftest import ACCESS_KEY, REGION, SECRET_KEY, WireCapture, make_session

import osc_boto_ext
from osc_boto_ext import DATA_PATH

DESCRIBE_REGIONS = b"<DescribeRegionsResponse><requestId>r</requestId></DescribeRegionsResponse>"


def test_default_session(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", ACCESS_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
    returned = osc_boto_ext.register()
    assert returned is boto3.DEFAULT_SESSION
    client = boto3.client("fcu", region_name=REGION)
    assert client.meta.service_model.service_name == "fcu"
    assert client.meta.endpoint_url == "https://fcu.eu-west-2.outscale.com"


def test_boto3_session_returns_same_session():
    session = make_session()
    assert osc_boto_ext.register(session) is session
    assert type(session.client("fcu")).__name__ == "FCU"


def test_botocore_session():
    core = botocore.session.get_session()
    osc_boto_ext.register(core)
    client = core.create_client(
        "fcu", region_name=REGION, aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY
    )
    wire = WireCapture(client, DESCRIBE_REGIONS)
    client.describe_instance_types()
    assert wire.params["Version"] == "2015-05-07"


def test_rejects_other_objects():
    with pytest.raises(TypeError, match="boto3.Session or a botocore session"):
        osc_boto_ext.register("eu-west-2")


def test_unregistered_session_does_not_know_fcu():
    with pytest.raises(UnknownServiceError):
        make_session().client("fcu")


def test_session_that_already_made_clients():
    session = make_session()
    session.client("ec2")
    assert "fcu" not in session.get_available_services()
    osc_boto_ext.register(session)
    assert "fcu" in session.get_available_services()
    assert session.client("fcu").meta.endpoint_url == "https://fcu.eu-west-2.outscale.com"


def test_other_sessions_are_untouched():
    registered, other = make_session(), make_session()
    osc_boto_ext.register(registered)
    registered.client("fcu")
    with pytest.raises(UnknownServiceError):
        other.client("fcu")


def test_registering_twice_changes_nothing():
    session = make_session()
    osc_boto_ext.register(session)
    osc_boto_ext.register(session)
    loader = session._session.get_component("data_loader")
    assert loader.search_paths.count(DATA_PATH) == 1
    client = session.client("fcu")
    wire = WireCapture(client, b"<RunInstancesResponse/>")
    client.run_instances(ImageId="ami-12345678", MinCount=1, MaxCount=1, UserData="hello")
    assert wire.params["UserData"] == "aGVsbG8="  # encoded once, not twice


def test_extension_version_can_be_overridden_and_replaced():
    session = make_session()
    osc_boto_ext.register(session, extension_version="2017-06-01")
    client = session.client("fcu")
    wire = WireCapture(client, b"<DescribeQuotasResponse/>")
    client.describe_quotas()
    assert wire.params["Version"] == "2017-06-01"
    osc_boto_ext.register(session)  # clients copy the session's handlers when made
    client = session.client("fcu")
    wire = WireCapture(client, b"<DescribeQuotasResponse/>")
    client.describe_quotas()
    assert wire.params["Version"] == "2015-05-07"
    client.describe_volumes()
    assert wire.params["Version"] == "2016-09-15"


def _ec2_request(session, monkeypatch):
    import botocore.auth

    if hasattr(botocore.auth, "get_current_datetime"):
        import datetime

        frozen = datetime.datetime(2026, 1, 2, 3, 4, 5)
        monkeypatch.setattr(botocore.auth, "get_current_datetime", lambda *a, **k: frozen)
    client = session.client("ec2")
    wire = WireCapture(client, b"<DescribeNatGatewaysResponse/>")
    client.describe_nat_gateways(Filters=[{"Name": "state", "Values": ["available"]}])
    client.run_instances(ImageId="ami-12345678", MinCount=1, MaxCount=1, UserData="hello", ClientToken="t")
    volatile = {"amz-sdk-invocation-id", "amz-sdk-request"}
    if not hasattr(botocore.auth, "get_current_datetime"):
        volatile |= {"X-Amz-Date", "Authorization"}
    return [
        (r.method, r.url, r.body, {k: v for k, v in r.headers.items() if k not in volatile})
        for r in wire.requests
    ]


def test_ec2_requests_are_byte_identical_before_and_after(monkeypatch):
    session = make_session()
    before = _ec2_request(session, monkeypatch)
    osc_boto_ext.register(session)
    after = _ec2_request(session, monkeypatch)
    assert before == after
    assert "Filter.1.Name=state" in before[0][2]
