"""EC2 calls, a paginator and a waiter over HTTP, against moto's EC2 server on 127.0.0.1.

moto's EC2 app does not check signatures or the credential scope's service,
so it answers the fcu client as it would an ec2 one.
"""

from __future__ import annotations

import threading

import pytest

moto_server = pytest.importorskip("moto.moto_server.werkzeug_app")


@pytest.fixture(scope="module")
def moto_ec2_url():
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, moto_server.create_backend_app("ec2"), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def fcu(session, moto_ec2_url):
    return session.client("fcu", endpoint_url=moto_ec2_url, region_name="us-west-1")


def test_volume_and_snapshot_round_trip(fcu):
    volume = fcu.create_volume(AvailabilityZone="us-west-1a", Size=10)
    assert volume["Size"] == 10 and volume["VolumeId"].startswith("vol-")
    fcu.get_waiter("volume_available").wait(VolumeIds=[volume["VolumeId"]], WaiterConfig={"Delay": 1})
    snapshot = fcu.create_snapshot(VolumeId=volume["VolumeId"], Description="nightly")
    described = fcu.describe_snapshots(SnapshotIds=[snapshot["SnapshotId"]])["Snapshots"]
    assert [s["Description"] for s in described] == ["nightly"]
    assert described[0]["VolumeSize"] == 10


def test_paginator_walks_every_page(fcu):
    image_id = fcu.describe_images()["Images"][0]["ImageId"]
    created = {  # moto pages by reservation
        fcu.run_instances(ImageId=image_id, MinCount=1, MaxCount=1)["Instances"][0]["InstanceId"]
        for _ in range(7)
    }
    paginator = fcu.get_paginator("describe_instances")
    pages = list(paginator.paginate(PaginationConfig={"PageSize": 3}))
    seen = [i["InstanceId"] for page in pages for r in page["Reservations"] for i in r["Instances"]]
    assert created <= set(seen)
    assert len(seen) == len(set(seen))
    assert len(pages) >= 3


def test_instance_waiter_and_user_data(fcu):
    image_id = fcu.describe_images()["Images"][0]["ImageId"]
    reservation = fcu.run_instances(ImageId=image_id, MinCount=1, MaxCount=1, UserData="#!/bin/sh\n")
    instance_id = reservation["Instances"][0]["InstanceId"]
    fcu.get_waiter("instance_running").wait(InstanceIds=[instance_id], WaiterConfig={"Delay": 1})
    attribute = fcu.describe_instance_attribute(InstanceId=instance_id, Attribute="userData")
    import base64

    assert base64.b64decode(attribute["UserData"]["Value"]) == b"#!/bin/sh\n"


def test_server_error_surfaces_as_client_error(fcu):
    from botocore.exceptions import ClientError

    with pytest.raises(ClientError) as failure:
        fcu.describe_volumes(VolumeIds=["vol-00000000"])
    assert failure.value.response["Error"]["Code"] == "InvalidVolume.NotFound"
