"""The original README's usage, unchanged but for the import line, run against a loopback FCU.

Also checks that each row of the README's migration table
sends the same request from both columns.
"""

from __future__ import annotations

from pathlib import Path

import boto3
import pytest
from conftest import ACCESS_KEY, SECRET_KEY

import osc_boto_ext
from osc_boto_ext import fcu

#: The seed README's two usage blocks, without the ``>>>`` prompts; only the import differs.
README_CONNECT = """\
from osc_boto_ext import fcu
conn = fcu.connect_fcu_endpoint('fcu.eu-west-2.outscale.com',
                                aws_access_key_id=AK,
                                aws_secret_access_key=SK)
"""
README_EXPORT = """\
snap = conn.get_all_snapshots(owner='self')[0]
export_task = conn.export_snapshots(snap.id, 'bucket', 'qcow2')
"""

README = Path(__file__).resolve().parent.parent / "README.md"

DESCRIBE_SNAPSHOTS = b"""<DescribeSnapshotsResponse xmlns="http://ec2.amazonaws.com/doc/2016-09-15/">
  <requestId>11111111-2222-4333-8444-555555555555</requestId>
  <snapshotSet>
    <item>
      <snapshotId>snap-4a5b6c7d</snapshotId><volumeId>vol-1a2b3c4d</volumeId><status>completed</status>
      <startTime>2024-03-01T10:20:30.000Z</startTime><progress>100%</progress>
      <ownerId>123456789012</ownerId><volumeSize>10</volumeSize><encrypted>false</encrypted>
    </item>
  </snapshotSet>
</DescribeSnapshotsResponse>"""

CREATE_SNAPSHOT_EXPORT_TASK = b"""<CreateSnapshotExportTaskResponse xmlns="http://ec2.amazonaws.com/doc/2016-09-15/">
  <requestId>5f0b3c7e-9a41-4c2e-8a0d-1f6e2b9c4d10</requestId>
  <snapshotExportTask>
    <snapshotExportTaskId>snap-export-7c1d2e3f</snapshotExportTaskId>
    <state>pending</state>
    <completion>0</completion>
    <snapshotExport><snapshotId>snap-4a5b6c7d</snapshotId></snapshotExport>
    <exportToOsu><diskImageFormat>qcow2</diskImageFormat><osuBucket>bucket</osuBucket></exportToOsu>
  </snapshotExportTask>
</CreateSnapshotExportTaskResponse>"""

DESCRIBE_COMPLETED_EXPORT = b"""<DescribeSnapshotExportTasksResponse>
  <requestId>0c9e7d51-2b1a-4f3e-9d8c-77aa01b2c3d4</requestId>
  <snapshotExportTaskSet><item>
    <snapshotExportTaskId>snap-export-7c1d2e3f</snapshotExportTaskId><state>completed</state>
    <completion>100</completion>
    <snapshotExport><snapshotId>snap-4a5b6c7d</snapshotId></snapshotExport>
    <exportToOsu><diskImageFormat>qcow2</diskImageFormat><osuBucket>bucket</osuBucket></exportToOsu>
  </item></snapshotExportTaskSet>
</DescribeSnapshotExportTasksResponse>"""


def redirect_to(client, base_url: str) -> None:
    """Send the client's requests to ``base_url`` instead of the real FCU host.

    Rewrites the URL before signing (a published client event), so the
    request the loopback server sees is complete and correctly signed.
    """
    real = client.meta.endpoint_url

    def rewrite(request, **kwargs):
        request.url = request.url.replace(real, base_url, 1)

    client.meta.events.register("before-sign.fcu", rewrite)


def test_readme_usage_runs_unchanged_against_a_loopback_endpoint(loopback):
    namespace = {"AK": ACCESS_KEY, "SK": SECRET_KEY}
    exec(README_CONNECT, namespace)
    conn = namespace["conn"]
    assert conn.endpoint_url == "https://fcu.eu-west-2.outscale.com"
    assert conn.region == "eu-west-2"

    redirect_to(conn.client, loopback.url)
    loopback.responses += [(200, DESCRIBE_SNAPSHOTS), (200, CREATE_SNAPSHOT_EXPORT_TASK)]
    exec(README_EXPORT, namespace)

    describe, export = loopback.requests
    assert describe["params"] == {"Action": "DescribeSnapshots", "Version": "2016-09-15", "Owner.1": "self"}
    assert export["params"] == {
        "Action": "CreateSnapshotExportTask",
        "Version": "2015-05-07",
        "SnapshotId": "snap-4a5b6c7d",
        "ExportToOsu.OsuBucket": "bucket",
        "ExportToOsu.DiskImageFormat": "qcow2",
    }
    for request in (describe, export):
        assert "/eu-west-2/fcu/aws4_request" in request["headers"]["Authorization"]
    task = namespace["export_task"]
    # The fields the README documents for the returned task.
    assert (task.id, task.snapshot_id, task.state, task.status_message, task.bucket, task.key) == (
        "snap-export-7c1d2e3f",
        "snap-4a5b6c7d",
        "pending",
        None,
        "bucket",
        None,
    )


def test_readme_follow_up_calls_against_a_loopback_endpoint(loopback):
    conn = fcu.connect_fcu_endpoint(
        loopback.url, aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY
    )
    loopback.responses.append((200, DESCRIBE_COMPLETED_EXPORT))
    (task,) = conn.get_all_snapshot_export_tasks(["snap-export-7c1d2e3f"])
    assert (task.state, task.completion) == ("completed", 100)
    assert loopback.requests[-1]["params"] == {
        "Action": "DescribeSnapshotExportTasks",
        "Version": "2015-05-07",
        "SnapshotExportTaskId.1": "snap-export-7c1d2e3f",
    }


def test_migration_doc_shows_the_readme_usage_verbatim():
    text = README.read_text()
    for block in (README_CONNECT, README_EXPORT):
        assert block in text


# -- the migration table: both columns send the same request -----------------------------

ROWS = {
    "export prefix": (
        lambda conn: conn.export_snapshot("snap-1", "bucket", "qcow2", prefix="p/"),
        lambda client: client.create_snapshot_export_task(
            SnapshotId="snap-1",
            ExportToOsu={"OsuBucket": "bucket", "DiskImageFormat": "qcow2", "OsuPrefix": "p/"},
        ),
    ),
    "export keys": (
        lambda conn: conn.export_snapshot("snap-1", "bucket", "qcow2", ak="BK", sk="BS"),
        lambda client: client.create_snapshot_export_task(
            SnapshotId="snap-1",
            ExportToOsu={
                "OsuBucket": "bucket",
                "DiskImageFormat": "qcow2",
                "Aksk": {"AccessKey": "BK", "SecretKey": "BS"},
            },
        ),
    ),
    "export tasks": (
        lambda conn: conn.get_all_snapshot_export_tasks(["snap-export-1"]),
        lambda client: client.describe_snapshot_export_tasks(SnapshotExportTaskIds=["snap-export-1"]),
    ),
    "export waiter": (
        lambda conn: conn.get_all_snapshot_export_tasks(["snap-export-1"]),
        lambda client: client.get_waiter("snapshot_export_task_completed").wait(
            SnapshotExportTaskIds=["snap-export-1"]
        ),
    ),
    "instance types": (
        lambda conn: conn.get_all_instance_types(filters={"vcpu": 2}),
        lambda client: client.describe_instance_types(Filters=[{"Name": "vcpu", "Values": ["2"]}]),
    ),
    "product type": (
        lambda conn: conn.get_product_type(snapshot_id="snap-1"),
        lambda client: client.get_product_type(SnapshotId="snap-1"),
    ),
    "product types": (
        lambda conn: conn.get_all_product_types(),
        lambda client: client.describe_product_types(),
    ),
    "snapshots owner": (
        lambda conn: conn.get_all_snapshots(owner="self"),
        lambda client: client.describe_snapshots(OwnerIds=["self"]),
    ),
    "snapshots filter": (
        lambda conn: conn.get_all_snapshots(filters={"volume_id": "vol-1"}),
        lambda client: client.describe_snapshots(Filters=[{"Name": "volume-id", "Values": ["vol-1"]}]),
    ),
}


@pytest.mark.parametrize("row", sorted(ROWS))
def test_migration_table_row_sends_the_same_request(row, wire):
    seed_call, boto3_call = ROWS[row]
    conn = fcu.connect_fcu_endpoint("fcu.eu-west-2.outscale.com", ACCESS_KEY, SECRET_KEY)
    capture = wire(conn.client, body=DESCRIBE_COMPLETED_EXPORT)
    seed_call(conn)
    seed_params = capture.params
    session = osc_boto_ext.register(
        boto3.Session(aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY)
    )
    client = session.client("fcu", region_name="eu-west-2")
    assert client.meta.endpoint_url == conn.endpoint_url
    client_capture = wire(client, body=DESCRIBE_COMPLETED_EXPORT)
    boto3_call(client)
    assert client_capture.params == seed_params
    assert client_capture.last.url == capture.last.url
