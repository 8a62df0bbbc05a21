"""Outscale's catalogue and account actions on the local endpoint, through plain boto3."""

from __future__ import annotations

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from osc_boto_ext.local import LocalFCU

GIB = 1 << 30


def error_of(call, **kwargs):
    with pytest.raises(ClientError) as caught:
        call(**kwargs)
    return caught.value.response["Error"]["Code"], caught.value.response["Error"]["Message"]


def names(answer):
    return [t["Name"] for t in answer["InstanceTypes"]]


# -- DescribeInstanceTypes -------------------------------------------------------
def test_instance_types_catalogue(endpoint):
    fcu = endpoint.client()
    sent = []
    fcu.meta.events.register("before-send", lambda request, **kw: sent.append(request.body))
    types = fcu.describe_instance_types()["InstanceTypes"]
    assert "Action=DescribeInstanceTypes" in sent[0] and "Version=2015-05-07" in sent[0]
    by_name = {t["Name"]: t for t in types}
    assert len(types) >= 111
    assert by_name["t2.nano"] == {
        "Name": "t2.nano",
        "Vcpu": 1,
        "Memory": GIB,
        "MaxIpAddresses": 4,
        "EbsOptimizedAvailable": False,
    }
    assert by_name["m3.large"]["Memory"] == 8050966528
    assert (by_name["og4.4xlarge"]["StorageSize"], by_name["og4.4xlarge"]["StorageCount"]) == (384 * GIB, 1)
    assert by_name["tinav4.c2r4p1"]["Vcpu"] == 2 and by_name["tinav4.c2r4p1"]["Memory"] == 4 * GIB
    assert sum(1 for t in types if t["Vcpu"] == 1) >= 9


@pytest.mark.parametrize(
    "name, value, check",
    [
        ("name", "t2.nano", lambda types: [t["Name"] for t in types] == ["t2.nano"]),
        ("vcpu", "1", lambda types: types and all(t["Vcpu"] == 1 for t in types)),
        ("memory", str(GIB), lambda types: types and all(t["Memory"] == GIB for t in types)),
        ("storage-size", str(16 * GIB), lambda types: [t["Name"] for t in types] == ["c3.large"]),
        ("storage-count", "4", lambda types: types and all(t["StorageCount"] == 4 for t in types)),
        (
            "ebs-optimized-available",
            "true",
            lambda types: types and all(t["EbsOptimizedAvailable"] for t in types),
        ),
        ("name", "no-such-type", lambda types: types == []),
    ],
)
def test_instance_type_filters(fcu, name, value, check):
    types = fcu.describe_instance_types(Filters=[{"Name": name, "Values": [value]}])["InstanceTypes"]
    assert check(types)


def test_instance_type_filters_combine(fcu):
    answer = fcu.describe_instance_types(
        Filters=[{"Name": "vcpu", "Values": ["2"]}, {"Name": "memory", "Values": [str(4 * GIB)]}]
    )
    assert "c4.large" in names(answer) and all(t["Vcpu"] == 2 for t in answer["InstanceTypes"])


def test_unknown_instance_type_filter_is_invalid_filter(fcu):
    code, message = error_of(fcu.describe_instance_types, Filters=[{"Name": "foo", "Values": ["1"]}])
    assert (code, message) == ("InvalidFilter", "The filter 'foo' is invalid")


# -- product types ------------------------------------------------------------------
def test_product_types(fcu):
    types = fcu.describe_product_types()["ProductTypes"]
    assert types[:2] == [
        {"ProductTypeId": "0001", "Description": "Linux/UNIX"},
        {"ProductTypeId": "0002", "Description": "Windows", "Vendor": "Microsoft"},
    ]
    assert len(types) >= 5
    windows = fcu.describe_product_types(Filters=[{"Name": "description", "Values": ["Windows"]}])
    assert [t["ProductTypeId"] for t in windows["ProductTypes"]] == ["0002"]
    assert (
        error_of(fcu.describe_product_types, Filters=[{"Name": "foo", "Values": ["x"]}])[0] == "InvalidFilter"
    )


@pytest.fixture(scope="module")
def snapshot_id(fcu):
    volume = fcu.create_volume(Size=3, AvailabilityZone="eu-west-2a")
    return fcu.create_snapshot(VolumeId=volume["VolumeId"])["SnapshotId"]


def test_get_product_type_of_a_snapshot_and_an_image(fcu, snapshot_id):
    answer = fcu.get_product_type(SnapshotId=snapshot_id)
    assert (answer["ProductTypeId"], answer["Description"]) == ("0001", "Linux/UNIX")
    windows = fcu.describe_images(Filters=[{"Name": "platform", "Values": ["windows"]}])["Images"]
    assert windows, "moto ships Windows images"
    assert fcu.get_product_types(ImageId=windows[0]["ImageId"])["ProductTypes"][0]["ProductTypeId"] == "0002"
    assert fcu.get_product_types(SnapshotId=snapshot_id)["ProductTypes"] == [
        {"ProductTypeId": "0001", "Description": "Linux/UNIX"}
    ]


def test_get_product_types_needs_exactly_one_resource(fcu, snapshot_id):
    expected = ("InvalidParameterCombination", "Either snapshotId or imageId must be set")
    assert error_of(fcu.get_product_types) == expected
    assert error_of(fcu.get_product_types, SnapshotId=snapshot_id, ImageId="ami-12345678") == expected
    code, message = error_of(fcu.get_product_types, SnapshotId="snap-00000000")
    assert code == "InvalidSnapshot.NotFound" and "snap-00000000" in message
    assert error_of(fcu.get_product_types, ImageId="ami-00000000") == (
        "InvalidAMIID.NotFound",
        "The image ID does not exist: ami-00000000",
    )


# -- quotas ------------------------------------------------------------------------
def quotas(answer):
    return {q["Name"]: q for ref in answer["ReferenceQuotas"] for q in ref["Quotas"]}


def test_quotas_and_their_use(endpoint):
    with LocalFCU() as fresh:
        fcu = fresh.client()
        before = quotas(fcu.describe_quotas())
        fcu.create_volume(Size=1, AvailabilityZone="eu-west-2a")
        after = quotas(fcu.describe_quotas())
        answer = fcu.describe_quotas()
    assert answer["ReferenceQuotas"][0]["Reference"] == "global"
    assert answer["IsTruncated"] is False
    assert after["vm_limit"]["DisplayName"] == "VM Limit"
    assert after["vm_limit"]["OwnerId"] == fresh.account_id
    assert (before["volume_limit"]["UsedQuotaValue"], after["volume_limit"]["UsedQuotaValue"]) == (0, 1)
    assert all(q["MaxQuotaValue"] >= q["UsedQuotaValue"] for q in after.values())


def test_quota_names_filters_and_pages(fcu):
    assert list(quotas(fcu.describe_quotas(QuotaNames=["vm_limit"]))) == ["vm_limit"]
    compute = quotas(fcu.describe_quotas(Filters=[{"Name": "quota.group-name", "Values": ["Compute"]}]))
    assert "core_limit" in compute and all(q["GroupName"] == "Compute" for q in compute.values())
    display = fcu.describe_quotas(Filters=[{"Name": "quota.display-name", "Values": ["VM Limit"]}])
    assert list(quotas(display)) == ["vm_limit"]
    first = fcu.describe_quotas(MaxResults=5)
    second = fcu.describe_quotas(MaxResults=5, NextToken=first["NextToken"])
    assert first["IsTruncated"] is True and len(quotas(first)) == 5
    assert not set(quotas(first)) & set(quotas(second))


def test_quota_errors(fcu):
    assert error_of(fcu.describe_quotas, QuotaNames=["foo"]) == (
        "NotImplemented",
        "These quotas are not yet implemented: ['foo'].",
    )
    # Not InvalidFilter: DescribeQuotas answers InvalidParameterValue (reference §3.7).
    assert error_of(fcu.describe_quotas, Filters=[{"Name": "foo", "Values": ["x"]}]) == (
        "InvalidParameterValue",
        "The filter 'foo' is invalid",
    )


# -- ModifyInstanceKeypair ------------------------------------------------------------
@pytest.fixture(scope="module")
def instance_id(fcu):
    image = fcu.describe_images()["Images"][0]["ImageId"]
    return fcu.run_instances(ImageId=image, MinCount=1, MaxCount=1)["Instances"][0]["InstanceId"]


def test_modify_instance_keypair(endpoint, fcu, instance_id):
    fcu.create_key_pair(KeyName="rotated")
    client = endpoint.client()
    sent = []
    client.meta.events.register("before-send", lambda request, **kw: sent.append(request.body))
    assert client.modify_instance_keypair(InstanceId=instance_id, KeyName="rotated")["Return"] is True
    assert f"InstanceId={instance_id}" in sent[0] and "KeyName=rotated" in sent[0]


def test_modify_instance_keypair_errors(endpoint, fcu, instance_id):
    loose = endpoint.client(config=Config(parameter_validation=False))
    assert error_of(loose.modify_instance_keypair) == (
        "MissingParameter",
        "The request must contain the parameter: InstanceId",
    )
    assert error_of(loose.modify_instance_keypair, InstanceId=instance_id)[0] == "MissingParameter"
    assert error_of(fcu.modify_instance_keypair, InstanceId="web01", KeyName="k") == (
        "InvalidInstanceID.Malformed",
        "The instance ID must be in the form 'i-xxxxxx'",
    )
    assert error_of(fcu.modify_instance_keypair, InstanceId="i-00000000", KeyName="k") == (
        "InvalidInstanceID.NotFound",
        "The instance IDs do not exist: i-00000000",
    )
    assert error_of(fcu.modify_instance_keypair, InstanceId=instance_id, KeyName="absent")[0] == (
        "InvalidKeyPair.NotFound"
    )


# -- public ranges and regions -----------------------------------------------------------
def test_read_public_ip_ranges(fcu):
    ranges = fcu.read_public_ip_ranges()["PublicIps"]
    assert ranges and all("/" in cidr for cidr in ranges)


def test_describe_regions_lists_outscale_regions(fcu):
    regions = {r["RegionName"]: r["Endpoint"] for r in fcu.describe_regions()["Regions"]}
    assert regions["eu-west-2"] == "fcu.eu-west-2.outscale.com"
    assert "cloudgouv-eu-west-1" in regions
    assert [r["RegionName"] for r in fcu.describe_regions(RegionNames=["us-east-2"])["Regions"]] == [
        "us-east-2"
    ]
    assert error_of(fcu.describe_regions, RegionNames=["mars-1"])[0] == "InvalidParameterValue"


# -- ImportSnapshot (FCU's contract) and DryRun -----------------------------------------
def test_import_snapshot_creates_a_snapshot_of_the_declared_size(endpoint, fcu):
    client = endpoint.client()
    sent = []
    client.meta.events.register("before-send", lambda request, **kw: sent.append(request.body))
    url = f"{endpoint.endpoint_url}/exports/nightly/snap-export-0a1b2c3d.qcow2"
    answer = client.import_snapshot(SnapshotLocation=url, SnapshotSize=3 * GIB + 1, Description="restored")
    assert "snapshotLocation=" in sent[0] and f"snapshotSize={3 * GIB + 1}" in sent[0]
    snapshot = fcu.describe_snapshots(SnapshotIds=[answer["SnapshotId"]])["Snapshots"][0]
    assert (snapshot["VolumeSize"], snapshot["Description"], answer["VolumeSize"]) == (4, "restored", 4)


def test_import_snapshot_validation(endpoint, fcu):
    loose = endpoint.client(config=Config(parameter_validation=False))
    assert error_of(loose.import_snapshot, SnapshotSize=1) == (
        "MissingParameter",
        "The request must contain the parameter: snapshotLocation",
    )
    assert error_of(fcu.import_snapshot, SnapshotLocation="foo", SnapshotSize=1) == (
        "InvalidURLFormat",
        "Only HTTP or HTTPs URL are accepted: foo",
    )


def test_dry_run_on_an_outscale_action(fcu):
    with pytest.raises(ClientError) as caught:
        fcu.describe_instance_types(DryRun=True)
    error = caught.value.response
    assert (error["Error"]["Code"], error["ResponseMetadata"]["HTTPStatusCode"]) == ("DryRunOperation", 412)
