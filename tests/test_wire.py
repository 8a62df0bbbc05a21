"""Golden wire tests: exactly what each Outscale action and each handler puts on the wire.

Requests are captured at ``before-send``, after serialization, handlers and
signing, so these assertions see what FCU would receive.
"""

from __future__ import annotations

import base64
from urllib.parse import parse_qsl

import pytest

EXT = [("Version", "2015-05-07")]
FILTERS = [{"Name": "name", "Values": ["t2.nano", "m3.large"]}]
WIRE_FILTERS = [
    ("Filter.1.Name", "name"),
    ("Filter.1.Value.1", "t2.nano"),
    ("Filter.1.Value.2", "m3.large"),
]

GOLDEN = [
    (
        "export_snapshot",
        dict(
            SnapshotId="snap-4a5b6c7d",
            ExportToOsu={
                "DiskImageFormat": "qcow2",
                "OsuBucket": "nightly-backups",
                "OsuPrefix": "db01/",
                "Aksk": {"AccessKey": "AK", "SecretKey": "SK"},
            },
        ),
        [("Action", "CreateSnapshotExportTask"), *EXT, ("SnapshotId", "snap-4a5b6c7d")]
        + [
            ("ExportToOsu.DiskImageFormat", "qcow2"),
            ("ExportToOsu.OsuBucket", "nightly-backups"),
            ("ExportToOsu.OsuPrefix", "db01/"),
            ("ExportToOsu.aksk.AccessKey", "AK"),
            ("ExportToOsu.aksk.SecretKey", "SK"),
        ],
    ),
    (
        "create_snapshot_export_task",
        dict(SnapshotId="snap-1", ExportToOsu={"DiskImageFormat": "raw", "OsuBucket": "b"}, DryRun=True),
        [("Action", "CreateSnapshotExportTask"), *EXT, ("SnapshotId", "snap-1")]
        + [("ExportToOsu.DiskImageFormat", "raw"), ("ExportToOsu.OsuBucket", "b"), ("DryRun", "true")],
    ),
    (
        "describe_snapshot_export_tasks",
        dict(SnapshotExportTaskIds=["snap-export-1", "snap-export-2"], Filters=FILTERS),
        [("Action", "DescribeSnapshotExportTasks"), *EXT]
        + [("SnapshotExportTaskId.1", "snap-export-1"), ("SnapshotExportTaskId.2", "snap-export-2")]
        + WIRE_FILTERS,
    ),
    (
        "create_image_export_task",
        dict(
            ImageId="ami-5e6f7a8b",
            ExportToOsu={
                "DiskImageFormat": "qcow2",
                "OsuBucket": "omi-exports",
                "OsuPrefix": "web/",
                "OsuAkSk": {"AccessKey": "AK", "SecretKey": "SK"},
            },
        ),
        [("Action", "CreateImageExportTask"), *EXT, ("ImageId", "ami-5e6f7a8b")]
        + [
            ("ExportToOsu.DiskImageFormat", "qcow2"),
            ("ExportToOsu.OsuBucket", "omi-exports"),
            ("ExportToOsu.OsuPrefix", "web/"),
            ("ExportToOsu.OsuAkSk.AccessKey", "AK"),
            ("ExportToOsu.OsuAkSk.SecretKey", "SK"),
        ],
    ),
    (
        "describe_image_export_tasks",
        dict(ImageExportTaskIds=["image-export-1f2e3d4c"]),
        [("Action", "DescribeImageExportTasks"), *EXT, ("ImageExportTaskId.1", "image-export-1f2e3d4c")],
    ),
    (
        "describe_instance_types",
        dict(Filters=FILTERS),
        [("Action", "DescribeInstanceTypes"), *EXT, *WIRE_FILTERS],
    ),
    (
        "describe_product_types",
        dict(Filters=[{"Name": "description", "Values": ["Windows"]}]),
        [("Action", "DescribeProductTypes"), *EXT, ("Filter.1.Name", "description")]
        + [("Filter.1.Value.1", "Windows")],
    ),
    (
        "get_product_type",
        dict(SnapshotId="snap-1"),
        [("Action", "GetProductType"), *EXT, ("SnapshotId", "snap-1")],
    ),
    (
        "get_product_types",
        dict(ImageId="ami-1"),
        [("Action", "GetProductTypes"), *EXT, ("ImageId", "ami-1")],
    ),
    (
        "describe_quotas",
        dict(QuotaNames=["vm_limit", "core_limit"], MaxResults=10, NextToken="tok"),
        [("Action", "DescribeQuotas"), *EXT, ("QuotaName.1", "vm_limit"), ("QuotaName.2", "core_limit")]
        + [("MaxResults", "10"), ("NextToken", "tok")],
    ),
    (
        "modify_instance_keypair",
        dict(InstanceId="i-12345678", KeyName="ops"),
        [("Action", "ModifyInstanceKeypair"), *EXT, ("InstanceId", "i-12345678"), ("KeyName", "ops")],
    ),
    ("read_public_ip_ranges", {}, [("Action", "ReadPublicIpRanges"), *EXT]),
    (
        "import_snapshot",
        dict(SnapshotLocation="https://osu.example/b/k?sig", SnapshotSize=10737418240, Description="d"),
        [("Action", "ImportSnapshot"), ("Version", "2016-09-15")]
        + [
            ("snapshotLocation", "https://osu.example/b/k?sig"),
            ("snapshotSize", "10737418240"),
            ("description", "d"),
        ],
    ),
]


def form(request) -> list[tuple[str, str]]:
    body = request.body.decode() if isinstance(request.body, bytes) else request.body
    return parse_qsl(body, keep_blank_values=True)


@pytest.mark.parametrize("method,kwargs,expected", GOLDEN, ids=[g[0] for g in GOLDEN])
def test_outscale_action_on_the_wire(session, wire, method, kwargs, expected):
    client = session.client("fcu")
    capture = wire(client, b"<Response/>")
    getattr(client, method)(**kwargs)
    request = capture.last
    assert form(request) == expected
    assert request.method == "POST"
    assert request.url == "https://fcu.eu-west-2.outscale.com/"
    assert request.headers["Content-Type"].startswith(b"application/x-www-form-urlencoded")


def test_every_outscale_operation_has_a_golden_test(session):
    from osc_boto_ext.operations import OUTSCALE_OPERATIONS

    client = session.client("fcu")
    covered = {client.meta.method_to_api_mapping[g[0]] for g in GOLDEN}
    assert covered >= set(OUTSCALE_OPERATIONS)


def test_signed_with_sigv4_for_fcu_in_client_region(session, wire):
    client = session.client("fcu", region_name="cloudgouv-eu-west-1")
    capture = wire(client)
    client.describe_snapshot_export_tasks()
    auth = capture.last.headers["Authorization"].decode()
    assert auth.startswith("AWS4-HMAC-SHA256 Credential=AKIDOSCTEST000000000/")
    assert "/cloudgouv-eu-west-1/fcu/aws4_request" in auth
    assert capture.last.url == "https://fcu.cloudgouv-eu-west-1.outscale.com/"


@pytest.mark.parametrize("method", ["describe_regions", "read_public_ip_ranges"])
def test_unauthenticated_actions_are_sent_unsigned(session, wire, method):
    client = session.client("fcu")
    capture = wire(client)
    getattr(client, method)()
    assert "Authorization" not in capture.last.headers


def test_ec2_actions_use_the_ec2_api_version(session, wire):
    client = session.client("fcu")
    capture = wire(client)
    client.describe_volumes(VolumeIds=["vol-1"])
    assert form(capture.last) == [
        ("Action", "DescribeVolumes"),
        ("Version", "2016-09-15"),
        ("VolumeId.1", "vol-1"),
    ]


def test_run_instances_user_data_is_base64_encoded(session, wire):
    client = session.client("fcu")
    capture = wire(client)
    client.run_instances(ImageId="ami-1", MinCount=1, MaxCount=1, UserData="#!/bin/sh\necho hi\n")
    sent = dict(form(capture.last))["UserData"]
    assert base64.b64decode(sent) == b"#!/bin/sh\necho hi\n"


def test_get_console_output_is_decoded(session, wire):
    client = session.client("fcu")
    encoded = base64.b64encode(b"boot ok\n").decode()
    body = (
        "<GetConsoleOutputResponse><requestId>r</requestId><instanceId>i-1</instanceId>"
        f"<output>{encoded}</output></GetConsoleOutputResponse>"
    ).encode()
    wire(client, body)
    assert client.get_console_output(InstanceId="i-1")["Output"] == "boot ok\n"


def test_filter_alias_on_describe_nat_gateways(session, wire):
    client = session.client("fcu")
    capture = wire(client)
    client.describe_nat_gateways(Filters=[{"Name": "state", "Values": ["available"]}])
    assert form(capture.last)[2:] == [("Filter.1.Name", "state"), ("Filter.1.Value.1", "available")]


def test_filter_and_filters_together_are_refused_before_sending(session, wire):
    from botocore.exceptions import AliasConflictParameterError

    client = session.client("fcu")
    capture = wire(client)
    with pytest.raises(AliasConflictParameterError):
        client.describe_nat_gateways(Filter=[], Filters=[])
    assert capture.requests == []


def test_handler_documentation(session):
    client = session.client("fcu")
    assert "This value will be base64 encoded automatically" in str(client.run_instances.__doc__)
    nat_doc = str(client.describe_nat_gateways.__doc__)
    assert "Filters=[" in nat_doc and "Filter=[" not in nat_doc
    assert "Exports a completed snapshot" in str(client.create_snapshot_export_task.__doc__)
    assert "amazon" not in str(client.export_snapshot.__doc__).lower()


def test_missing_required_members_fail_before_sending(session, wire):
    from botocore.exceptions import ParamValidationError

    client = session.client("fcu")
    capture = wire(client)
    with pytest.raises(ParamValidationError) as failure:
        client.export_snapshot(SnapshotId="snap-1", ExportToOsu={"DiskImageFormat": "qcow2"})
    assert "OsuBucket" in str(failure.value)
    with pytest.raises(ParamValidationError, match="KeyName"):
        client.modify_instance_keypair(InstanceId="i-1")
    assert capture.requests == []
