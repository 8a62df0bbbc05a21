"""FCU's error answers reach boto2-style callers as ``FCUResponseError``, a ``ClientError``."""

from __future__ import annotations

import pickle

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError
from conftest import ACCESS_KEY, SECRET_KEY

from osc_boto_ext import fcu

REQUEST_ID = "0f1e2d3c-4b5a-4697-8877-66554433aa11"


def error_body(code: str, message: str) -> bytes:
    return (
        f"<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors>"
        f"<RequestID>{REQUEST_ID}</RequestID></Response>"
    ).encode()


@pytest.fixture
def conn(loopback):
    # No retries: each test expects exactly the one answer it queued.
    no_retries = Config(retries={"total_max_attempts": 1})
    return fcu.connect_fcu_endpoint(loopback.url, ACCESS_KEY, SECRET_KEY, config=no_retries)


def test_server_error_carries_boto2_and_boto3_attributes(conn, loopback):
    message = "The Snapshot ID does not exist: snap-00000000, for account: 123456789012"
    loopback.responses.append((400, error_body("InvalidSnapshot.NotFound", message)))
    with pytest.raises(fcu.FCUResponseError) as caught:
        conn.export_snapshot("snap-00000000", "bucket", "qcow2")
    error = caught.value
    assert isinstance(error, ClientError)
    assert (error.status, error.reason) == (400, "Bad Request")
    assert (error.error_code, error.error_message, error.request_id) == (
        "InvalidSnapshot.NotFound",
        message,
        REQUEST_ID,
    )
    assert error.errors == [("InvalidSnapshot.NotFound", message)]
    assert error.operation_name == "CreateSnapshotExportTask"
    assert error.response["Error"]["Code"] == "InvalidSnapshot.NotFound"
    assert isinstance(error.__cause__, ClientError)
    assert "InvalidSnapshot.NotFound" in str(error)
    assert loopback.requests[0]["params"]["Action"] == "CreateSnapshotExportTask"


CALLS = {
    "export_snapshot": lambda conn: conn.export_snapshot("snap-1", "b", "qcow2"),
    "get_all_snapshot_export_tasks": lambda conn: conn.get_all_snapshot_export_tasks(["snap-export-0"]),
    "get_all_instance_types": lambda conn: conn.get_all_instance_types(filters={"foo": "x"}),
    "get_product_type": lambda conn: conn.get_product_type(image_id="ami-1"),
    "get_all_product_types": lambda conn: conn.get_all_product_types(),
    "get_all_snapshots": lambda conn: conn.get_all_snapshots(owner="self"),
}


@pytest.mark.parametrize("method", sorted(CALLS))
def test_every_method_maps_errors(conn, loopback, method):
    loopback.responses.append((401, error_body("AuthFailure", "Outscale was not able to validate")))
    with pytest.raises(fcu.FCUResponseError) as caught:
        CALLS[method](conn)
    assert (caught.value.status, caught.value.error_code) == (401, "AuthFailure")
    assert caught.value.request_id == REQUEST_ID
    assert len(loopback.requests) == 1


def test_dry_run_answer_is_an_error_as_in_boto2(conn, loopback):
    loopback.responses.append((412, error_body("DryRunOperation", "Request would have succeeded")))
    with pytest.raises(fcu.FCUResponseError) as caught:
        conn.get_all_instance_types(dry_run=True)
    assert (caught.value.status, caught.value.error_code) == (412, "DryRunOperation")
    assert loopback.requests[0]["params"]["DryRun"] == "true"


def test_the_error_survives_pickling(conn, loopback):
    loopback.responses.append((400, error_body("InvalidFilter", "The filter 'foo' is invalid")))
    with pytest.raises(fcu.FCUResponseError) as caught:
        conn.get_all_instance_types(filters={"foo": "x"})
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is fcu.FCUResponseError
    assert (copy.status, copy.error_code, copy.error_message) == (
        400,
        "InvalidFilter",
        "The filter 'foo' is invalid",
    )


def test_the_boto3_client_keeps_raising_its_own_errors(conn, loopback):
    loopback.responses.append((400, error_body("InvalidFilter", "The filter 'foo' is invalid")))
    with pytest.raises(ClientError) as caught:
        conn.client.describe_instance_types(Filters=[{"Name": "foo", "Values": ["x"]}])
    assert not isinstance(caught.value, fcu.FCUResponseError)
    assert caught.value.response["Error"]["Code"] == "InvalidFilter"
