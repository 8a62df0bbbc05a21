"""The plain-dict file loader register() installs: faster, and nothing else changes.

The fcu model is decoded into plain dicts instead of botocore's OrderedDicts.
These tests pin what that must not change: the model's content, what goes on
the wire, what comes back parsed, and how every other service is loaded.
"""

from __future__ import annotations

import json
import os
from collections import OrderedDict

import botocore.loaders
import botocore.session
from conftest import make_session

import osc_boto_ext
from osc_boto_ext.model_files import PlainDictFileLoader

MODEL_DIR = os.path.join(osc_boto_ext.DATA_PATH, "fcu", "2016-09-15")

VOLUMES = b"""<DescribeVolumesResponse xmlns="http://ec2.amazonaws.com/doc/2016-09-15/">
  <requestId>5f0b3c7e-9a41-4c2e-8a0d-1f6e2b9c4d10</requestId>
  <volumeSet><item><volumeId>vol-1</volumeId><size>10</size><status>in-use</status>
    <createTime>2026-01-01T10:00:00.000Z</createTime>
    <attachmentSet><item><instanceId>i-1</instanceId><deleteOnTermination>true</deleteOnTermination></item>
    </attachmentSet></item></volumeSet>
</DescribeVolumesResponse>"""

CALLS = [
    ("run_instances", dict(ImageId="ami-1", MinCount=1, MaxCount=2, UserData="#!/bin/sh\necho hi\n")),
    (
        "run_instances",
        dict(
            ImageId="ami-1",
            MinCount=1,
            MaxCount=1,
            BlockDeviceMappings=[{"DeviceName": "/dev/sda1", "Ebs": {"VolumeSize": 20, "VolumeType": "gp2"}}],
            Placement={"AvailabilityZone": "eu-west-2a"},
        ),
    ),
    ("describe_instances", dict(Filters=[{"Name": "instance-state-name", "Values": ["running"]}])),
    (
        "export_snapshot",
        dict(
            SnapshotId="snap-1", ExportToOsu={"DiskImageFormat": "qcow2", "OsuBucket": "b", "OsuPrefix": "p/"}
        ),
    ),
    ("describe_quotas", dict(QuotaNames=["vm_limit"])),
    ("describe_volumes", dict(VolumeIds=["vol-1"])),
]


def with_botocores_file_loader(session):
    """The same registered session, but our files decoded by botocore's own loader."""
    loader = session._session.get_component("data_loader")
    assert isinstance(loader.file_loader, PlainDictFileLoader)
    loader.file_loader = loader.file_loader.fallback
    return session


def test_fcu_files_decode_to_plain_dicts_equal_to_the_shipped_json(session):
    data = session._session.get_service_data("fcu")
    with open(os.path.join(MODEL_DIR, "service-2.json"), encoding="utf-8") as handle:
        assert data == json.load(handle)
    assert type(data) is dict and type(data["shapes"]) is dict
    assert list(data["operations"]) == sorted(data["operations"])


def test_other_services_load_exactly_as_before(session):
    registered = session._session.get_service_data("ec2")
    plain = botocore.session.get_session().get_service_data("ec2")
    assert type(registered) is OrderedDict
    assert registered == plain


def test_wire_and_parsing_are_identical_with_botocores_file_loader(wire):
    ours = osc_boto_ext.register(make_session()).client("fcu")
    theirs = with_botocores_file_loader(osc_boto_ext.register(make_session())).client("fcu")
    assert type(ours.meta.service_model._service_description) is dict
    assert type(theirs.meta.service_model._service_description) is OrderedDict
    captured = {name: wire(client, body=VOLUMES) for name, client in (("ours", ours), ("theirs", theirs))}
    for method, params in CALLS:
        replies = [getattr(client, method)(**params) for client in (ours, theirs)]
        for reply in replies:
            reply["ResponseMetadata"].pop("HTTPHeaders", None)
        assert replies[0] == replies[1], method
        sent = [captured[name].last for name in ("ours", "theirs")]
        assert sent[0].body == sent[1].body, method
        assert sent[0].url == sent[1].url == "https://fcu.eu-west-2.outscale.com/"
    assert captured["ours"].params == {
        "Action": "DescribeVolumes",
        "Version": "2016-09-15",
        "VolumeId.1": "vol-1",
    }


def test_paginators_waiters_and_rule_set_load_through_it(session):
    client = session.client("fcu")
    assert client.can_paginate("describe_instances")
    assert "snapshot_export_task_completed" in client.waiter_names
    assert client.meta.endpoint_url == "https://fcu.eu-west-2.outscale.com"


def test_registering_again_wraps_the_file_loader_once():
    session = make_session()
    osc_boto_ext.register(session)
    osc_boto_ext.register(session)
    file_loader = session._session.get_component("data_loader").file_loader
    assert isinstance(file_loader, PlainDictFileLoader)
    assert type(file_loader.fallback) is botocore.loaders.JSONFileLoader


def test_it_answers_like_botocores_loader():
    fallback = botocore.loaders.JSONFileLoader()
    loader = PlainDictFileLoader(osc_boto_ext.DATA_PATH, fallback)
    missing = os.path.join(MODEL_DIR, "no-such-file")
    assert loader.exists(os.path.join(MODEL_DIR, "service-2"))
    assert not loader.exists(missing)
    assert loader.load_file(missing) is None
    assert (
        loader.load_file(os.path.join(osc_boto_ext.DATA_PATH, "fcu", "no-such-version", "service-2")) is None
    )
    outside = os.path.join(botocore.loaders.Loader.BUILTIN_DATA_PATH, "sts", "2011-06-15", "service-2")
    assert loader.exists(outside)
    assert type(loader.load_file(outside)) is OrderedDict
    assert loader.load_file(outside) == fallback.load_file(outside)


def test_anything_else_is_asked_of_the_wrapped_loader():
    class Newer(botocore.loaders.JSONFileLoader):
        extension_hint = ".json"

    loader = PlainDictFileLoader(osc_boto_ext.DATA_PATH, Newer())
    assert loader.extension_hint == ".json"
