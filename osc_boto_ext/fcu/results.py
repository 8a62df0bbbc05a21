"""Result objects with the field names boto2 scripts read.

Each is built from the dict a boto3 ``fcu`` call returns, so the typing
(integers, booleans, datetimes) is the model's, not re-parsed here. A field
the response left out is ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass
class SnapshotExportTask:
    """A snapshot export to an OSU bucket, as ``export_snapshot`` returns it."""

    id: str | None = None
    snapshot_id: str | None = None
    #: ``pending``, ``active``, ``completed``, ``failed`` or ``cancelled``.
    state: str | None = None
    status_message: str | None = None
    disk_image_format: str | None = None
    bucket: str | None = None
    #: The object key, when FCU reports one (``osuKey``). The original
    #: extension read it from the response and never computed it; we do the
    #: same, because the platform's real key rule has varied (reference §4 ⚠).
    key: str | None = None
    prefix: str | None = None
    #: Percentage done, 0 to 100.
    completion: int | None = None

    @classmethod
    def from_boto3(cls, task: dict[str, Any]) -> SnapshotExportTask:
        export = task.get("ExportToOsu", {})
        return cls(
            id=task.get("SnapshotExportTaskId"),
            snapshot_id=task.get("SnapshotExport", {}).get("SnapshotId"),
            state=task.get("State"),
            status_message=task.get("StatusMessage"),
            disk_image_format=export.get("DiskImageFormat"),
            bucket=export.get("OsuBucket"),
            key=export.get("OsuKey"),
            prefix=export.get("OsuPrefix"),
            completion=task.get("Completion"),
        )


@dataclass
class InstanceType:
    """One instance type and its sizes (memory and storage in bytes)."""

    name: str | None = None
    vcpu: int | None = None
    memory: int | None = None
    storage_size: int | None = None
    storage_count: int | None = None
    max_ip_addresses: int | None = None
    ebs_optimized_available: bool | None = None

    @classmethod
    def from_boto3(cls, item: dict[str, Any]) -> InstanceType:
        return cls(
            name=item.get("Name"),
            vcpu=item.get("Vcpu"),
            memory=item.get("Memory"),
            storage_size=item.get("StorageSize"),
            storage_count=item.get("StorageCount"),
            max_ip_addresses=item.get("MaxIpAddresses"),
            ebs_optimized_available=item.get("EbsOptimizedAvailable"),
        )


@dataclass
class ProductType:
    """A billing/licensing product type such as ``0001`` (Linux/UNIX)."""

    id: str | None = None
    description: str | None = None
    vendor: str | None = None

    @classmethod
    def from_boto3(cls, item: dict[str, Any]) -> ProductType:
        return cls(
            id=item.get("ProductTypeId"), description=item.get("Description"), vendor=item.get("Vendor")
        )


@dataclass
class Snapshot:
    """A block-storage snapshot, with boto2's ``boto.ec2.snapshot.Snapshot`` field names.

    Unlike boto2, ``start_time`` is a ``datetime`` (boto2 kept the ISO text).
    """

    id: str | None = None
    volume_id: str | None = None
    #: boto2's name for the snapshot state: ``pending``, ``completed`` or ``error``.
    status: str | None = None
    #: As FCU sends it, e.g. ``100%``.
    progress: str | None = None
    start_time: datetime | None = None
    owner_id: str | None = None
    owner_alias: str | None = None
    volume_size: int | None = None
    description: str | None = None
    encrypted: bool | None = None
    tags: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_boto3(cls, item: dict[str, Any]) -> Snapshot:
        return cls(
            id=item.get("SnapshotId"),
            volume_id=item.get("VolumeId"),
            status=item.get("State"),
            progress=item.get("Progress"),
            start_time=item.get("StartTime"),
            owner_id=item.get("OwnerId"),
            owner_alias=item.get("OwnerAlias"),
            volume_size=item.get("VolumeSize"),
            description=item.get("Description"),
            encrypted=item.get("Encrypted"),
            tags={tag.get("Key", ""): tag.get("Value", "") for tag in item.get("Tags", [])},
        )
