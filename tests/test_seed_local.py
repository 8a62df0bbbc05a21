"""The seed's calls end to end against ``LocalFCU`` (optional: needs the ``local`` extra)."""

from __future__ import annotations

import pytest

pytest.importorskip("moto")
local_module = pytest.importorskip("osc_boto_ext.local")

from osc_boto_ext import fcu  # noqa: E402 - after the skips


@pytest.fixture(scope="module")
def local():
    with local_module.LocalFCU() as endpoint:
        yield endpoint


@pytest.fixture
def conn(local):
    return fcu.connect_fcu_endpoint(local.endpoint_url, local.access_key, local.secret_key)


def test_readme_flow_against_local_fcu(conn, local):
    volume = conn.client.create_volume(Size=1, AvailabilityZone="eu-west-2a")
    made = conn.client.create_snapshot(VolumeId=volume["VolumeId"], Description="seed flow")

    snap = next(s for s in conn.get_all_snapshots(owner="self") if s.id == made["SnapshotId"])
    assert (snap.volume_id, snap.volume_size, snap.description) == (volume["VolumeId"], 1, "seed flow")
    assert snap.owner_id == local.account_id

    export_task = conn.export_snapshots(snap.id, "bucket", "qcow2", prefix="p/")
    assert export_task.id.startswith("snap-export-")
    assert (export_task.snapshot_id, export_task.bucket, export_task.prefix) == (snap.id, "bucket", "p/")
    assert export_task.state in ("pending", "active", "completed")

    (listed,) = conn.get_all_snapshot_export_tasks([export_task.id])
    assert (listed.id, listed.snapshot_id, listed.disk_image_format) == (export_task.id, snap.id, "qcow2")


def test_catalogue_calls_against_local_fcu(conn):
    (nano,) = conn.get_all_instance_types(filters={"name": "t2.nano"})
    assert nano.name == "t2.nano" and isinstance(nano.vcpu, int) and isinstance(nano.memory, int)
    assert "0001" in {product.id for product in conn.get_all_product_types()}


def test_errors_against_local_fcu(conn):
    with pytest.raises(fcu.FCUResponseError) as caught:
        conn.get_all_snapshot_export_tasks(["snap-export-00000000"])
    assert (caught.value.status, caught.value.error_code) == (400, "InvalidSnapshotExportTaskID.NotFound")
    assert caught.value.request_id


def test_wrong_secret_is_refused_by_local_fcu(local):
    conn = fcu.connect_fcu_endpoint(local.endpoint_url, local.access_key, "not-the-secret")
    with pytest.raises(fcu.FCUResponseError) as caught:
        conn.get_all_snapshots(owner="self")
    assert caught.value.error_code == "SignatureDoesNotMatch"
    assert caught.value.status == 403
