"""Sample FCU response bodies (reference fcu-api.md §3) parsed into typed dicts."""

from __future__ import annotations

import datetime

CREATE_EXPORT = b"""<CreateSnapshotExportTaskResponse xmlns="http://ec2.amazonaws.com/doc/2016-09-15/">
  <requestId>5f0b3c7e-9a41-4c2e-8a0d-1f6e2b9c4d10</requestId>
  <snapshotExportTask>
    <snapshotExportTaskId>snap-export-7c1d2e3f</snapshotExportTaskId>
    <state>pending</state>
    <completion>0</completion>
    <snapshotExport><snapshotId>snap-4a5b6c7d</snapshotId></snapshotExport>
    <exportToOsu>
      <diskImageFormat>qcow2</diskImageFormat>
      <osuBucket>nightly-backups</osuBucket>
      <osuPrefix>db01/</osuPrefix>
    </exportToOsu>
  </snapshotExportTask>
</CreateSnapshotExportTaskResponse>"""

DESCRIBE_EXPORTS = b"""<DescribeSnapshotExportTasksResponse xmlns="http://ec2.amazonaws.com/doc/2016-09-15/">
  <requestId>0c9e7d51-2b1a-4f3e-9d8c-77aa01b2c3d4</requestId>
  <snapshotExportTaskSet>
    <item>
      <snapshotExportTaskId>snap-export-7c1d2e3f</snapshotExportTaskId>
      <state>completed</state>
      <completion>100</completion>
      <snapshotExport><snapshotId>snap-4a5b6c7d</snapshotId></snapshotExport>
      <exportToOsu><diskImageFormat>qcow2</diskImageFormat><osuBucket>nightly-backups</osuBucket>
        <osuPrefix>db01/</osuPrefix></exportToOsu>
    </item>
    <item>
      <snapshotExportTaskId>snap-export-0b1c2d3e</snapshotExportTaskId>
      <state>failed</state>
      <statusMessage>Error accessing bucket nightly-backups: denied</statusMessage>
      <completion>0</completion>
      <snapshotExport><snapshotId>snap-4a5b6c7d</snapshotId></snapshotExport>
      <exportToOsu><diskImageFormat>raw</diskImageFormat><osuBucket>nightly-backups</osuBucket></exportToOsu>
    </item>
  </snapshotExportTaskSet>
</DescribeSnapshotExportTasksResponse>"""

INSTANCE_TYPES = b"""<DescribeInstanceTypesResponse xmlns="http://api.outscale.com/wsdl/fcuext/2014-04-15/">
  <requestId>6a1f0e2d-3c4b-4a59-8e7f-90ab12cd34ef</requestId>
  <instanceTypeSet>
    <item>
      <name>m3.large</name><vcpu>2</vcpu><memory>8050966528</memory>
      <storageSize>34359738368</storageSize><storageCount>1</storageCount>
      <maxIpAddresses>10</maxIpAddresses><ebsOptimizedAvailable>false</ebsOptimizedAvailable>
    </item>
    <item>
      <name>oc2.8xlarge</name><vcpu>15</vcpu><memory>68718428160</memory>
      <maxIpAddresses>30</maxIpAddresses><ebsOptimizedAvailable>true</ebsOptimizedAvailable>
    </item>
  </instanceTypeSet>
</DescribeInstanceTypesResponse>"""

PRODUCT_TYPES = b"""<DescribeProductTypesResponse xmlns="http://api.outscale.com/wsdl/fcuext/2014-04-15/">
  <requestId>8b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b</requestId>
  <productTypeSet>
    <item><productTypeId>0001</productTypeId><description>Linux/UNIX</description></item>
    <item><productTypeId>0002</productTypeId><description>Windows</description><vendor>MS</vendor></item>
  </productTypeSet>
</DescribeProductTypesResponse>"""

GET_PRODUCT_TYPE = b"""<GetProductTypeResponse xmlns="http://api.outscale.com/wsdl/fcuext/2014-04-15/">
  <requestId>1e2d3c4b-5a69-4788-97a6-b5c4d3e2f1a0</requestId>
  <productTypeId>0002</productTypeId>
  <description>Windows</description>
</GetProductTypeResponse>"""

GET_PRODUCT_TYPES = b"""<GetProductTypesResponse xmlns="http://api.outscale.com/wsdl/fcuext/2014-04-15/">
  <requestId>2f3e4d5c-6b7a-4899-a8b7-c6d5e4f3a2b1</requestId>
  <productTypeSet>
    <item><productTypeId>0001</productTypeId><description>Linux/UNIX</description></item>
  </productTypeSet>
</GetProductTypesResponse>"""

QUOTAS = b"""<DescribeQuotasResponse xmlns="http://api.outscale.com/wsdl/fcuext/2014-04-15/">
  <requestId>3a4b5c6d-7e8f-4901-b2c3-d4e5f6a7b8c9</requestId>
  <isTruncated>false</isTruncated>
  <referenceQuotaSet>
    <item>
      <reference>global</reference>
      <quotaSet>
        <item>
          <ownerId>123456789012</ownerId><name>vm_limit</name><displayName>VM Limit</displayName>
          <description>Maximum number of VM this user can own</description><groupName>Compute</groupName>
          <maxQuotaValue>20</maxQuotaValue><usedQuotaValue>1</usedQuotaValue>
        </item>
      </quotaSet>
    </item>
  </referenceQuotaSet>
</DescribeQuotasResponse>"""

CREATE_IMAGE_EXPORT = b"""<CreateImageExportTaskResponse xmlns="http://ec2.amazonaws.com/doc/2016-09-15/">
  <requestId>4b5c6d7e-8f90-4a12-b3c4-d5e6f7a8b9c0</requestId>
  <imageExportTask>
    <imageExportTaskId>image-export-1f2e3d4c</imageExportTaskId>
    <state>pending</state>
    <completion>0</completion>
    <imageExport><imageId>ami-5e6f7a8b</imageId></imageExport>
    <exportToOsu><diskImageFormat>qcow2</diskImageFormat><osuBucket>omi-exports</osuBucket>
      <osuPrefix>web/</osuPrefix></exportToOsu>
  </imageExportTask>
</CreateImageExportTaskResponse>"""

DESCRIBE_IMAGE_EXPORTS = b"""<DescribeImageExportTasksResponse xmlns="http://ec2.amazonaws.com/doc/2016-09-15/">
  <requestId>5c6d7e8f-9012-4b34-c5d6-e7f8a9b0c1d2</requestId>
  <imageExportTaskSet>
    <item>
      <imageExportTaskId>image-export-1f2e3d4c</imageExportTaskId>
      <state>completed</state>
      <completion>100</completion>
      <imageExport><imageId>ami-5e6f7a8b</imageId></imageExport>
      <exportToOsu>
        <diskImageFormat>qcow2</diskImageFormat><osuBucket>omi-exports</osuBucket><osuPrefix>web/</osuPrefix>
        <osuManifestUrl>https://osu.example.invalid/omi-exports/web/manifest</osuManifestUrl>
      </exportToOsu>
    </item>
  </imageExportTaskSet>
</DescribeImageExportTasksResponse>"""

MODIFY_KEYPAIR = b"""<ModifyInstanceKeypairResponse xmlns="http://api.outscale.com/wsdl/fcuext/2014-04-15/">
  <requestId>6d7e8f90-1234-4c56-d7e8-f9a0b1c2d3e4</requestId>
  <return>true</return>
</ModifyInstanceKeypairResponse>"""

PUBLIC_IPS = b"""<ReadPublicIpRangesResponse xmlns="http://ec2.amazonaws.com/doc/2016-09-15/">
  <requestId>7e8f9012-3456-4d78-e9f0-a1b2c3d4e5f6</requestId>
  <publicIpSet><item>198.51.100.0/24</item><item>203.0.113.0/25</item></publicIpSet>
</ReadPublicIpRangesResponse>"""

IMPORT_SNAPSHOT = b"""<ImportSnapshotResponse xmlns="http://ec2.amazonaws.com/doc/2016-09-15/">
  <requestId>0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e</requestId>
  <snapshotId>snap-6f7a8b9c</snapshotId>
  <status>pending</status>
  <startTime>2026-01-02T03:04:05.000Z</startTime>
  <volumeSize>10</volumeSize>
</ImportSnapshotResponse>"""


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
            session, wire, CREATE_EXPORT, method, SnapshotId="snap-4a5b6c7d", ExportToOsu=export
        )
        assert result == {"SnapshotExportTask": EXPORT_TASK}
        assert request_id == "5f0b3c7e-9a41-4c2e-8a0d-1f6e2b9c4d10"


def test_describe_snapshot_export_tasks(session, wire):
    result, _ = call(session, wire, DESCRIBE_EXPORTS, "describe_snapshot_export_tasks")
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
    result, _ = call(session, wire, INSTANCE_TYPES, "describe_instance_types")
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
    result, _ = call(session, wire, PRODUCT_TYPES, "describe_product_types")
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
    result, _ = call(session, wire, QUOTAS, "describe_quotas")
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
        CREATE_IMAGE_EXPORT,
        "create_image_export_task",
        ImageId="ami-5e6f7a8b",
        ExportToOsu={"DiskImageFormat": "qcow2", "OsuBucket": "omi-exports"},
    )
    assert result["ImageExportTask"]["ImageExport"] == {"ImageId": "ami-5e6f7a8b"}
    assert result["ImageExportTask"]["Completion"] == 0
    result, _ = call(session, wire, DESCRIBE_IMAGE_EXPORTS, "describe_image_export_tasks")
    (task,) = result["ImageExportTasks"]
    assert task["State"] == "completed"
    assert task["ExportToOsu"]["OsuManifestUrl"].endswith("/manifest")


def test_modify_instance_keypair(session, wire):
    result, _ = call(session, wire, MODIFY_KEYPAIR, "modify_instance_keypair", InstanceId="i-1", KeyName="k")
    assert result == {"Return": True}


def test_read_public_ip_ranges(session, wire):
    result, request_id = call(session, wire, PUBLIC_IPS, "read_public_ip_ranges")
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
