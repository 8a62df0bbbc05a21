"""Every seed method at the wire: the exact form fields sent, and FCU's XML parsed into objects.

The XML bodies are the reference's samples (shared/reference/fcu-api.md §3),
except DescribeSnapshots, which is EC2's own response format.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from conftest import ACCESS_KEY, SECRET_KEY
from samples import (
    CREATE_SNAPSHOT_EXPORT_TASK,
    DESCRIBE_INSTANCE_TYPES,
    DESCRIBE_PRODUCT_TYPES,
    DESCRIBE_SNAPSHOT_EXPORT_TASKS,
    GET_PRODUCT_TYPE,
)

from osc_boto_ext import fcu

#: The 2015 sample's shape: an echoed osuKey, no completion.
CREATE_SNAPSHOT_EXPORT_TASK_2015 = b"""<CreateSnapshotExportTaskResponse xmlns="http://ec2.amazonaws.com/doc/2013-10-15/">
  <requestId>b2a1c0d9-0000-4000-8000-000000000001</requestId>
  <snapshotExportTask>
    <snapshotExportTaskId>snap-export-4c79c354</snapshotExportTaskId>
    <state>pending</state>
    <snapshotExport><snapshotId>snap-11112222</snapshotId></snapshotExport>
    <exportToOsu>
      <diskImageFormat>qcow2</diskImageFormat>
      <osuBucket>bucket</osuBucket>
      <osuKey>exports/snap-export-4c79c354.qcow2</osuKey>
    </exportToOsu>
  </snapshotExportTask>
</CreateSnapshotExportTaskResponse>"""

DESCRIBE_SNAPSHOTS = b"""<DescribeSnapshotsResponse xmlns="http://ec2.amazonaws.com/doc/2016-09-15/">
  <requestId>9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a</requestId>
  <snapshotSet>
    <item>
      <snapshotId>snap-4a5b6c7d</snapshotId>
      <volumeId>vol-1a2b3c4d</volumeId>
      <status>completed</status>
      <startTime>2024-03-01T10:20:30.000Z</startTime>
      <progress>100%</progress>
      <ownerId>123456789012</ownerId>
      <volumeSize>10</volumeSize>
      <description>nightly db01</description>
      <encrypted>false</encrypted>
      <tagSet><item><key>Name</key><value>db01</value></item></tagSet>
    </item>
    <item>
      <snapshotId>snap-0f0e0d0c</snapshotId>
      <volumeId>vol-5e6f7a8b</volumeId>
      <status>pending</status>
      <startTime>2024-03-02T00:00:00.000Z</startTime>
      <progress>42%</progress>
      <ownerId>123456789012</ownerId>
      <volumeSize>200</volumeSize>
      <encrypted>true</encrypted>
    </item>
  </snapshotSet>
</DescribeSnapshotsResponse>"""

EC2_VERSION = "2016-09-15"
EXTENSION_VERSION = "2015-05-07"


@pytest.fixture
def conn():
    return fcu.connect_fcu_endpoint("fcu.eu-west-2.outscale.com", ACCESS_KEY, SECRET_KEY)


# -- export_snapshot ---------------------------------------------------------------


def test_export_snapshot_sends_exactly_the_seed_fields(conn, wire):
    capture = wire(conn.client, body=CREATE_SNAPSHOT_EXPORT_TASK)
    conn.export_snapshot("snap-1", "b", "qcow2", prefix="p/")
    assert capture.params == {
        "Action": "CreateSnapshotExportTask",
        "Version": EXTENSION_VERSION,
        "SnapshotId": "snap-1",
        "ExportToOsu.DiskImageFormat": "qcow2",
        "ExportToOsu.OsuBucket": "b",
        "ExportToOsu.OsuPrefix": "p/",
    }
    assert capture.last.url == "https://fcu.eu-west-2.outscale.com/"
    assert "/eu-west-2/fcu/aws4_request" in capture.last.headers["Authorization"].decode()


def test_export_snapshot_parses_the_sample_into_a_task(conn, wire):
    wire(conn.client, body=CREATE_SNAPSHOT_EXPORT_TASK)
    task = conn.export_snapshot("snap-4a5b6c7d", "nightly-backups", "qcow2", prefix="db01/")
    assert task == fcu.SnapshotExportTask(
        id="snap-export-7c1d2e3f",
        snapshot_id="snap-4a5b6c7d",
        state="pending",
        status_message=None,
        disk_image_format="qcow2",
        bucket="nightly-backups",
        key=None,
        prefix="db01/",
        completion=0,
    )
    assert isinstance(task.completion, int)


def test_export_snapshot_reports_an_echoed_osu_key(conn, wire):
    wire(conn.client, body=CREATE_SNAPSHOT_EXPORT_TASK_2015)
    task = conn.export_snapshots("snap-11112222", "bucket", "qcow2")
    assert task.key == "exports/snap-export-4c79c354.qcow2"
    assert task.completion is None


def test_export_snapshot_sends_aksk_lower_case_and_dry_run(conn, wire):
    capture = wire(conn.client, body=CREATE_SNAPSHOT_EXPORT_TASK)
    conn.export_snapshot("snap-1", "b", "raw", ak="AKBUCKET", sk="SKBUCKET", dry_run=True)
    assert capture.params == {
        "Action": "CreateSnapshotExportTask",
        "Version": EXTENSION_VERSION,
        "SnapshotId": "snap-1",
        "ExportToOsu.DiskImageFormat": "raw",
        "ExportToOsu.OsuBucket": "b",
        "ExportToOsu.aksk.AccessKey": "AKBUCKET",
        "ExportToOsu.aksk.SecretKey": "SKBUCKET",
        "DryRun": "true",
    }


def test_export_snapshots_is_the_same_call(conn, wire):
    capture = wire(conn.client, body=CREATE_SNAPSHOT_EXPORT_TASK)
    conn.export_snapshots("snap-1", "b", "qcow2", "p/")
    assert capture.params["Action"] == "CreateSnapshotExportTask"
    assert capture.params["ExportToOsu.OsuPrefix"] == "p/"


@pytest.mark.parametrize(
    "args, kwargs, message",
    [
        (("snap-1", "b", "qcow2"), {"ak": "AK"}, "both ak and sk"),
        (("snap-1", "b", "qcow2"), {"sk": "SK"}, "both ak and sk"),
        (("", "b", "qcow2"), {}, "snapshot_id"),
        (("snap-1", None, "qcow2"), {}, "bucket"),
        (("snap-1", "b", 7), {}, "disk_image_format"),
        (("snap-1", "b", "qcow2"), {"prefix": ""}, "prefix"),
    ],
)
def test_export_snapshot_refuses_bad_input_before_sending(conn, wire, args, kwargs, message):
    capture = wire(conn.client, body=CREATE_SNAPSHOT_EXPORT_TASK)
    with pytest.raises(ValueError, match=message):
        conn.export_snapshot(*args, **kwargs)
    assert capture.requests == []


def test_sent_secret_key_is_not_in_the_task_repr(conn, wire):
    wire(conn.client, body=CREATE_SNAPSHOT_EXPORT_TASK)
    task = conn.export_snapshot("snap-1", "b", "qcow2", ak="AKBUCKET", sk="SKBUCKET")
    assert "SKBUCKET" not in repr(task)
    assert "snap-export-7c1d2e3f" in repr(task)


# -- get_all_snapshot_export_tasks ---------------------------------------------------


def test_get_all_snapshot_export_tasks_without_arguments(conn, wire):
    capture = wire(conn.client, body=DESCRIBE_SNAPSHOT_EXPORT_TASKS)
    tasks = conn.get_all_snapshot_export_tasks()
    assert capture.params == {"Action": "DescribeSnapshotExportTasks", "Version": EXTENSION_VERSION}
    assert [(t.id, t.state, t.completion) for t in tasks] == [
        ("snap-export-7c1d2e3f", "completed", 100),
        ("snap-export-0b1c2d3e", "failed", 0),
    ]
    failed = tasks[1]
    assert failed.status_message == "Error accessing bucket nightly-backups: denied"
    assert (failed.snapshot_id, failed.disk_image_format, failed.bucket, failed.prefix) == (
        "snap-4a5b6c7d",
        "raw",
        "nightly-backups",
        None,
    )


def test_get_all_snapshot_export_tasks_sends_ids_and_filters(conn, wire):
    capture = wire(conn.client, body=DESCRIBE_SNAPSHOT_EXPORT_TASKS)
    conn.get_all_snapshot_export_tasks(
        ["snap-export-7c1d2e3f", "snap-export-0b1c2d3e"], filters={"state": ["completed", "failed"]}
    )
    assert capture.params == {
        "Action": "DescribeSnapshotExportTasks",
        "Version": EXTENSION_VERSION,
        "SnapshotExportTaskId.1": "snap-export-7c1d2e3f",
        "SnapshotExportTaskId.2": "snap-export-0b1c2d3e",
        "Filter.1.Name": "state",
        "Filter.1.Value.1": "completed",
        "Filter.1.Value.2": "failed",
    }


def test_get_all_snapshot_export_tasks_takes_one_id_and_the_original_keyword(conn, wire):
    capture = wire(conn.client, body=DESCRIBE_SNAPSHOT_EXPORT_TASKS)
    conn.get_all_snapshot_export_tasks("snap-export-7c1d2e3f", dry_run=True)
    assert capture.params["SnapshotExportTaskId.1"] == "snap-export-7c1d2e3f"
    assert capture.params["DryRun"] == "true"
    conn.get_all_snapshot_export_tasks(snapshot_export_ids=["snap-export-0b1c2d3e"])
    assert capture.params["SnapshotExportTaskId.1"] == "snap-export-0b1c2d3e"
    with pytest.raises(TypeError, match="not both"):
        conn.get_all_snapshot_export_tasks(["a"], snapshot_export_ids=["b"])
    assert len(capture.requests) == 2


# -- get_all_instance_types -----------------------------------------------------------


def test_get_all_instance_types_parses_typed_fields(conn, wire):
    capture = wire(conn.client, body=DESCRIBE_INSTANCE_TYPES)
    types = conn.get_all_instance_types()
    assert capture.params == {"Action": "DescribeInstanceTypes", "Version": EXTENSION_VERSION}
    assert types == [
        fcu.InstanceType(
            name="m3.large",
            vcpu=2,
            memory=8050966528,
            storage_size=34359738368,
            storage_count=1,
            max_ip_addresses=10,
            ebs_optimized_available=False,
        ),
        fcu.InstanceType(
            name="oc2.8xlarge",
            vcpu=15,
            memory=68718428160,
            storage_size=None,
            storage_count=None,
            max_ip_addresses=30,
            ebs_optimized_available=True,
        ),
    ]
    assert type(types[0].memory) is int and type(types[0].ebs_optimized_available) is bool


def test_get_all_instance_types_sends_boto2_filters(conn, wire):
    capture = wire(conn.client, body=DESCRIBE_INSTANCE_TYPES)
    conn.get_all_instance_types(filters={"vcpu": 2, "ebs_optimized_available": True}, dry_run=True)
    assert capture.params == {
        "Action": "DescribeInstanceTypes",
        "Version": EXTENSION_VERSION,
        "Filter.1.Name": "vcpu",
        "Filter.1.Value.1": "2",
        "Filter.2.Name": "ebs-optimized-available",
        "Filter.2.Value.1": "true",
        "DryRun": "true",
    }


# -- product types ----------------------------------------------------------------------


def test_get_product_type_of_a_snapshot(conn, wire):
    capture = wire(conn.client, body=GET_PRODUCT_TYPE)
    product = conn.get_product_type(snapshot_id="snap-4a5b6c7d")
    assert capture.params == {
        "Action": "GetProductType",
        "Version": EXTENSION_VERSION,
        "SnapshotId": "snap-4a5b6c7d",
    }
    assert product == fcu.ProductType(id="0002", description="Windows", vendor=None)


def test_get_product_type_of_an_image_and_of_both(conn, wire):
    capture = wire(conn.client, body=GET_PRODUCT_TYPE)
    conn.get_product_type(image_id="ami-5e6f7a8b")
    assert capture.params == {
        "Action": "GetProductType",
        "Version": EXTENSION_VERSION,
        "ImageId": "ami-5e6f7a8b",
    }
    conn.get_product_type("snap-1", "ami-2")
    assert (capture.params["SnapshotId"], capture.params["ImageId"]) == ("snap-1", "ami-2")


def test_get_product_type_needs_an_id(conn, wire):
    capture = wire(conn.client, body=GET_PRODUCT_TYPE)
    with pytest.raises(ValueError, match="snapshot_id or image_id"):
        conn.get_product_type()
    assert capture.requests == []


def test_get_all_product_types(conn, wire):
    capture = wire(conn.client, body=DESCRIBE_PRODUCT_TYPES)
    products = conn.get_all_product_types(filters={"description": "Windows"})
    assert capture.params == {
        "Action": "DescribeProductTypes",
        "Version": EXTENSION_VERSION,
        "Filter.1.Name": "description",
        "Filter.1.Value.1": "Windows",
    }
    assert [(p.id, p.description) for p in products] == [("0001", "Linux/UNIX"), ("0002", "Windows")]


# -- get_all_snapshots ------------------------------------------------------------------


def test_get_all_snapshots_owner_self_as_the_readme_does(conn, wire):
    capture = wire(conn.client, body=DESCRIBE_SNAPSHOTS)
    snaps = conn.get_all_snapshots(owner="self")
    assert capture.params == {"Action": "DescribeSnapshots", "Version": EC2_VERSION, "Owner.1": "self"}
    assert snaps[0] == fcu.Snapshot(
        id="snap-4a5b6c7d",
        volume_id="vol-1a2b3c4d",
        status="completed",
        progress="100%",
        start_time=datetime(2024, 3, 1, 10, 20, 30, tzinfo=timezone.utc),
        owner_id="123456789012",
        owner_alias=None,
        volume_size=10,
        description="nightly db01",
        encrypted=False,
        tags={"Name": "db01"},
    )
    assert (snaps[1].id, snaps[1].status, snaps[1].volume_size, snaps[1].encrypted) == (
        "snap-0f0e0d0c",
        "pending",
        200,
        True,
    )
    assert snaps[1].description is None and snaps[1].tags == {}


def test_get_all_snapshots_sends_every_boto2_argument(conn, wire):
    capture = wire(conn.client, body=DESCRIBE_SNAPSHOTS)
    conn.get_all_snapshots(
        snapshot_ids=["snap-1", "snap-2"],
        owner=["self", "123456789012"],
        restorable_by="all",
        filters={"volume_id": "vol-1", "tag:my_key": ["a", "b"]},
    )
    assert capture.params == {
        "Action": "DescribeSnapshots",
        "Version": EC2_VERSION,
        "SnapshotId.1": "snap-1",
        "SnapshotId.2": "snap-2",
        "Owner.1": "self",
        "Owner.2": "123456789012",
        "RestorableBy.1": "all",
        "Filter.1.Name": "volume-id",
        "Filter.1.Value.1": "vol-1",
        "Filter.2.Name": "tag:my_key",
        "Filter.2.Value.1": "a",
        "Filter.2.Value.2": "b",
    }


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"snapshot_ids": [""]}, ValueError),
        ({"owner": [None]}, ValueError),
        ({"owner": 123456789012}, TypeError),
        ({"snapshot_ids": {"snap-1": True}}, TypeError),
        ({"filters": {"volume-id": None}}, TypeError),
        ({"filters": ["volume-id"]}, TypeError),
        ({"filters": {"": "x"}}, ValueError),
    ],
)
def test_get_all_snapshots_refuses_bad_input_before_sending(conn, wire, kwargs, error):
    capture = wire(conn.client, body=DESCRIBE_SNAPSHOTS)
    with pytest.raises(error):
        conn.get_all_snapshots(**kwargs)
    assert capture.requests == []


def test_filters_may_be_pairs_as_boto2_accepted(conn, wire):
    capture = wire(conn.client, body=DESCRIBE_SNAPSHOTS)
    conn.get_all_snapshots(filters=[("status", "completed"), ("owner_alias", ("amazon", "self"))])
    assert capture.params["Filter.1.Name"] == "status"
    assert capture.params["Filter.2.Name"] == "owner-alias"
    assert (capture.params["Filter.2.Value.1"], capture.params["Filter.2.Value.2"]) == ("amazon", "self")
