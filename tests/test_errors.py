"""FCU's errors and throttling, through a real HTTP exchange on 127.0.0.1."""

from __future__ import annotations

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

NOT_FOUND = (
    b"<Response><Errors><Error><Code>InvalidSnapshotExportTaskID.NotFound</Code>"
    b"<Message>The snapshot export task ID 'snap-export-00000000' does not exist</Message>"
    b"</Error></Errors><RequestID>0c9e7d51-2b1a-4f3e-9d8c-77aa01b2c3d4</RequestID></Response>"
)
THROTTLED = (
    b"<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message>"
    b"</Error></Errors><RequestID>5f0b3c7e-9a41-4c2e-8a0d-1f6e2b9c4d10</RequestID></Response>"
)
EMPTY_TASKS = (
    b"<DescribeSnapshotExportTasksResponse><requestId>r-ok</requestId><snapshotExportTaskSet/>"
    b"</DescribeSnapshotExportTasksResponse>"
)


def client_for(session, loopback, **config):
    return session.client("fcu", endpoint_url=loopback.url, config=Config(**config))


def test_error_body_becomes_client_error_with_fcu_code(session, loopback):
    loopback.default = (400, NOT_FOUND)
    client = client_for(session, loopback)
    with pytest.raises(ClientError) as failure:
        client.describe_snapshot_export_tasks(SnapshotExportTaskIds=["snap-export-00000000"])
    error = failure.value.response["Error"]
    assert error["Code"] == "InvalidSnapshotExportTaskID.NotFound"
    assert "does not exist" in error["Message"]
    assert failure.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert failure.value.response["ResponseMetadata"]["RequestId"] == "0c9e7d51-2b1a-4f3e-9d8c-77aa01b2c3d4"
    assert failure.value.operation_name == "DescribeSnapshotExportTasks"
    assert len(loopback.requests) == 1  # a 400 is not retried


def test_modeled_exception_class_lookup_works(session, loopback):
    loopback.default = (400, NOT_FOUND)
    client = client_for(session, loopback)
    with pytest.raises(client.exceptions.ClientError):
        client.describe_snapshot_export_tasks()


@pytest.mark.parametrize("mode", ["legacy", "standard"])
def test_request_limit_exceeded_is_retried(session, loopback, mode):
    loopback.responses = [(503, THROTTLED), (503, THROTTLED)]
    loopback.default = (200, EMPTY_TASKS)
    client = client_for(session, loopback, retries={"mode": mode, "max_attempts": 5})
    result = client.describe_snapshot_export_tasks()
    assert result["SnapshotExportTasks"] == []
    assert len(loopback.requests) == 3
    assert {r["params"]["Action"] for r in loopback.requests} == {"DescribeSnapshotExportTasks"}


def test_throttling_surfaces_after_the_retry_budget(session, loopback):
    loopback.default = (503, THROTTLED)
    client = client_for(session, loopback, retries={"mode": "standard", "total_max_attempts": 2})
    with pytest.raises(ClientError) as failure:
        client.describe_volumes()
    assert failure.value.response["Error"]["Code"] == "RequestLimitExceeded"
    assert len(loopback.requests) == 2


def test_invalid_action_error(session, loopback):
    loopback.default = (
        400,
        b"<Response><Errors><Error><Code>InvalidAction</Code><Message>Action is not valid for this web "
        b"service: Foo</Message></Error></Errors><RequestID>r</RequestID></Response>",
    )
    with pytest.raises(ClientError, match="InvalidAction"):
        client_for(session, loopback).describe_quotas()


def test_loopback_sees_the_same_wire_as_the_capture(session, loopback):
    loopback.default = (200, EMPTY_TASKS)
    client_for(session, loopback).describe_snapshot_export_tasks(SnapshotExportTaskIds=["snap-export-1"])
    request = loopback.requests[0]
    assert request["params"] == {
        "Action": "DescribeSnapshotExportTasks",
        "Version": "2015-05-07",
        "SnapshotExportTaskId.1": "snap-export-1",
    }
    assert "/eu-west-2/fcu/aws4_request" in request["headers"]["Authorization"]
