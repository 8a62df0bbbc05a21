"""Outscale's own actions, answered by the local endpoint.

Each handler validates like FCU (reference §3), reads EC2 facts from moto
(snapshots, images, instances) and our own state (export tasks), and
returns the response XML. Validation happens in FCU's order: missing
parameters, then malformed values, then existence.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Callable

from osc_boto_ext.local import catalog
from osc_boto_ext.local.disk_images import FORMATS
from osc_boto_ext.local.exceptions import FcuError, invalid_value, missing_parameter
from osc_boto_ext.local.models import ExportTask, ExportTasks, InstanceKeypairs
from osc_boto_ext.local.moto_bridge import MotoBridge
from osc_boto_ext.local.wire import Params, add, response_root

GIB = 1 << 30
_SNAPSHOT_ID = re.compile(r"^snap-[0-9a-f]{8,17}$")
_INSTANCE_ID = re.compile(r"^i-[0-9a-f]{8,17}$")


class OutscaleActions:
    """The handlers, bound to one endpoint's moto account and task registry."""

    def __init__(self, moto: MotoBridge, tasks: ExportTasks, keypairs: InstanceKeypairs, region: str) -> None:
        self.moto = moto
        self.tasks = tasks
        self.keypairs = keypairs
        self.region = region
        self.handlers: dict[str, Callable[[Params], ET.Element]] = {
            "CreateSnapshotExportTask": self.create_snapshot_export_task,
            "DescribeSnapshotExportTasks": self.describe_snapshot_export_tasks,
            "CreateImageExportTask": self.create_image_export_task,
            "DescribeImageExportTasks": self.describe_image_export_tasks,
            "CancelExportTask": self.cancel_export_task,
            "DescribeInstanceTypes": self.describe_instance_types,
            "DescribeProductTypes": self.describe_product_types,
            "GetProductType": self.get_product_type,
            "GetProductTypes": self.get_product_types,
            "DescribeQuotas": self.describe_quotas,
            "ModifyInstanceKeypair": self.modify_instance_keypair,
            "ReadPublicIpRanges": self.read_public_ip_ranges,
            "DescribeRegions": self.describe_regions,
            "ImportSnapshot": self.import_snapshot,
        }

    @property
    def account_id(self) -> str:
        return self.moto.account_id

    # -- snapshot exports --------------------------------------------------
    def create_snapshot_export_task(self, params: Params) -> ET.Element:
        snapshot_id = params.get("SnapshotId")
        disk_format, bucket, prefix = _export_destination(params, snapshot_id, "SnapshotId")
        if not _SNAPSHOT_ID.match(snapshot_id):
            raise FcuError(
                "InvalidSnapshotID.Malformed", f"Invalid ID received: {snapshot_id}. Expected format: snap-"
            )
        snapshot = self._snapshot(snapshot_id)
        access_key = params.get("ExportToOsu.aksk.AccessKey", "ExportToOsu.AkSk.AccessKey")
        secret_key = params.get("ExportToOsu.aksk.SecretKey", "ExportToOsu.AkSk.SecretKey")
        task = self.tasks.create(
            "snapshot",
            resource_id=snapshot_id,
            disk_format=disk_format,
            bucket=bucket,
            prefix=prefix,
            volume_size=int(snapshot.findtext("volumeSize") or 1) * GIB,
            access_key=access_key,
            secret_key=secret_key,
        )
        root = response_root("CreateSnapshotExportTask")
        _snapshot_task_xml(add(root, "snapshotExportTask"), task)
        return root

    def describe_snapshot_export_tasks(self, params: Params) -> ET.Element:
        task_ids = params.indexed("SnapshotExportTaskId")
        found, unknown = self.tasks.describe("snapshot", task_ids)
        if unknown:
            raise FcuError(
                "InvalidSnapshotExportTaskID.NotFound",
                f"The snapshot export task ID '{unknown[0]}' does not exist",
            )
        found = _filtered(found, params.filters(), _SNAPSHOT_TASK_FILTERS)
        root = response_root("DescribeSnapshotExportTasks")
        task_set = add(root, "snapshotExportTaskSet")
        for task in found:
            _snapshot_task_xml(add(task_set, "item"), task)
        return root

    # -- image exports -----------------------------------------------------
    def create_image_export_task(self, params: Params) -> ET.Element:
        image_id = params.get("ImageId")
        disk_format, bucket, prefix = _export_destination(params, image_id, "ImageId")
        image = self._image(image_id)
        if image.findtext("imageOwnerId") != self.account_id:
            raise FcuError("OperationNotPermitted", "Public or shared images cannot be exported")
        sizes = [int(v.text) for v in image.iter("volumeSize") if (v.text or "").isdigit()]
        task = self.tasks.create(
            "image",
            resource_id=image_id,
            disk_format=disk_format,
            bucket=bucket,
            prefix=prefix,
            volume_size=(sum(sizes) or 10) * GIB,
            access_key=params.get("ExportToOsu.OsuAkSk.AccessKey", "ExportToOsu.aksk.AccessKey"),
            secret_key=params.get("ExportToOsu.OsuAkSk.SecretKey", "ExportToOsu.aksk.SecretKey"),
        )
        root = response_root("CreateImageExportTask")
        _image_task_xml(add(root, "imageExportTask"), task)
        return root

    def describe_image_export_tasks(self, params: Params) -> ET.Element:
        # An ID that is not ours yields nothing rather than an error, as FCU's QA saw.
        found, _ = self.tasks.describe("image", params.indexed("ImageExportTaskId"))
        root = response_root("DescribeImageExportTasks")
        task_set = add(root, "imageExportTaskSet")
        for task in found:
            _image_task_xml(add(task_set, "item"), task)
        return root

    def cancel_export_task(self, params: Params) -> ET.Element:
        task_id = params.get("ExportTaskId")
        if not task_id:
            raise missing_parameter("ExportTaskId")
        if self.tasks.cancel(task_id) is None:
            raise FcuError("InvalidExportTaskID.NotFound", f"The export task ID '{task_id}' does not exist")
        root = response_root("CancelExportTask")
        add(root, "return", True)
        return root

    # -- catalogue ---------------------------------------------------------
    def describe_instance_types(self, params: Params) -> ET.Element:
        types = _filtered(list(catalog.INSTANCE_TYPES), params.filters(), _INSTANCE_TYPE_FILTERS)
        root = response_root("DescribeInstanceTypes")
        type_set = add(root, "instanceTypeSet")
        for itype in types:
            item = add(type_set, "item")
            add(item, "name", itype.name)
            add(item, "vcpu", itype.vcpu)
            add(item, "memory", itype.memory)
            if itype.storage_size is not None:
                add(item, "storageSize", itype.storage_size)
                add(item, "storageCount", itype.storage_count)
            add(item, "maxIpAddresses", itype.max_ip_addresses)
            add(item, "ebsOptimizedAvailable", itype.ebs_optimized_available)
        return root

    def describe_product_types(self, params: Params) -> ET.Element:
        types = _filtered(list(catalog.PRODUCT_TYPES), params.filters(), _PRODUCT_TYPE_FILTERS)
        root = response_root("DescribeProductTypes")
        _product_types_xml(add(root, "productTypeSet"), types)
        return root

    def get_product_type(self, params: Params) -> ET.Element:
        product_type = self._product_types_of(params)[0]
        root = response_root("GetProductType")
        add(root, "productTypeId", product_type.product_type_id)
        add(root, "description", product_type.description)
        return root

    def get_product_types(self, params: Params) -> ET.Element:
        root = response_root("GetProductTypes")
        _product_types_xml(add(root, "productTypeSet"), self._product_types_of(params))
        return root

    def describe_quotas(self, params: Params) -> ET.Element:
        names = params.indexed("QuotaName")
        known = {quota.name for quota in catalog.GLOBAL_QUOTAS}
        unknown = [name for name in names if name not in known]
        if unknown:
            raise FcuError("NotImplemented", f"These quotas are not yet implemented: {unknown}.")
        filters = params.filters()
        for name, _ in filters:
            if name not in _QUOTA_FILTERS:
                # FCU answers InvalidParameterValue here, not InvalidFilter (reference §3.7).
                raise invalid_value(f"The filter '{name}' is invalid")
        quotas = [q for q in catalog.GLOBAL_QUOTAS if not names or q.name in names]
        quotas = [q for q in quotas if all(_QUOTA_FILTERS[n](q, "global", v) for n, v in filters)]
        start = int(params.get("NextToken") or 0)
        page_size = int(params.get("MaxResults") or 100)
        page, more = quotas[start : start + page_size], start + page_size < len(quotas)
        used = self._quota_usage() if page else {}
        root = response_root("DescribeQuotas")
        add(root, "isTruncated", more)
        if more:
            add(root, "nextToken", start + page_size)
        reference_set = add(root, "referenceQuotaSet")
        if page:
            reference = add(reference_set, "item")
            add(reference, "reference", "global")
            quota_set = add(reference, "quotaSet")
            for quota in page:
                item = add(quota_set, "item")
                add(item, "ownerId", self.account_id)
                add(item, "name", quota.name)
                add(item, "displayName", quota.display_name)
                add(item, "description", quota.description)
                add(item, "groupName", quota.group_name)
                add(item, "maxQuotaValue", quota.max_value)
                add(item, "usedQuotaValue", used.get(quota.name, 0))
        return root

    # -- instances, network, regions ----------------------------------------
    def modify_instance_keypair(self, params: Params) -> ET.Element:
        instance_id, key_name = params.get("InstanceId"), params.get("KeyName")
        if not instance_id:
            raise missing_parameter("InstanceId")
        if not key_name:
            raise missing_parameter("KeyName")
        if not _INSTANCE_ID.match(instance_id):
            raise FcuError("InvalidInstanceID.Malformed", "The instance ID must be in the form 'i-xxxxxx'")
        try:
            self.moto.ec2("DescribeInstances", {"InstanceId.1": instance_id})
        except FcuError as error:
            if error.code.startswith("InvalidInstanceID"):
                raise FcuError(
                    "InvalidInstanceID.NotFound", f"The instance IDs do not exist: {instance_id}"
                ) from None
            raise
        self.moto.ec2("DescribeKeyPairs", {"KeyName.1": key_name})  # InvalidKeyPair.NotFound if absent
        self.keypairs.set(instance_id, key_name)
        root = response_root("ModifyInstanceKeypair")
        add(root, "return", True)
        return root

    def read_public_ip_ranges(self, params: Params) -> ET.Element:
        root = response_root("ReadPublicIpRanges")
        ip_set = add(root, "publicIpSet")
        for cidr in catalog.PUBLIC_IP_RANGES:
            add(ip_set, "item", cidr)
        return root

    def describe_regions(self, params: Params) -> ET.Element:
        """Outscale's regions (moto would list AWS's). Works unsigned, as on FCU."""
        names = params.indexed("RegionName")
        regions = list(dict.fromkeys([self.region, *catalog.PUBLIC_REGIONS]))
        unknown = [name for name in names if name not in regions]
        if unknown:
            raise invalid_value("NoSuchEntityException")
        root = response_root("DescribeRegions")
        region_set = add(root, "regionInfo")
        for name in names or regions:
            item = add(region_set, "item")
            add(item, "regionName", name)
            add(item, "regionEndpoint", f"fcu.{name}.outscale.com")
        return root

    def import_snapshot(self, params: Params) -> ET.Element:
        """FCU's ImportSnapshot (not EC2's): a snapshot from a pre-signed OSU URL.

        The local endpoint does not download the URL: it validates the request
        as FCU does and creates a completed snapshot of the declared size.
        """
        location, size = params.get("snapshotLocation"), params.get("snapshotSize")
        if not location:
            raise missing_parameter("snapshotLocation")
        if not size:
            raise missing_parameter("snapshotSize")
        if not location.lower().startswith(("http://", "https://")):
            raise FcuError("InvalidURLFormat", f"Only HTTP or HTTPs URL are accepted: {location}")
        if not size.isdigit():
            raise invalid_value(f"Invalid value for parameter snapshotSize: {size}")
        description = params.get("description") or ""
        size_gib = max(1, -(-int(size) // GIB))
        zone = f"{self.moto.region}a"
        volume = self.moto.ec2("CreateVolume", {"Size": str(size_gib), "AvailabilityZone": zone})
        volume_id = volume.findtext("volumeId")
        snapshot = self.moto.ec2("CreateSnapshot", {"VolumeId": volume_id, "Description": description})
        self.moto.ec2("DeleteVolume", {"VolumeId": volume_id})
        root = response_root("ImportSnapshot")
        add(root, "snapshotId", snapshot.findtext("snapshotId"))
        add(root, "description", description)
        add(root, "encrypted", False)
        add(root, "progress", "100%")
        add(root, "status", snapshot.findtext("status") or "completed")
        add(root, "startTime", snapshot.findtext("startTime"))
        add(root, "volumeSize", size_gib)
        return root

    # -- lookups in moto -----------------------------------------------------
    def _snapshot(self, snapshot_id: str) -> ET.Element:
        try:
            answer = self.moto.ec2("DescribeSnapshots", {"SnapshotId.1": snapshot_id})
        except FcuError as error:
            if error.code.startswith("InvalidSnapshot"):
                raise _snapshot_not_found(snapshot_id, self.account_id) from None
            raise
        found = answer.find(".//snapshotSet/item")
        if found is None:
            raise _snapshot_not_found(snapshot_id, self.account_id)
        return found

    def _image(self, image_id: str) -> ET.Element:
        try:
            answer = self.moto.ec2("DescribeImages", {"ImageId.1": image_id})
        except FcuError as error:
            if error.code.startswith("InvalidAMIID"):
                raise FcuError("InvalidAMIID.NotFound", f"The image ID does not exist: {image_id}") from None
            raise
        found = answer.find(".//imagesSet/item")
        if found is None:
            raise FcuError("InvalidAMIID.NotFound", f"The image ID does not exist: {image_id}")
        return found

    def _product_types_of(self, params: Params) -> list[catalog.ProductType]:
        image_id, snapshot_id = params.get("ImageId"), params.get("SnapshotId")
        if bool(image_id) == bool(snapshot_id):
            raise FcuError("InvalidParameterCombination", "Either snapshotId or imageId must be set")
        if snapshot_id:
            self._snapshot(snapshot_id)
            return [catalog.LINUX_PRODUCT_TYPE]
        image = self._image(image_id)
        windows = (image.findtext("platform") or "").lower() == "windows"
        return [catalog.WINDOWS_PRODUCT_TYPE if windows else catalog.LINUX_PRODUCT_TYPE]

    def _quota_usage(self) -> dict[str, int]:
        instances = self.moto.ec2("DescribeInstances").iter("instancesSet")
        volumes = self.moto.ec2("DescribeVolumes").find("volumeSet")
        own = {"Filter.1.Name": "owner-id", "Filter.1.Value.1": self.account_id}
        snapshots = self.moto.ec2("DescribeSnapshots", own).find("snapshotSet")
        return {
            "vm_limit": sum(len(s) for s in instances),
            "volume_limit": len(volumes) if volumes is not None else 0,
            "snapshot_limit": len(snapshots) if snapshots is not None else 0,
            "snapshot_export_limit": self.tasks.in_progress("snapshot"),
            "image_export_limit": self.tasks.in_progress("image"),
        }


# -- validation shared by both exports -----------------------------------------
def _export_destination(params: Params, resource_id: str | None, id_name: str) -> tuple[str, str, str]:
    disk_format = params.get("ExportToOsu.DiskImageFormat")
    bucket = params.get("ExportToOsu.OsuBucket")
    if not resource_id:
        raise missing_parameter(id_name)
    if not disk_format:
        raise missing_parameter("DiskImageFormat")
    if not bucket:
        raise missing_parameter("OsuBucket")
    # ⚠ Formats: the current platform takes qcow2/raw, the original extension
    # vmdk/vdi/qcow2; we accept both sets, as the original extension's users expect.
    if disk_format not in FORMATS:
        supported = ", ".join(FORMATS)
        raise invalid_value(
            f"Value of parameter 'DiskFormat' is not valid: {disk_format}. Supported values: {supported}"
        )
    if bucket != bucket.lower():
        raise invalid_value(f"Value of parameter 'OsuBucket' must be lowercase. Received: {bucket}")
    return disk_format, bucket, params.get("ExportToOsu.OsuPrefix") or ""


def _snapshot_not_found(snapshot_id: str, account_id: str) -> FcuError:
    return FcuError(
        "InvalidSnapshot.NotFound",
        f"The Snapshot ID does not exist: {snapshot_id}, for account: {account_id}",
    )


def _export_to_osu_xml(parent: ET.Element, task: ExportTask) -> None:
    osu = add(parent, "exportToOsu")
    add(osu, "diskImageFormat", task.disk_format)
    add(osu, "osuBucket", task.bucket)
    if task.prefix:
        add(osu, "osuPrefix", task.prefix)
    if task.kind == "image" and task.manifest_url:
        add(osu, "osuManifestUrl", task.manifest_url)


def _task_common_xml(parent: ET.Element, task: ExportTask) -> None:
    add(parent, "state", task.state)
    if task.status_message:
        add(parent, "statusMessage", task.status_message)
    add(parent, "completion", task.completion)


def _snapshot_task_xml(parent: ET.Element, task: ExportTask) -> None:
    add(parent, "snapshotExportTaskId", task.task_id)
    _task_common_xml(parent, task)
    add(add(parent, "snapshotExport"), "snapshotId", task.resource_id)
    _export_to_osu_xml(parent, task)


def _image_task_xml(parent: ET.Element, task: ExportTask) -> None:
    add(parent, "imageExportTaskId", task.task_id)
    _task_common_xml(parent, task)
    add(add(parent, "imageExport"), "imageId", task.resource_id)
    _export_to_osu_xml(parent, task)


def _product_types_xml(parent: ET.Element, types: list[catalog.ProductType]) -> None:
    for product_type in types:
        item = add(parent, "item")
        add(item, "productTypeId", product_type.product_type_id)
        add(item, "description", product_type.description)
        if product_type.vendor:
            add(item, "vendor", product_type.vendor)


# -- filters -------------------------------------------------------------------
def _bool_text(value: bool) -> str:
    return "true" if value else "false"


_INSTANCE_TYPE_FILTERS = {
    "name": lambda t: [t.name],
    "vcpu": lambda t: [str(t.vcpu)],
    "memory": lambda t: [str(t.memory)],
    "storage-size": lambda t: [str(t.storage_size or 0)],
    "storage-count": lambda t: [str(t.storage_count or 0)],
    "ebs-optimized-available": lambda t: [_bool_text(t.ebs_optimized_available)],
}
# ⚠ No source confirms a working filter here; the original extension sent `description`.
_PRODUCT_TYPE_FILTERS = {
    "description": lambda p: [p.description],
    "product-type-id": lambda p: [p.product_type_id],
}
# ⚠ No source names one; these follow the task's own fields.
_SNAPSHOT_TASK_FILTERS = {
    "snapshot-export-task-id": lambda t: [t.task_id],
    "snapshot-id": lambda t: [t.resource_id],
    "state": lambda t: [t.state],
    "osu-bucket": lambda t: [t.bucket],
    "disk-image-format": lambda t: [t.disk_format],
}
_QUOTA_FILTERS = {
    "reference": lambda q, reference, values: reference in values,
    "quota.display-name": lambda q, reference, values: q.display_name in values,
    "quota.group-name": lambda q, reference, values: q.group_name in values,
}


def _filtered(items: list, filters: list[tuple[str, list[str]]], fields: dict) -> list:
    """Items matching every filter (any of its values); an unknown name is ``InvalidFilter``."""
    for name, _ in filters:
        if name not in fields:
            raise FcuError("InvalidFilter", f"The filter '{name}' is invalid")
    return [item for item in items if all(set(fields[n](item)) & set(values) for n, values in filters)]
