"""EC2 actions reach moto through the local endpoint; OSU reaches moto's S3."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest
from botocore.exceptions import ClientError

from osc_boto_ext.local import LocalFCU


def test_owner_self_lists_only_the_callers_snapshots(fcu):
    everything_before = fcu.describe_snapshots()["Snapshots"]
    volume = fcu.create_volume(Size=5, AvailabilityZone="eu-west-2a")
    mine = fcu.create_snapshot(VolumeId=volume["VolumeId"], Description="mine")["SnapshotId"]
    # The seed's get_all_snapshots(owner='self')[0]:
    own = fcu.describe_snapshots(OwnerIds=["self"])["Snapshots"]
    assert [s["SnapshotId"] for s in own] == [mine]
    assert len(everything_before) > 1  # moto's built-in public snapshots exist, but are not "self"


def test_owner_self_combines_with_the_callers_filters(fcu):
    volume = fcu.create_volume(Size=1, AvailabilityZone="eu-west-2a")
    tagged = fcu.create_snapshot(VolumeId=volume["VolumeId"], Description="tagged")["SnapshotId"]
    fcu.create_tags(Resources=[tagged], Tags=[{"Key": "role", "Value": "db"}])
    found = fcu.describe_snapshots(OwnerIds=["self"], Filters=[{"Name": "tag:role", "Values": ["db"]}])
    assert [s["SnapshotId"] for s in found["Snapshots"]] == [tagged]


def test_owner_self_lists_only_the_callers_images(fcu):
    public = fcu.describe_images()["Images"]
    instance = fcu.run_instances(ImageId=public[0]["ImageId"], MinCount=1, MaxCount=1)["Instances"][0]
    image_id = fcu.create_image(InstanceId=instance["InstanceId"], Name="golden")["ImageId"]
    assert [i["ImageId"] for i in fcu.describe_images(Owners=["self"])["Images"]] == [image_id]


def test_two_endpoints_do_not_share_resources():
    with LocalFCU() as first, LocalFCU() as second:
        assert first.account_id != second.account_id
        volume = first.client().create_volume(Size=1, AvailabilityZone="eu-west-2a")["VolumeId"]
        assert [v["VolumeId"] for v in first.client().describe_volumes()["Volumes"]] == [volume]
        assert second.client().describe_volumes()["Volumes"] == []


def test_ec2_actions_run_on_moto(fcu):
    vpc = fcu.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnet = fcu.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24")["Subnet"]["SubnetId"]
    assert [
        s["SubnetId"] for s in fcu.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["Subnets"]
    ] == [subnet]
    zones = [z["ZoneName"] for z in fcu.describe_availability_zones()["AvailabilityZones"]]
    assert "eu-west-2a" in zones


def test_osu_on_the_same_endpoint(endpoint):
    osu = endpoint.client("s3")
    assert osu.meta.endpoint_url == endpoint.endpoint_url
    osu.create_bucket(Bucket="plain")  # no LocationConstraint needed, as on OSU
    osu.put_object(Bucket="plain", Key="a/b.txt", Body=b"hello")
    assert osu.get_object(Bucket="plain", Key="a/b.txt")["Body"].read() == b"hello"
    assert [b["Name"] for b in osu.list_buckets()["Buckets"]] == ["plain"]


def test_client_before_start_is_a_clear_error():
    with pytest.raises(RuntimeError, match="not started"):
        LocalFCU().client()


def test_start_and_stop_without_context_manager():
    endpoint = LocalFCU(region_name="eu-west-2")
    endpoint.start()
    try:
        assert endpoint.endpoint_url.startswith("http://127.0.0.1:")
        assert endpoint.client().describe_volumes()["Volumes"] == []
    finally:
        endpoint.stop()
    endpoint.stop()  # harmless twice


def test_stop_forgets_the_endpoints_moto_account():
    # moto's backends are process-wide; a stopped endpoint must not keep its account there.
    from moto.backends import get_backend

    endpoint = LocalFCU().start()
    endpoint.client().describe_volumes()
    account = endpoint.account_id
    assert account in get_backend("ec2")
    endpoint.stop()
    assert account not in get_backend("ec2")


def test_an_outscale_only_region_works_end_to_end():
    with LocalFCU(region_name="cloudgouv-eu-west-1") as endpoint:
        fcu, osu = endpoint.client(), endpoint.client("s3")
        assert fcu.meta.region_name == "cloudgouv-eu-west-1"
        zone = fcu.describe_availability_zones()["AvailabilityZones"][0]["ZoneName"]
        volume = fcu.create_volume(Size=1, AvailabilityZone=zone)["VolumeId"]
        osu.create_bucket(Bucket="gouv")
        snapshot = fcu.create_snapshot(VolumeId=volume)["SnapshotId"]
        task = fcu.export_snapshot(
            SnapshotId=snapshot, ExportToOsu={"DiskImageFormat": "vdi", "OsuBucket": "gouv"}
        )
        task_id = task["SnapshotExportTask"]["SnapshotExportTaskId"]
        fcu.get_waiter("snapshot_export_task_completed").wait(
            SnapshotExportTaskIds=[task_id], WaiterConfig={"Delay": 1, "MaxAttempts": 30}
        )
        assert [o["Key"] for o in osu.list_objects_v2(Bucket="gouv")["Contents"]] == [f"{task_id}.vdi"]


def test_presigned_osu_urls_check_the_access_key(endpoint):
    osu = endpoint.client("s3")
    osu.create_bucket(Bucket="shared")
    osu.put_object(Bucket="shared", Key="readme.txt", Body=b"hi")
    url = osu.generate_presigned_url("get_object", Params={"Bucket": "shared", "Key": "readme.txt"})
    with urllib.request.urlopen(url, timeout=10) as answer:
        assert answer.read() == b"hi"
    assert refusal(url.replace(endpoint.access_key, "AKSOMEONEELSE000000")) == "InvalidAccessKeyId"
    assert refusal(url.replace("readme.txt", "other.txt")) == "SignatureDoesNotMatch"
    expired = osu.generate_presigned_url(
        "get_object", Params={"Bucket": "shared", "Key": "readme.txt"}, ExpiresIn=-60
    )
    assert refusal(expired) == "AccessDenied"
    assert refusal(f"{endpoint.endpoint_url}/shared/readme.txt") == "AccessDenied"  # anonymous


def refusal(url: str) -> str:
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(url, timeout=10)
    assert caught.value.code == 403
    return re.search(rb"<Code>(\w+)</Code>", caught.value.read()).group(1).decode()


def test_an_action_moto_lacks_is_fcus_not_implemented(fcu):
    with pytest.raises(ClientError) as caught:
        fcu.bundle_instance(InstanceId="i-12345678", Storage={"S3": {"Bucket": "b", "Prefix": "p"}})
    error = caught.value.response
    assert (error["Error"]["Code"], error["ResponseMetadata"]["HTTPStatusCode"]) == ("NotImplemented", 400)
