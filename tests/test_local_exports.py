"""Snapshot and image exports on the local endpoint, through plain boto3."""

from __future__ import annotations

import struct

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError, WaiterError

from osc_boto_ext.local import LocalFCU

GIB = 1 << 30
FAST = {"Delay": 0.5, "MaxAttempts": 60}


@pytest.fixture(scope="module")
def endpoint():
    with LocalFCU(export_seconds=0.5) as fcu:
        yield fcu


@pytest.fixture(scope="module")
def osu(endpoint):
    return endpoint.client("s3")


@pytest.fixture(scope="module")
def snapshot_id(fcu):
    volume = fcu.create_volume(Size=7, AvailabilityZone="eu-west-2a")
    return fcu.create_snapshot(VolumeId=volume["VolumeId"])["SnapshotId"]


@pytest.fixture(scope="module")
def bucket(osu):
    osu.create_bucket(Bucket="exports")
    return "exports"


def error_of(call, **kwargs):
    with pytest.raises(ClientError) as caught:
        call(**kwargs)
    return caught.value.response["Error"]["Code"], caught.value.response["Error"]["Message"]


def export(fcu, snapshot_id, bucket, disk_format="qcow2", prefix="nightly/", **extra):
    destination = {"DiskImageFormat": disk_format, "OsuBucket": bucket, "OsuPrefix": prefix, **extra}
    return fcu.export_snapshot(SnapshotId=snapshot_id, ExportToOsu=destination)["SnapshotExportTask"]


def test_export_snapshot_goes_on_the_wire_as_create_snapshot_export_task(endpoint, snapshot_id, bucket):
    fcu = endpoint.client()
    sent = []
    fcu.meta.events.register("before-send", lambda request, **kw: sent.append(request.body))
    task = export(fcu, snapshot_id, bucket)
    assert "Action=CreateSnapshotExportTask" in sent[0]
    assert "ExportToOsu.OsuBucket=exports" in sent[0]
    assert task["State"] == "pending"
    assert task["Completion"] == 0
    assert task["SnapshotExportTaskId"].startswith("snap-export-")
    assert task["SnapshotExport"] == {"SnapshotId": snapshot_id}
    assert task["ExportToOsu"] == {
        "DiskImageFormat": "qcow2",
        "OsuBucket": "exports",
        "OsuPrefix": "nightly/",
    }


def test_lifecycle_pending_active_completed_and_the_waiter(endpoint, snapshot_id, bucket):
    fcu = endpoint.client()
    task_id = export(fcu, snapshot_id, bucket)["SnapshotExportTaskId"]
    seen = []
    fcu.meta.events.register(
        "after-call.fcu.DescribeSnapshotExportTasks",
        lambda parsed, **kw: seen.extend(
            (t["State"], t["Completion"]) for t in parsed["SnapshotExportTasks"]
        ),
    )
    fcu.get_waiter("snapshot_export_task_completed").wait(SnapshotExportTaskIds=[task_id], WaiterConfig=FAST)
    assert seen[-1] == ("completed", 100)
    states = [state for state, _ in seen]
    assert states == sorted(states, key=["pending", "active", "completed"].index)
    assert all(0 <= completion <= 100 for _, completion in seen)


def test_a_created_task_is_also_available_as_create_snapshot_export_task(fcu, snapshot_id, bucket):
    task = fcu.create_snapshot_export_task(
        SnapshotId=snapshot_id, ExportToOsu={"DiskImageFormat": "qcow2", "OsuBucket": bucket}
    )["SnapshotExportTask"]
    listed = fcu.describe_snapshot_export_tasks(SnapshotExportTaskIds=[task["SnapshotExportTaskId"]])
    assert [t["SnapshotExportTaskId"] for t in listed["SnapshotExportTasks"]] == [
        task["SnapshotExportTaskId"]
    ]


def qcow2_size(data: bytes) -> int:
    assert data[:4] == b"QFI\xfb"
    assert struct.unpack(">I", data[4:8])[0] == 2
    return struct.unpack(">Q", data[24:32])[0]


def vmdk_size(data: bytes) -> int:
    assert data[:4] == b"KDMV"
    return struct.unpack("<Q", data[12:20])[0] * 512


def vdi_size(data: bytes) -> int:
    assert data.startswith(b"<<< Oracle VM VirtualBox Disk Image >>>")
    assert struct.unpack("<I", data[64:68])[0] == 0xBEDA107F
    return struct.unpack("<Q", data[368:376])[0]


@pytest.mark.parametrize(
    "disk_format, size_in_header",
    [("qcow2", qcow2_size), ("vmdk", vmdk_size), ("vdi", vdi_size), ("raw", None)],
)
def test_the_object_written_is_an_image_of_the_volume(
    fcu, osu, snapshot_id, bucket, disk_format, size_in_header
):
    task_id = export(fcu, snapshot_id, bucket, disk_format=disk_format)["SnapshotExportTaskId"]
    fcu.get_waiter("snapshot_export_task_completed").wait(SnapshotExportTaskIds=[task_id], WaiterConfig=FAST)
    key = f"nightly/{task_id}.{disk_format}"
    obj = osu.get_object(Bucket=bucket, Key=key)
    data = obj["Body"].read()
    assert obj["Metadata"] == {"volume-size": str(7 * GIB), "snapshot-id": snapshot_id}
    if size_in_header:
        assert size_in_header(data) == 7 * GIB
    else:
        assert data == bytes(len(data)) and 0 < len(data) <= 7 * GIB


def test_missing_bucket_fails_the_task_naming_the_bucket(fcu, snapshot_id):
    task_id = export(fcu, snapshot_id, "no-such-bucket")["SnapshotExportTaskId"]
    with pytest.raises(WaiterError):
        fcu.get_waiter("snapshot_export_task_completed").wait(
            SnapshotExportTaskIds=[task_id], WaiterConfig=FAST
        )
    task = fcu.describe_snapshot_export_tasks(SnapshotExportTaskIds=[task_id])["SnapshotExportTasks"][0]
    assert task["State"] == "failed"
    assert task["StatusMessage"].startswith("Error accessing bucket no-such-bucket: S3ResponseError: 404")
    assert "NoSuchBucket" in task["StatusMessage"]


def test_aksk_that_cannot_write_fails_the_task(endpoint, fcu, snapshot_id, bucket):
    sent = []
    fcu.meta.events.register(
        "before-send.fcu.ExportSnapshot", lambda request, **kw: sent.append(request.body)
    )
    aksk = {"AccessKey": "AKSOMEONEELSE000000", "SecretKey": "whatever"}
    task_id = export(fcu, snapshot_id, bucket, Aksk=aksk)["SnapshotExportTaskId"]
    assert "ExportToOsu.aksk.AccessKey=AKSOMEONEELSE000000" in sent[0]
    with pytest.raises(WaiterError):
        fcu.get_waiter("snapshot_export_task_completed").wait(
            SnapshotExportTaskIds=[task_id], WaiterConfig=FAST
        )
    task = fcu.describe_snapshot_export_tasks(SnapshotExportTaskIds=[task_id])["SnapshotExportTasks"][0]
    assert task["State"] == "failed"
    assert task["StatusMessage"].startswith(
        f"Error accessing bucket {bucket}: S3ResponseError: 403 InvalidAccessKeyId"
    )


def test_aksk_of_the_bucket_owner_writes(endpoint, fcu, snapshot_id, bucket):
    aksk = {"AccessKey": endpoint.access_key, "SecretKey": endpoint.secret_key}
    task_id = export(fcu, snapshot_id, bucket, Aksk=aksk)["SnapshotExportTaskId"]
    fcu.get_waiter("snapshot_export_task_completed").wait(SnapshotExportTaskIds=[task_id], WaiterConfig=FAST)


QCOW2_TO_B = {"DiskImageFormat": "qcow2", "OsuBucket": "b"}


@pytest.mark.parametrize(
    "snapshot, destination, code, message",
    [
        (
            "foo",
            QCOW2_TO_B,
            "InvalidSnapshotID.Malformed",
            "Invalid ID received: foo. Expected format: snap-",
        ),
        (
            "snap-00000000",
            QCOW2_TO_B,
            "InvalidSnapshot.NotFound",
            "The Snapshot ID does not exist: snap-00000000, for account: ",
        ),
        (
            None,
            {"DiskImageFormat": "iso", "OsuBucket": "b"},
            "InvalidParameterValue",
            "Value of parameter 'DiskFormat' is not valid: iso. Supported values: qcow2, raw, vdi, vmdk",
        ),
        (
            None,
            {"DiskImageFormat": "qcow2", "OsuBucket": "Backups"},
            "InvalidParameterValue",
            "Value of parameter 'OsuBucket' must be lowercase. Received: Backups",
        ),
    ],
)
def test_export_validation(fcu, snapshot_id, snapshot, destination, code, message):
    got_code, got_message = error_of(
        fcu.export_snapshot, SnapshotId=snapshot or snapshot_id, ExportToOsu=destination
    )
    assert got_code == code
    assert got_message.startswith(message)


@pytest.mark.parametrize(
    "arguments, missing",
    [
        ({"ExportToOsu": {"DiskImageFormat": "qcow2", "OsuBucket": "b"}}, "SnapshotId"),
        ({"SnapshotId": "snap-00000000", "ExportToOsu": {"OsuBucket": "b"}}, "DiskImageFormat"),
        ({"SnapshotId": "snap-00000000", "ExportToOsu": {"DiskImageFormat": "qcow2"}}, "OsuBucket"),
    ],
)
def test_missing_parameters_are_refused_by_the_endpoint(endpoint, arguments, missing):
    # Client-side validation off, so the request reaches the endpoint incomplete.
    fcu = endpoint.client(config=Config(parameter_validation=False))
    code, message = error_of(fcu.export_snapshot, **arguments)
    assert (code, message) == ("MissingParameter", f"The request must contain the parameter: {missing}")


def test_describe_by_unknown_id_is_not_found(fcu):
    code, message = error_of(
        fcu.describe_snapshot_export_tasks, SnapshotExportTaskIds=["snap-export-00000000"]
    )
    assert code == "InvalidSnapshotExportTaskID.NotFound"
    assert "snap-export-00000000" in message


def test_describe_filters(fcu, snapshot_id):
    task_id = export(fcu, snapshot_id, "filter-target")["SnapshotExportTaskId"]
    by_bucket = fcu.describe_snapshot_export_tasks(
        Filters=[{"Name": "osu-bucket", "Values": ["filter-target"]}]
    )
    assert [t["SnapshotExportTaskId"] for t in by_bucket["SnapshotExportTasks"]] == [task_id]
    by_snapshot = fcu.describe_snapshot_export_tasks(
        Filters=[{"Name": "snapshot-id", "Values": [snapshot_id]}]
    )
    assert task_id in {t["SnapshotExportTaskId"] for t in by_snapshot["SnapshotExportTasks"]}
    code, _ = error_of(fcu.describe_snapshot_export_tasks, Filters=[{"Name": "colour", "Values": ["x"]}])
    assert code == "InvalidFilter"


def test_cancel_an_export_in_progress():
    with LocalFCU(export_seconds=600) as slow:
        fcu, osu = slow.client(), slow.client("s3")
        osu.create_bucket(Bucket="slow")
        volume = fcu.create_volume(Size=1, AvailabilityZone="eu-west-2a")
        snapshot = fcu.create_snapshot(VolumeId=volume["VolumeId"])["SnapshotId"]
        task_id = export(fcu, snapshot, "slow")["SnapshotExportTaskId"]
        fcu.cancel_export_task(ExportTaskId=task_id)
        task = fcu.describe_snapshot_export_tasks(SnapshotExportTaskIds=[task_id])["SnapshotExportTasks"][0]
        assert task["State"] == "cancelled"
        with pytest.raises(WaiterError, match="cancelled"):
            fcu.get_waiter("snapshot_export_task_completed").wait(
                SnapshotExportTaskIds=[task_id], WaiterConfig={"Delay": 1, "MaxAttempts": 2}
            )


def test_cancelling_a_completed_export_leaves_it_completed(fcu, snapshot_id, bucket):
    # As on FCU (QA known bug TINA-6158): success, and the task stays completed.
    task_id = export(fcu, snapshot_id, bucket)["SnapshotExportTaskId"]
    fcu.get_waiter("snapshot_export_task_completed").wait(SnapshotExportTaskIds=[task_id], WaiterConfig=FAST)
    fcu.cancel_export_task(ExportTaskId=task_id)
    task = fcu.describe_snapshot_export_tasks(SnapshotExportTaskIds=[task_id])["SnapshotExportTasks"][0]
    assert task["State"] == "completed"


def test_cancel_unknown_task_is_not_found(fcu):
    assert (
        error_of(fcu.cancel_export_task, ExportTaskId="snap-export-00000000")[0]
        == "InvalidExportTaskID.NotFound"
    )


@pytest.fixture(scope="module")
def own_image_id(fcu):
    public = fcu.describe_images(Owners=["amazon"])["Images"] or fcu.describe_images()["Images"]
    reservation = fcu.run_instances(
        ImageId=public[0]["ImageId"], MinCount=1, MaxCount=1, InstanceType="t2.nano"
    )
    instance_id = reservation["Instances"][0]["InstanceId"]
    return fcu.create_image(InstanceId=instance_id, Name="web-golden")["ImageId"]


def test_image_export_lifecycle_and_object(fcu, osu, bucket, own_image_id):
    sent = []
    fcu.meta.events.register(
        "before-send.fcu.CreateImageExportTask", lambda request, **kw: sent.append(request.body)
    )
    task = fcu.create_image_export_task(
        ImageId=own_image_id,
        ExportToOsu={"DiskImageFormat": "qcow2", "OsuBucket": bucket, "OsuPrefix": "omi/"},
    )["ImageExportTask"]
    assert "Action=CreateImageExportTask" in sent[0] and "Version=2015-05-07" in sent[0]
    assert task["ImageExportTaskId"].startswith("image-export-")
    assert (task["State"], task["Completion"], task["ImageExport"]) == (
        "pending",
        0,
        {"ImageId": own_image_id},
    )
    task_id = task["ImageExportTaskId"]
    fcu.get_waiter("image_export_task_completed").wait(ImageExportTaskIds=[task_id], WaiterConfig=FAST)
    done = fcu.describe_image_export_tasks(ImageExportTaskIds=[task_id])["ImageExportTasks"][0]
    assert (done["State"], done["Completion"]) == ("completed", 100)
    key = f"omi/{task_id}.qcow2"
    assert done["ExportToOsu"]["OsuManifestUrl"].endswith(f"/{bucket}/{key}")
    data = osu.get_object(Bucket=bucket, Key=key)["Body"].read()
    assert qcow2_size(data) > 0
    all_tasks = fcu.describe_image_export_tasks()["ImageExportTasks"]
    assert task_id in {t["ImageExportTaskId"] for t in all_tasks}


def test_image_export_refuses_public_and_unknown_images(fcu, bucket):
    public = fcu.describe_images()["Images"][0]["ImageId"]
    destination = {"DiskImageFormat": "qcow2", "OsuBucket": bucket}
    code, message = error_of(fcu.create_image_export_task, ImageId=public, ExportToOsu=destination)
    assert (code, message) == ("OperationNotPermitted", "Public or shared images cannot be exported")
    code, message = error_of(fcu.create_image_export_task, ImageId="ami-00000000", ExportToOsu=destination)
    assert (code, message) == ("InvalidAMIID.NotFound", "The image ID does not exist: ami-00000000")


def test_describe_image_export_tasks_with_a_foreign_id_is_empty(fcu):
    assert (
        fcu.describe_image_export_tasks(ImageExportTaskIds=["image-export-00000000"])["ImageExportTasks"]
        == []
    )
