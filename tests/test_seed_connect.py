"""``connect_fcu_endpoint``: where requests go, how they are signed, which boto2 keywords work."""

from __future__ import annotations

import subprocess
import sys

import pytest
from botocore.config import Config
from conftest import ACCESS_KEY, SECRET_KEY, make_session

import osc_boto_ext
from osc_boto_ext import fcu
from osc_boto_ext.fcu import resolve_endpoint

EMPTY_SNAPSHOTS = (
    b"<DescribeSnapshotsResponse><requestId>r-1</requestId><snapshotSet/></DescribeSnapshotsResponse>"
)
EMPTY_TYPES = (
    b"<DescribeInstanceTypesResponse><requestId>r-2</requestId>"
    b"<instanceTypeSet/></DescribeInstanceTypesResponse>"
)


@pytest.mark.parametrize(
    "url, kwargs, expected_url, expected_region",
    [
        ("fcu.eu-west-2.outscale.com", {}, "https://fcu.eu-west-2.outscale.com", "eu-west-2"),
        ("fcu.us-east-2.outscale.com", {}, "https://fcu.us-east-2.outscale.com", "us-east-2"),
        ("fcu.cn-southeast-1.outscale.hk", {}, "https://fcu.cn-southeast-1.outscale.hk", "cn-southeast-1"),
        (
            "https://fcu.cloudgouv-eu-west-1.outscale.com/",
            {},
            "https://fcu.cloudgouv-eu-west-1.outscale.com",
            "cloudgouv-eu-west-1",
        ),
        (
            "fcu.eu-west-2.outscale.com",
            {"is_secure": False},
            "http://fcu.eu-west-2.outscale.com",
            "eu-west-2",
        ),
        (
            "fcu.eu-west-2.outscale.com",
            {"port": 8443},
            "https://fcu.eu-west-2.outscale.com:8443",
            "eu-west-2",
        ),
        (
            "fcu.eu-west-2.outscale.com",
            {"path": "api"},
            "https://fcu.eu-west-2.outscale.com/api",
            "eu-west-2",
        ),
        (
            "fcu.eu-west-2.outscale.com",
            {"region_name": "eu-west-2"},
            "https://fcu.eu-west-2.outscale.com",
            "eu-west-2",
        ),
        ("http://127.0.0.1:8080", {}, "http://127.0.0.1:8080", "eu-west-2"),
        ("http://127.0.0.1:8080", {"region_name": "us-west-1"}, "http://127.0.0.1:8080", "us-west-1"),
        ("http://127.0.0.1:8080", {"is_secure": False, "port": 8080}, "http://127.0.0.1:8080", "eu-west-2"),
        ("127.0.0.1:8080", {"is_secure": False}, "http://127.0.0.1:8080", "eu-west-2"),
        ("HTTPS://[::1]:8443/fcu/", {}, "https://[::1]:8443/fcu", "eu-west-2"),
        ("fcu.outscale.com", {}, "https://fcu.outscale.com", "eu-west-2"),
    ],
)
def test_resolve_endpoint(url, kwargs, expected_url, expected_region):
    assert resolve_endpoint(url, **kwargs) == fcu.FCUEndpoint(expected_url, expected_region)


@pytest.mark.parametrize(
    "url, kwargs, error, message",
    [
        (
            "https://fcu.eu-west-2.outscale.com",
            {"is_secure": False},
            ValueError,
            "is_secure=False contradicts",
        ),
        ("http://127.0.0.1:1", {"is_secure": True}, ValueError, "is_secure=True contradicts"),
        ("http://127.0.0.1:1", {"port": 2}, ValueError, "port=2 contradicts"),
        ("http://127.0.0.1:1/a", {"path": "/b"}, ValueError, "path='/b' contradicts"),
        ("fcu.eu-west-2.outscale.com", {"region_name": "us-east-2"}, ValueError, "serves 'eu-west-2'"),
        ("ftp://127.0.0.1", {}, ValueError, "http or https"),
        ("https://fcu.eu-west-2.outscale.com/?Action=x", {}, ValueError, "query"),
        ("", {}, ValueError, "host name or URL"),
        ("http://:80", {}, ValueError, "no host name"),
        ("fcu.eu-west-2.outscale.com", {"port": 0}, ValueError, "1 to 65535"),
        ("fcu.eu-west-2.outscale.com", {"port": "443"}, ValueError, "1 to 65535"),
        ("fcu.eu-west-2.outscale.com", {"is_secure": "yes"}, TypeError, "True or False"),
        ("fcu.eu-west-2.outscale.com", {"region_name": ""}, ValueError, "non-empty"),
    ],
)
def test_resolve_endpoint_refuses_contradictions(url, kwargs, error, message):
    with pytest.raises(error, match=message):
        resolve_endpoint(url, **kwargs)


def test_full_url_reaches_the_loopback_server_signed_for_the_region(loopback):
    loopback.default = (200, EMPTY_SNAPSHOTS)
    conn = fcu.connect_fcu_endpoint(loopback.url + "/fcu", ACCESS_KEY, SECRET_KEY, region_name="us-west-1")
    assert conn.get_all_snapshots() == []
    (request,) = loopback.requests
    assert request["path"] == "/fcu"
    assert request["headers"]["Host"] == loopback.url.removeprefix("http://")
    assert f"Credential={ACCESS_KEY}/" in request["headers"]["Authorization"]
    assert "/us-west-1/fcu/aws4_request" in request["headers"]["Authorization"]
    assert request["params"] == {"Action": "DescribeSnapshots", "Version": "2016-09-15"}


def test_bare_host_with_is_secure_false_and_port_reaches_the_loopback_server(loopback):
    loopback.default = (200, EMPTY_SNAPSHOTS)
    host, port = loopback.url.removeprefix("http://").split(":")
    conn = fcu.connect_fcu_endpoint(host, ACCESS_KEY, SECRET_KEY, is_secure=False, port=int(port))
    conn.get_all_snapshots(owner="self")
    assert loopback.requests[0]["params"]["Owner.1"] == "self"
    assert conn.endpoint_url == loopback.url


def test_bare_fcu_host_goes_to_that_host_over_https(wire):
    conn = fcu.connect_fcu_endpoint("fcu.us-east-2.outscale.com", ACCESS_KEY, SECRET_KEY, port=8443)
    capture = wire(conn.client, body=EMPTY_SNAPSHOTS)
    conn.get_all_snapshots()
    assert capture.last.url == "https://fcu.us-east-2.outscale.com:8443/"
    assert "/us-east-2/fcu/aws4_request" in capture.last.headers["Authorization"].decode()
    assert (conn.region, conn.client.meta.region_name) == ("us-east-2", "us-east-2")


def test_security_token_is_sent(wire):
    conn = fcu.connect_fcu_endpoint(
        "fcu.eu-west-2.outscale.com", ACCESS_KEY, SECRET_KEY, security_token="session-token-1"
    )
    capture = wire(conn.client, body=EMPTY_SNAPSHOTS)
    conn.get_all_snapshots()
    assert capture.last.headers["X-Amz-Security-Token"] == b"session-token-1"


def test_missing_keys_use_boto3_credential_chain(wire, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT0")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret-from-environment")
    conn = fcu.connect_fcu_endpoint("fcu.eu-west-2.outscale.com")
    capture = wire(conn.client, body=EMPTY_SNAPSHOTS)
    conn.get_all_snapshots()
    assert "Credential=AKIDFROMENVIRONMENT0/" in capture.last.headers["Authorization"].decode()


def test_profile_name_reads_the_shared_credentials_file(wire, tmp_path, monkeypatch):
    credentials = tmp_path / "credentials"
    credentials.write_text(
        "[outscale]\naws_access_key_id = AKIDFROMPROFILE00000\naws_secret_access_key = s\n"
    )
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(credentials))
    conn = fcu.connect_fcu_endpoint("fcu.eu-west-2.outscale.com", profile_name="outscale")
    capture = wire(conn.client, body=EMPTY_SNAPSHOTS)
    conn.get_all_snapshots()
    assert "Credential=AKIDFROMPROFILE00000/" in capture.last.headers["Authorization"].decode()


def test_extension_version_sets_the_version_of_outscale_calls_only(wire):
    conn = fcu.connect_fcu_endpoint(
        "fcu.eu-west-2.outscale.com", ACCESS_KEY, SECRET_KEY, extension_version="2017-06-01"
    )
    capture = wire(conn.client, body=EMPTY_TYPES)
    conn.get_all_instance_types()
    assert capture.params["Version"] == "2017-06-01"
    capture.body = EMPTY_SNAPSHOTS
    conn.get_all_snapshots()
    assert capture.params["Version"] == "2016-09-15"


def test_proxy_keywords_and_config_become_the_client_config():
    conn = fcu.connect_fcu_endpoint(
        "fcu.eu-west-2.outscale.com",
        ACCESS_KEY,
        SECRET_KEY,
        proxy="proxy.example.invalid",
        proxy_port=3128,
        proxy_user="me",
        proxy_pass="p@ss",
        config=Config(connect_timeout=7),
    )
    expected = "http://me:p%40ss@proxy.example.invalid:3128"
    assert conn.client.meta.config.proxies == {"http": expected, "https": expected}
    assert conn.client.meta.config.connect_timeout == 7


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"host": "fcu.eu-west-2.outscale.com"}, TypeError, "url argument"),
        ({"region": object()}, TypeError, "region_name="),
        ({"https_connection_factory": object()}, TypeError, "no longer takes 'https_connection_factory'"),
        ({"converter": object()}, TypeError, "no longer takes 'converter'"),
        ({"colour": "blue"}, TypeError, "unexpected keyword arguments: colour"),
        ({"debug": 2}, ValueError, "logging"),
        ({"validate_certs": "no"}, TypeError, "validate_certs"),
        ({"proxy_port": 3128}, ValueError, "without proxy="),
        ({"config": {"retries": 1}}, TypeError, "botocore.config.Config"),
    ],
)
def test_keywords_without_a_boto3_meaning_are_refused(kwargs, error, message):
    with pytest.raises(error, match=message):
        fcu.connect_fcu_endpoint("fcu.eu-west-2.outscale.com", ACCESS_KEY, SECRET_KEY, **kwargs)


def test_harmless_boto2_keywords_are_accepted():
    conn = fcu.connect_fcu_endpoint(
        "fcu.eu-west-2.outscale.com", ACCESS_KEY, SECRET_KEY, debug=0, validate_certs=True, is_secure=True
    )
    assert conn.endpoint_url == "https://fcu.eu-west-2.outscale.com"


def test_one_key_without_the_other_is_refused():
    with pytest.raises(ValueError, match="both"):
        fcu.connect_fcu_endpoint("fcu.eu-west-2.outscale.com", ACCESS_KEY)


def test_repr_shows_where_not_who():
    conn = fcu.connect_fcu_endpoint("fcu.eu-west-2.outscale.com", ACCESS_KEY, SECRET_KEY)
    assert (
        repr(conn) == "FCUConnection(endpoint_url='https://fcu.eu-west-2.outscale.com', region='eu-west-2')"
    )
    assert SECRET_KEY not in repr(conn) and ACCESS_KEY not in repr(conn)


def test_connection_wraps_a_registered_client_only():
    session = osc_boto_ext.register(make_session())
    conn = fcu.FCUConnection(session.client("fcu"))
    assert conn.client.meta.service_model.service_name == "fcu"
    with pytest.raises(TypeError, match="'fcu' client"):
        fcu.FCUConnection(make_session().client("ec2"))


def test_boto2_methods_not_carried_over_point_to_the_client():
    conn = fcu.connect_fcu_endpoint("fcu.eu-west-2.outscale.com", ACCESS_KEY, SECRET_KEY)
    with pytest.raises(AttributeError, match=r"conn\.client\."):
        conn.get_all_instances()


def test_connecting_does_not_import_moto():
    code = (
        "import sys\n"
        "from osc_boto_ext import fcu\n"
        "fcu.connect_fcu_endpoint('fcu.eu-west-2.outscale.com', 'AK', 'SK')\n"
        "assert 'moto' not in sys.modules, 'moto was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
