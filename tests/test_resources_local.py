"""boto3.resource('fcu') against the local endpoint: export a snapshot and wait on the resource."""

from __future__ import annotations

import pytest

pytest.importorskip("moto")

from osc_boto_ext.local import LocalFCU  # noqa: E402

FAST = {"Delay": 1, "MaxAttempts": 60}


@pytest.fixture
def endpoint():
    with LocalFCU(export_seconds=0.2) as local:
        yield local


def test_export_a_snapshot_and_wait_on_the_resource(endpoint):
    fcu = endpoint.session().resource("fcu", endpoint_url=endpoint.endpoint_url)
    osu = endpoint.client("s3")
    osu.create_bucket(Bucket="nightly-backups")
    zone = fcu.meta.client.describe_availability_zones()["AvailabilityZones"][0]["ZoneName"]
    snapshot = fcu.create_volume(Size=1, AvailabilityZone=zone).create_snapshot(Description="resource test")
    snapshot.wait_until_completed(WaiterConfig=FAST)

    task = snapshot.export(Bucket="nightly-backups", DiskImageFormat="qcow2", Prefix="db01/")
    assert task.id.startswith("snap-export-")
    assert task.snapshot.id == snapshot.id
    task.wait_until_completed(WaiterConfig=FAST)
    task.reload()
    assert (task.state, task.completion) == ("completed", 100)
    assert task.export_to_osu == {
        "DiskImageFormat": "qcow2",
        "OsuBucket": "nightly-backups",
        "OsuPrefix": "db01/",
    }

    assert [t.id for t in fcu.snapshot_export_tasks.all()] == [task.id]
    keys = [o["Key"] for o in osu.list_objects_v2(Bucket="nightly-backups")["Contents"]]
    assert keys == [f"db01/{task.id}.qcow2"]


def test_tags_through_the_service_resource(endpoint):
    fcu = endpoint.session().resource("fcu", endpoint_url=endpoint.endpoint_url)
    zone = fcu.meta.client.describe_availability_zones()["AvailabilityZones"][0]["ZoneName"]
    volume = fcu.create_volume(Size=1, AvailabilityZone=zone)
    tags = fcu.create_tags(Resources=[volume.id], Tags=[{"Key": "env", "Value": "test"}])
    assert [(t.resource_id, t.key, t.value) for t in tags] == [(volume.id, "env", "test")]
    volume.reload()
    assert volume.tags == [{"Key": "env", "Value": "test"}]
