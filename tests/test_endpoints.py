"""Where an fcu client sends its requests, and what it says it does."""

from __future__ import annotations

import pytest
from botocore.config import Config
from botocore.exceptions import EndpointResolutionError, NoRegionError
from conftest import make_session

import osc_boto_ext

PUBLIC_REGIONS = ["eu-west-2", "us-east-2", "us-west-1", "cloudgouv-eu-west-1", "ap-northeast-1"]


@pytest.mark.parametrize("region", [*PUBLIC_REGIONS, "cloudgouv-eu-west-2", "in-west-1"])
def test_region_alone_reaches_outscale(session, wire, region):
    client = session.client("fcu", region_name=region)
    expected = f"https://fcu.{region}.outscale.com"
    assert client.meta.endpoint_url == expected
    assert client.meta.region_name == region
    capture = wire(client)
    client.describe_volumes()
    assert capture.last.url == expected + "/"
    assert f"/{region}/fcu/aws4_request" in capture.last.headers["Authorization"].decode()


def test_endpoint_url_wins(session, wire):
    client = session.client("fcu", endpoint_url="http://127.0.0.1:8999")
    assert client.meta.endpoint_url == "http://127.0.0.1:8999"
    capture = wire(client)
    client.describe_volumes()
    assert capture.last.url == "http://127.0.0.1:8999/"
    assert "/eu-west-2/fcu/aws4_request" in capture.last.headers["Authorization"].decode()


def test_aws_endpoint_url_fcu_wins(monkeypatch, wire):
    monkeypatch.setenv("AWS_ENDPOINT_URL_FCU", "http://127.0.0.1:8998")
    client = osc_boto_ext.register(make_session()).client("fcu")
    assert client.meta.endpoint_url == "http://127.0.0.1:8998"
    capture = wire(client)
    client.describe_volumes()
    assert capture.last.url == "http://127.0.0.1:8998/"


def test_aws_endpoint_url_fcu_does_not_move_ec2(monkeypatch):
    monkeypatch.setenv("AWS_ENDPOINT_URL_FCU", "http://127.0.0.1:8998")
    session = osc_boto_ext.register(make_session())
    assert session.client("ec2").meta.endpoint_url == "https://ec2.eu-west-2.amazonaws.com"


def test_use_ssl_false_gives_http(session):
    assert session.client("fcu", use_ssl=False).meta.endpoint_url == "http://fcu.eu-west-2.outscale.com"


@pytest.mark.parametrize(
    "config,word",
    [(Config(use_fips_endpoint=True), "FIPS"), (Config(use_dualstack_endpoint=True), "dual-stack")],
)
def test_fips_and_dualstack_are_clear_errors(session, config, word):
    with pytest.raises(EndpointResolutionError, match=word):
        session.client("fcu", config=config)


def test_fips_from_environment_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("AWS_USE_FIPS_ENDPOINT", "true")
    with pytest.raises(EndpointResolutionError, match="no FIPS endpoints"):
        osc_boto_ext.register(make_session()).client("fcu")


def test_no_region_is_botocores_usual_error():
    session = osc_boto_ext.register(make_session(region_name=None))
    with pytest.raises(NoRegionError):
        session.client("fcu")
