"""boto3.resource('fcu'): the generated resource model and its customisations, at the wire."""

from __future__ import annotations

import datetime
import importlib.util
import json
import re
from pathlib import Path
from urllib.parse import parse_qsl

import boto3
import pytest
from botocore import xform_name
from botocore.exceptions import ClientError, ParamValidationError, WaiterError
from botocore.stub import Stubber
from conftest import ACCESS_KEY, REGION, SECRET_KEY
from samples import CREATE_SNAPSHOT_EXPORT_TASK, DESCRIBE_SNAPSHOT_EXPORT_TASKS

import osc_boto_ext
from osc_boto_ext import DATA_PATH

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = json.loads((Path(DATA_PATH) / "fcu" / "2016-09-15" / "resources-1.json").read_text())


def task_dict(state: str, task_id: str = "snap-export-7c1d2e3f") -> dict:
    return {
        "SnapshotExportTaskId": task_id,
        "State": state,
        "Completion": 100 if state == "completed" else 0,
        "SnapshotExport": {"SnapshotId": "snap-4a5b6c7d"},
        "ExportToOsu": {"DiskImageFormat": "qcow2", "OsuBucket": "nightly-backups"},
    }


@pytest.fixture
def fcu(session):
    return session.resource("fcu")


# --- the generated model -----------------------------------------------------


def _top_member(path: str) -> str:
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def _requests(definition: dict):
    if "load" in definition:
        yield "load", definition["load"]["request"], definition["load"].get("path")
    for section in ("actions", "batchActions", "hasMany"):
        for name, item in definition.get(section, {}).items():
            resource_path = item.get("resource", {}).get("path")
            yield f"{section}.{name}", item["request"], item.get("path") or resource_path


def test_every_request_and_waiter_exists_in_the_fcu_model(session):
    model = session.client("fcu").meta.service_model
    waiters = set(session.client("fcu").waiter_names)
    checked = 0
    for owner, definition in [("service", RESOURCES["service"]), *RESOURCES["resources"].items()]:
        for where, request, response_path in _requests(definition):
            operation = model.operation_model(request["operation"])
            inputs = operation.input_shape.members if operation.input_shape else {}
            for param in request.get("params", []):
                assert _top_member(param["target"]) in inputs, (owner, where, param)
            if response_path and response_path != "@":
                assert _top_member(response_path) in operation.output_shape.members, (owner, where)
            checked += 1
        for name, waiter in definition.get("waiters", {}).items():
            assert xform_name(waiter["waiterName"]) in waiters, (owner, name)
        if "shape" in definition:
            assert definition["shape"] in model.shape_names, owner
    assert checked > 100


def test_ec2_actions_fcu_lacks_are_gone_and_the_rest_kept(fcu):
    instance, vpc = fcu.Instance("i-1"), fcu.Vpc("vpc-1")
    assert not hasattr(instance, "attach_classic_link_vpc")
    assert not hasattr(vpc, "enable_classic_link")
    for kept in ("start", "stop", "terminate", "create_image", "create_tags", "wait_until_running"):
        assert hasattr(instance, kept)
    assert hasattr(vpc, "create_subnet")


def test_resource_json_is_generated_and_checked():
    spec = importlib.util.spec_from_file_location("build_model", ROOT / "scripts" / "build_model.py")
    build_model = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_model)
    files, provenance = build_model.generate()
    assert (
        files["resources-1.json"]
        == (Path(DATA_PATH) / "fcu" / "2016-09-15" / "resources-1.json").read_bytes()
    )
    files["resources-1.json"] += b" "
    assert any("resources-1.json is out of date" in p for p in build_model.check(files, provenance))
    assert provenance["boto3"] == boto3.__version__


def test_resource_model_check_rejects_a_dangling_reference():
    spec = importlib.util.spec_from_file_location("build_model", ROOT / "scripts" / "build_model.py")
    build_model = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_model)
    model = {
        "service": {"has": {"Ghost": {"resource": {"type": "Ghost", "identifiers": []}}}},
        "resources": {},
    }
    with pytest.raises(SystemExit, match="no resource Ghost"):
        build_model.check_resource_model(model, {"shapes": {}, "operations": {}}, {})


def test_boto3_resource_after_register_on_the_default_session(wire):
    osc_boto_ext.register()
    fcu = boto3.resource(
        "fcu", region_name=REGION, aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY
    )
    capture = wire(fcu.meta.client, body=b"<DescribeInstancesResponse/>")
    assert list(fcu.instances.all()) == []
    assert capture.last.url == f"https://fcu.{REGION}.outscale.com/"
    assert capture.params["Action"] == "DescribeInstances"
    assert capture.params["Version"] == "2016-09-15"


def test_osc_session_has_resources_too(monkeypatch):
    monkeypatch.setenv("OSC_ACCESS_KEY", ACCESS_KEY)
    monkeypatch.setenv("OSC_SECRET_KEY", SECRET_KEY)
    monkeypatch.setenv("OSC_REGION", REGION)
    fcu = osc_boto_ext.Session().resource("fcu")
    assert fcu.meta.client.meta.endpoint_url == f"https://fcu.{REGION}.outscale.com"


# --- Outscale's export resources ----------------------------------------------


def test_snapshot_export_at_the_wire(fcu, wire):
    capture = wire(fcu.meta.client, body=CREATE_SNAPSHOT_EXPORT_TASK)
    task = fcu.Snapshot("snap-4a5b6c7d").export(
        Bucket="nightly-backups",
        DiskImageFormat="qcow2",
        Prefix="db01/",
        Aksk={"AccessKey": "AKBUCKET", "SecretKey": "bucket-secret"},
    )
    assert capture.params == {
        "Action": "CreateSnapshotExportTask",
        "Version": "2015-05-07",
        "SnapshotId": "snap-4a5b6c7d",
        "ExportToOsu.DiskImageFormat": "qcow2",
        "ExportToOsu.OsuBucket": "nightly-backups",
        "ExportToOsu.OsuPrefix": "db01/",
        "ExportToOsu.aksk.AccessKey": "AKBUCKET",
        "ExportToOsu.aksk.SecretKey": "bucket-secret",
    }
    assert task.__class__.__name__ == "fcu.SnapshotExportTask"
    assert task.id == "snap-export-7c1d2e3f"
    # The response carries the task: reading it needs no second request.
    assert (task.state, task.completion, task.export_to_osu["OsuPrefix"]) == ("pending", 0, "db01/")
    assert task.snapshot.id == "snap-4a5b6c7d"
    assert len(capture.requests) == 1


def test_export_still_takes_export_to_osu(fcu, wire):
    capture = wire(fcu.meta.client, body=CREATE_SNAPSHOT_EXPORT_TASK)
    fcu.Snapshot("snap-1").export(ExportToOsu={"OsuBucket": "b", "DiskImageFormat": "raw"}, DryRun=False)
    assert capture.params["ExportToOsu.OsuBucket"] == "b"
    assert capture.params["ExportToOsu.DiskImageFormat"] == "raw"
    assert capture.params["DryRun"] == "false"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"Bucket": "b"}, "Missing required parameter: DiskImageFormat"),
        ({"Prefix": "p/"}, "Missing required parameter: Bucket, DiskImageFormat"),
        ({"Bucket": "b", "ExportToOsu": {"OsuBucket": "b"}}, "takes ExportToOsu or Bucket, not both"),
    ],
)
def test_bad_export_input_fails_before_sending(fcu, wire, kwargs, message):
    capture = wire(fcu.meta.client, body=CREATE_SNAPSHOT_EXPORT_TASK)
    with pytest.raises(ParamValidationError, match=message):
        fcu.Snapshot("snap-1").export(**kwargs)
    assert capture.requests == []


def test_image_export_at_the_wire(fcu, wire):
    body = (
        b"<CreateImageExportTaskResponse><requestId>r</requestId><imageExportTask>"
        b"<imageExportTaskId>image-export-0a1b2c3d</imageExportTaskId><state>pending</state>"
        b"<imageExport><imageId>ami-12345678</imageId></imageExport></imageExportTask>"
        b"</CreateImageExportTaskResponse>"
    )
    capture = wire(fcu.meta.client, body=body)
    task = fcu.Image("ami-12345678").export(
        Bucket="images", DiskImageFormat="qcow2", OsuAkSk={"AccessKey": "AK", "SecretKey": "SK"}
    )
    assert capture.params == {
        "Action": "CreateImageExportTask",
        "Version": "2015-05-07",
        "ImageId": "ami-12345678",
        "ExportToOsu.DiskImageFormat": "qcow2",
        "ExportToOsu.OsuBucket": "images",
        "ExportToOsu.OsuAkSk.AccessKey": "AK",
        "ExportToOsu.OsuAkSk.SecretKey": "SK",
    }
    assert (task.id, task.state, task.image.id) == ("image-export-0a1b2c3d", "pending", "ami-12345678")


def test_task_load_through_describe(fcu, wire):
    capture = wire(fcu.meta.client, body=DESCRIBE_SNAPSHOT_EXPORT_TASKS)
    task = fcu.SnapshotExportTask("snap-export-7c1d2e3f")
    assert task.state == "completed"  # first attribute access loads
    assert capture.params == {
        "Action": "DescribeSnapshotExportTasks",
        "Version": "2015-05-07",
        "SnapshotExportTaskId.1": "snap-export-7c1d2e3f",
    }
    assert task.completion == 100


def test_snapshot_export_tasks_collection(fcu, wire):
    capture = wire(fcu.meta.client, body=DESCRIBE_SNAPSHOT_EXPORT_TASKS)
    tasks = list(fcu.snapshot_export_tasks.all())
    assert [t.id for t in tasks] == ["snap-export-7c1d2e3f", "snap-export-0b1c2d3e"]
    assert [t.state for t in tasks] == ["completed", "failed"]
    assert tasks[1].status_message.startswith("Error accessing bucket")
    assert capture.params == {"Action": "DescribeSnapshotExportTasks", "Version": "2015-05-07"}
    list(fcu.snapshot_export_tasks.filter(SnapshotExportTaskIds=["snap-export-0b1c2d3e"]))
    assert capture.params["SnapshotExportTaskId.1"] == "snap-export-0b1c2d3e"


def test_task_cancel(fcu, wire):
    capture = wire(
        fcu.meta.client, body=b"<CancelExportTaskResponse><return>true</return></CancelExportTaskResponse>"
    )
    fcu.SnapshotExportTask("snap-export-7c1d2e3f").cancel()
    assert capture.params == {
        "Action": "CancelExportTask",
        "Version": "2016-09-15",
        "ExportTaskId": "snap-export-7c1d2e3f",
    }


def test_wait_until_completed_with_stubber(fcu):
    task = fcu.SnapshotExportTask("snap-export-7c1d2e3f")
    expected = {"SnapshotExportTaskIds": ["snap-export-7c1d2e3f"]}
    with Stubber(fcu.meta.client) as stubber:
        for state in ("pending", "active", "completed"):
            stubber.add_response(
                "describe_snapshot_export_tasks", {"SnapshotExportTasks": [task_dict(state)]}, expected
            )
        task.wait_until_completed(WaiterConfig={"Delay": 0, "MaxAttempts": 5})
        stubber.assert_no_pending_responses()


def test_wait_until_completed_stops_on_failure(fcu):
    task = fcu.SnapshotExportTask("snap-export-7c1d2e3f")
    with Stubber(fcu.meta.client) as stubber:
        stubber.add_response("describe_snapshot_export_tasks", {"SnapshotExportTasks": [task_dict("failed")]})
        with pytest.raises(WaiterError, match="failure state"):
            task.wait_until_completed(WaiterConfig={"Delay": 0, "MaxAttempts": 5})


def test_unknown_task_is_a_client_error_with_fcus_code(session, loopback):
    loopback.default = (
        400,
        b"<Response><Errors><Error><Code>InvalidSnapshotExportTaskID.NotFound</Code>"
        b"<Message>The snapshot export task ID 'snap-export-00000000' does not exist</Message>"
        b"</Error></Errors>"
        b"<RequestID>1c2d</RequestID></Response>",
    )
    fcu = session.resource("fcu", endpoint_url=loopback.url)
    with pytest.raises(ClientError) as caught:
        fcu.SnapshotExportTask("snap-export-00000000").load()
    assert caught.value.response["Error"]["Code"] == "InvalidSnapshotExportTaskID.NotFound"
    assert loopback.requests[-1]["params"]["Action"] == "DescribeSnapshotExportTasks"


# --- boto3's EC2 customisations, for fcu --------------------------------------


def test_service_create_tags_returns_tag_resources(fcu, wire):
    capture = wire(fcu.meta.client, body=b"<CreateTagsResponse><return>true</return></CreateTagsResponse>")
    tags = fcu.create_tags(Resources=["i-1", "vol-2"], Tags=[{"Key": "env", "Value": "prod"}])
    assert [(t.resource_id, t.key, t.value) for t in tags] == [
        ("i-1", "env", "prod"),
        ("vol-2", "env", "prod"),
    ]
    assert capture.params["Action"] == "CreateTags"
    assert (capture.params["ResourceId.1"], capture.params["ResourceId.2"]) == ("i-1", "vol-2")
    assert (capture.params["Tag.1.Key"], capture.params["Tag.1.Value"]) == ("env", "prod")


def test_instance_delete_tags(fcu, wire):
    capture = wire(fcu.meta.client, body=b"<DeleteTagsResponse><return>true</return></DeleteTagsResponse>")
    fcu.Instance("i-1").delete_tags(Tags=[{"Key": "env"}])
    assert capture.params == {
        "Action": "DeleteTags",
        "Version": "2016-09-15",
        "ResourceId.1": "i-1",
        "Tag.1.Key": "env",
    }


def test_modeled_ec2_resources_with_stubber(fcu):
    started = datetime.datetime(2026, 1, 2, tzinfo=datetime.timezone.utc)
    snapshot = {"SnapshotId": "snap-1", "VolumeId": "vol-1", "State": "completed", "StartTime": started}
    with Stubber(fcu.meta.client) as stubber:
        stubber.add_response("describe_snapshots", {"Snapshots": [snapshot]}, {"OwnerIds": ["self"]})
        found = list(fcu.snapshots.filter(OwnerIds=["self"]))
    assert [s.id for s in found] == ["snap-1"]
    assert found[0].volume.id == "vol-1"
    assert found[0].start_time == started


def test_resource_requests_are_signed_for_fcu(fcu, wire):
    capture = wire(fcu.meta.client, body=CREATE_SNAPSHOT_EXPORT_TASK)
    fcu.Snapshot("snap-1").export(Bucket="b", DiskImageFormat="qcow2")
    authorization = capture.last.headers["Authorization"].decode()
    assert f"Credential={ACCESS_KEY}/" in authorization and f"/{REGION}/fcu/aws4_request" in authorization
    assert dict(parse_qsl(capture.body_text(capture.last)))["Action"] == "CreateSnapshotExportTask"


def test_registering_twice_keeps_one_set_of_customisations(session, wire):
    osc_boto_ext.register(session)
    fcu = session.resource("fcu")
    snapshot = fcu.Snapshot("snap-1")
    assert "Bucket" in type(snapshot).export.__doc__
    capture = wire(fcu.meta.client, body=CREATE_SNAPSHOT_EXPORT_TASK)
    snapshot.export(Bucket="b", DiskImageFormat="qcow2")
    assert len(capture.requests) == 1
    assert capture.params["ExportToOsu.OsuBucket"] == "b"
