"""Sample FCU response bodies (reference fcu-api.md §3) parsed into typed dicts."""

from __future__ import annotations

import datetime

from samples import (
    CREATE_IMAGE_EXPORT_TASK,
    CREATE_SNAPSHOT_EXPORT_TASK,
    DESCRIBE_IMAGE_EXPORT_TASKS,
    DESCRIBE_INSTANCE_TYPES,
    DESCRIBE_PRODUCT_TYPES,
    DESCRIBE_QUOTAS,
    DESCRIBE_SNAPSHOT_EXPORT_TASKS,
    GET_PRODUCT_TYPE,
    GET_PRODUCT_TYPES,
    IMPORT_SNAPSHOT,
    MODIFY_INSTANCE_KEYPAIR,
    READ_PUBLIC_IP_RANGES,
)


def call(session, wire, body, method, **kwargs):
    client = session.client("fcu")
    wire(client, body)
    result = getattr(client, method)(**kwargs)
    metadata = result.pop("ResponseMetadata")
    assert metadata["HTTPStatusCode"] == 200
    return result, metadata["RequestId"]


EXPORT_TASK = {
    "SnapshotExportTaskId": "snap-export-7c1d2e3f",
    "State": "pending",
    "Completion": 0,
    "SnapshotExport": {"SnapshotId": "snap-4a5b6c7d"},
    "ExportToOsu": {"DiskImageFormat": "qcow2", "OsuBucket": "nightly-backups", "OsuPrefix": "db01/"},
}


def test_create_snapshot_export_task(session, wire):
    export = {"DiskImageFormat": "qcow2", "OsuBucket": "nightly-backups", "OsuPrefix": "db01/"}
    for method in ("create_snapshot_export_task", "export_snapshot"):
        result, request_id = call(
            session, wire, CREATE_SNAPSHOT_EXPORT_TASK, method, SnapshotId="snap-4a5b6c7d", ExportToOsu=export
        )
        assert result == {"SnapshotExportTask": EXPORT_TASK}
        assert request_id == "5f0b3c7e-9a41-4c2e-8a0d-1f6e2b9c4d10"


def test_describe_snapshot_export_tasks(session, wire):
    result, _ = call(session, wire, DESCRIBE_SNAPSHOT_EXPORT_TASKS, "describe_snapshot_export_tasks")
    done, failed = result["SnapshotExportTasks"]
    assert done["State"] == "completed" and done["Completion"] == 100
    assert failed == {
        "SnapshotExportTaskId": "snap-export-0b1c2d3e",
        "State": "failed",
        "StatusMessage": "Error accessing bucket nightly-backups: denied",
        "Completion": 0,
        "SnapshotExport": {"SnapshotId": "snap-4a5b6c7d"},
        "ExportToOsu": {"DiskImageFormat": "raw", "OsuBucket": "nightly-backups"},
    }


def test_describe_instance_types_typed(session, wire):
    result, _ = call(session, wire, DESCRIBE_INSTANCE_TYPES, "describe_instance_types")
    assert result["InstanceTypes"] == [
        {
            "Name": "m3.large",
            "Vcpu": 2,
            "Memory": 8050966528,
            "StorageSize": 34359738368,
            "StorageCount": 1,
            "MaxIpAddresses": 10,
            "EbsOptimizedAvailable": False,
        },
        {
            "Name": "oc2.8xlarge",
            "Vcpu": 15,
            "Memory": 68718428160,
            "MaxIpAddresses": 30,
            "EbsOptimizedAvailable": True,
        },
    ]


def test_product_types(session, wire):
    with_vendor = DESCRIBE_PRODUCT_TYPES.replace(
        b"<description>Windows</description>", b"<description>Windows</description><vendor>MS</vendor>"
    )
    result, _ = call(session, wire, with_vendor, "describe_product_types")
    assert result == {
        "ProductTypes": [
            {"ProductTypeId": "0001", "Description": "Linux/UNIX"},
            {"ProductTypeId": "0002", "Description": "Windows", "Vendor": "MS"},
        ]
    }
    result, _ = call(session, wire, GET_PRODUCT_TYPE, "get_product_type", ImageId="ami-1")
    assert result == {"ProductTypeId": "0002", "Description": "Windows"}
    result, _ = call(session, wire, GET_PRODUCT_TYPES, "get_product_types", SnapshotId="snap-1")
    assert result == {"ProductTypes": [{"ProductTypeId": "0001", "Description": "Linux/UNIX"}]}


def test_describe_quotas(session, wire):
    result, _ = call(session, wire, DESCRIBE_QUOTAS, "describe_quotas")
    assert result == {
        "IsTruncated": False,
        "ReferenceQuotas": [
            {
                "Reference": "global",
                "Quotas": [
                    {
                        "OwnerId": "123456789012",
                        "Name": "vm_limit",
                        "DisplayName": "VM Limit",
                        "Description": "Maximum number of VM this user can own",
                        "GroupName": "Compute",
                        "MaxQuotaValue": 20,
                        "UsedQuotaValue": 1,
                    }
                ],
            }
        ],
    }


def test_image_export_tasks(session, wire):
    result, _ = call(
        session,
        wire,
        CREATE_IMAGE_EXPORT_TASK,
        "create_image_export_task",
        ImageId="ami-5e6f7a8b",
        ExportToOsu={"DiskImageFormat": "qcow2", "OsuBucket": "omi-exports"},
    )
    assert result["ImageExportTask"]["ImageExport"] == {"ImageId": "ami-5e6f7a8b"}
    assert result["ImageExportTask"]["Completion"] == 0
    result, _ = call(session, wire, DESCRIBE_IMAGE_EXPORT_TASKS, "describe_image_export_tasks")
    (task,) = result["ImageExportTasks"]
    assert task["State"] == "completed"
    assert task["ExportToOsu"]["OsuManifestUrl"].endswith("/manifest")


def test_modify_instance_keypair(session, wire):
    result, _ = call(
        session, wire, MODIFY_INSTANCE_KEYPAIR, "modify_instance_keypair", InstanceId="i-1", KeyName="k"
    )
    assert result == {"Return": True}


def test_read_public_ip_ranges(session, wire):
    result, request_id = call(session, wire, READ_PUBLIC_IP_RANGES, "read_public_ip_ranges")
    assert result == {"PublicIps": ["198.51.100.0/24", "203.0.113.0/25"]}
    assert request_id == "7e8f9012-3456-4d78-e9f0-a1b2c3d4e5f6"


def test_import_snapshot(session, wire):
    result, _ = call(
        session, wire, IMPORT_SNAPSHOT, "import_snapshot", SnapshotLocation="https://x/y", SnapshotSize=1
    )
    assert result["SnapshotId"] == "snap-6f7a8b9c"
    assert result["State"] == "pending"
    assert result["VolumeSize"] == 10
    assert isinstance(result["StartTime"], datetime.datetime)
