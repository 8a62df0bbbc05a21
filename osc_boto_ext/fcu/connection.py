"""``FCUConnection``: the original extension's methods over a boto3 ``fcu`` client.

Each method only translates: boto2 arguments in, one boto3 call, typed
result objects out. The request itself is serialized, signed and parsed by
the registered client, so what goes on the wire is what
``conn.client.<operation>(...)`` would send.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from botocore.client import BaseClient

from osc_boto_ext.fcu.errors import fcu_errors
from osc_boto_ext.fcu.filters import Boto2Filters, boto3_filters
from osc_boto_ext.fcu.results import InstanceType, ProductType, Snapshot, SnapshotExportTask


class FCUConnection:
    """boto2-style FCU calls; ``client`` is the boto3 client for everything else."""

    def __init__(self, client: BaseClient) -> None:
        service = getattr(getattr(client, "meta", None), "service_model", None)
        if service is None or service.service_name != "fcu":
            raise TypeError("FCUConnection wraps a boto3 'fcu' client (see osc_boto_ext.register)")
        self.client = client

    @property
    def region(self) -> str:
        return self.client.meta.region_name

    @property
    def endpoint_url(self) -> str:
        return self.client.meta.endpoint_url

    def __repr__(self) -> str:
        # Credentials are deliberately absent: reprs end up in logs.
        return f"FCUConnection(endpoint_url={self.endpoint_url!r}, region={self.region!r})"

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        raise AttributeError(
            f"FCUConnection has no boto2 method {name!r}; call the boto3 client instead, "
            f"e.g. conn.client.describe_instances(...) (see the migration table)"
        )

    # -- Outscale snapshot exports -------------------------------------------------

    def export_snapshot(
        self,
        snapshot_id: str,
        bucket: str,
        disk_image_format: str,
        prefix: str | None = None,
        ak: str | None = None,
        sk: str | None = None,
        dry_run: bool = False,
    ) -> SnapshotExportTask:
        """Export a snapshot to an OSU bucket (``CreateSnapshotExportTask``).

        The format is not checked here: FCU's accepted list has changed
        (``vmdk``/``vdi``/``qcow2`` then ``qcow2``/``raw``), so FCU decides.
        ``ak``/``sk`` are the keys FCU writes to the bucket with; they go as
        ``ExportToOsu.aksk.*``, the original's lower-case spelling (reference §3.1 ⚠).
        """
        export: dict[str, Any] = {
            "OsuBucket": _text("bucket", bucket),
            "DiskImageFormat": _text("disk_image_format", disk_image_format),
        }
        if prefix is not None:
            export["OsuPrefix"] = _text("prefix", prefix)
        if (ak is None) != (sk is None):
            raise ValueError("export_snapshot() needs both ak and sk, or neither")
        if ak is not None:
            export["Aksk"] = {"AccessKey": _text("ak", ak), "SecretKey": _text("sk", sk)}
        params = {"SnapshotId": _text("snapshot_id", snapshot_id), "ExportToOsu": export}
        with fcu_errors():
            response = self.client.create_snapshot_export_task(**params, **_dry_run(dry_run))
        return SnapshotExportTask.from_boto3(response.get("SnapshotExportTask", {}))

    #: The spelling the original README's example uses.
    export_snapshots = export_snapshot

    def get_all_snapshot_export_tasks(
        self,
        task_ids: str | Iterable[str] | None = None,
        filters: Boto2Filters | None = None,
        dry_run: bool = False,
        *,
        snapshot_export_ids: str | Iterable[str] | None = None,
    ) -> list[SnapshotExportTask]:
        """Describe snapshot export tasks: all of them, or those in ``task_ids``.

        ``snapshot_export_ids`` is the keyword the original code used for ``task_ids``.
        """
        if task_ids is not None and snapshot_export_ids is not None:
            raise TypeError("give task_ids or snapshot_export_ids, not both")
        params: dict[str, Any] = {}
        ids = _ids("task_ids", task_ids if task_ids is not None else snapshot_export_ids)
        if ids:
            params["SnapshotExportTaskIds"] = ids
        params.update(_filters(filters), **_dry_run(dry_run))
        with fcu_errors():
            response = self.client.describe_snapshot_export_tasks(**params)
        return [SnapshotExportTask.from_boto3(task) for task in response.get("SnapshotExportTasks", [])]

    # -- Outscale catalogue --------------------------------------------------------

    def get_all_instance_types(
        self, filters: Boto2Filters | None = None, dry_run: bool = False
    ) -> list[InstanceType]:
        """The instance types the region offers (``DescribeInstanceTypes``)."""
        with fcu_errors():
            response = self.client.describe_instance_types(**_filters(filters), **_dry_run(dry_run))
        return [InstanceType.from_boto3(item) for item in response.get("InstanceTypes", [])]

    def get_product_type(self, snapshot_id: str | None = None, image_id: str | None = None) -> ProductType:
        """The product type of a snapshot or an image (``GetProductType``).

        As the original did, whichever IDs are given are sent; FCU documents
        no rule for the singular call (reference §3.5 ⚠). Giving neither is refused.
        """
        params = {}
        if snapshot_id is not None:
            params["SnapshotId"] = _text("snapshot_id", snapshot_id)
        if image_id is not None:
            params["ImageId"] = _text("image_id", image_id)
        if not params:
            raise ValueError("get_product_type() needs snapshot_id or image_id")
        with fcu_errors():
            response = self.client.get_product_type(**params)
        return ProductType.from_boto3(response)

    def get_all_product_types(
        self, filters: Boto2Filters | None = None, dry_run: bool = False
    ) -> list[ProductType]:
        """Every product type FCU knows (``DescribeProductTypes``)."""
        with fcu_errors():
            response = self.client.describe_product_types(**_filters(filters), **_dry_run(dry_run))
        return [ProductType.from_boto3(item) for item in response.get("ProductTypes", [])]

    # -- EC2 calls the original README uses ----------------------------------------

    def get_all_snapshots(
        self,
        snapshot_ids: str | Iterable[str] | None = None,
        owner: str | Iterable[str] | None = None,
        restorable_by: str | Iterable[str] | None = None,
        filters: Boto2Filters | None = None,
        dry_run: bool = False,
    ) -> list[Snapshot]:
        """Describe snapshots (``DescribeSnapshots``), e.g. ``owner='self'``.

        Like boto2, one request, no pagination: FCU returns every match.
        """
        params: dict[str, Any] = {}
        for key, name, value in (
            ("SnapshotIds", "snapshot_ids", snapshot_ids),
            ("OwnerIds", "owner", owner),
            ("RestorableByUserIds", "restorable_by", restorable_by),
        ):
            values = _ids(name, value)
            if values:
                params[key] = values
        params.update(_filters(filters), **_dry_run(dry_run))
        with fcu_errors():
            response = self.client.describe_snapshots(**params)
        return [Snapshot.from_boto3(item) for item in response.get("Snapshots", [])]


def _text(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError(f"{name} must be a non-empty string, not {value!r}")
    return value


def _ids(name: str, value: str | Iterable[str] | None) -> list[str]:
    """boto2's list arguments: ``None``, one string, or an iterable of strings."""
    if value is None:
        return []
    if isinstance(value, str):
        values = [value]
    elif isinstance(value, Iterable) and not isinstance(value, (bytes, Mapping)):
        values = list(value)
    else:
        raise TypeError(f"{name} must be a string or a list of strings, not {value!r}")
    for item in values:
        _text(f"each of {name}", item)
    return values


def _filters(filters: Boto2Filters | None) -> dict[str, Any]:
    converted = boto3_filters(filters)
    return {"Filters": converted} if converted else {}


def _dry_run(dry_run: bool) -> dict[str, Any]:
    """boto2 sent ``DryRun=true`` only when asked, never ``DryRun=false``."""
    return {"DryRun": True} if dry_run else {}
