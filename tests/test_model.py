"""The generated fcu model: current, complete, lean, and internally consistent."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import jmespath
import pytest
from botocore.model import ServiceModel

from osc_boto_ext import DATA_PATH
from osc_boto_ext.operations import OUTSCALE_OPERATIONS, RENAMED_OPERATIONS

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("build_model", ROOT / "scripts" / "build_model.py")
build_model = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_model)
MODEL_DIR = Path(DATA_PATH) / "fcu" / "2016-09-15"

#: reference fcu-api.md §2.4: EC2 2016-09-15 operations FCU publishes in neither list.
UNPUBLISHED = """
AcceptReservedInstancesExchangeQuote AllocateHosts AttachClassicLinkVpc CancelImportTask
CancelSpotFleetRequests CreateFlowLogs DeleteFlowLogs DescribeClassicLinkInstances DescribeFlowLogs
DescribeHostReservationOfferings DescribeHostReservations DescribeHosts DescribeIdFormat
DescribeIdentityIdFormat DescribeImportImageTasks DescribeImportSnapshotTasks DescribeMovingAddresses
DescribeScheduledInstanceAvailability DescribeScheduledInstances DescribeSecurityGroupReferences
DescribeSpotFleetInstances DescribeSpotFleetRequestHistory DescribeSpotFleetRequests
DescribeStaleSecurityGroups DescribeVpcClassicLink DescribeVpcClassicLinkDnsSupport DetachClassicLinkVpc
DisableVpcClassicLink DisableVpcClassicLinkDnsSupport EnableVpcClassicLink EnableVpcClassicLinkDnsSupport
GetConsoleScreenshot GetHostReservationPurchasePreview GetReservedInstancesExchangeQuote ImportImage
ModifyHosts ModifyIdFormat ModifyIdentityIdFormat ModifyInstancePlacement ModifySpotFleetRequest
ModifyVpcPeeringConnectionOptions MoveAddressToVpc PurchaseHostReservation PurchaseScheduledInstances
ReleaseHosts RequestSpotFleet RestoreAddressToClassic RunScheduledInstances
""".split()


def load(name: str) -> dict:
    return json.loads((MODEL_DIR / name).read_text())


ec2_source = build_model.read_botocore_file  # botocore's EC2 2016-09-15 files, as the generator reads them


@pytest.fixture(scope="module")
def service() -> dict:
    return load("service-2.json")


@pytest.fixture(scope="module")
def service_model(service) -> ServiceModel:
    return ServiceModel(service, service_name="fcu")


def published_ec2_actions() -> set[str]:
    return set(build_model.read_actions())


def test_generated_files_are_current():
    assert build_model.main(["--check"]) == 0, "run: python scripts/build_model.py"


def test_metadata(service):
    metadata = service["metadata"]
    assert metadata["apiVersion"] == "2016-09-15"
    assert metadata["protocol"] == "ec2"
    assert metadata["endpointPrefix"] == metadata["signingName"] == "fcu"
    assert metadata["signatureVersion"] == "v4"
    assert metadata["serviceId"] == "FCU"
    assert "Outscale" in metadata["serviceFullName"]


def test_operations_are_exactly_fcu_published_actions(service):
    names = set(service["operations"])
    ec2_actions = published_ec2_actions()
    assert len(ec2_actions) == 164
    assert names == ec2_actions | set(OUTSCALE_OPERATIONS)
    assert len(names) == 164 + 12
    assert not names & set(UNPUBLISHED), "an EC2 action FCU does not publish"


def test_outscale_operation_constants_match_overlay():
    overlay = json.loads((ROOT / "model" / "outscale-overlay.json").read_text())
    outscale = {name for name in overlay["operations"] if name not in published_ec2_actions()}
    assert outscale == set(OUTSCALE_OPERATIONS)
    renamed = {name for name, op in overlay["operations"].items() if op["name"] != name}
    assert renamed == set(RENAMED_OPERATIONS)


def _wire_tree(model: ServiceModel, shape, seen=()):
    """A shape as the EC2 protocol sees it: names on the wire, types, requiredness."""
    if shape is None:
        return None
    if shape.name in seen:
        return ("recursive", shape.name)
    seen = (*seen, shape.name)
    serialization = {k: v for k, v in shape.serialization.items() if k != "name"}
    node = {"type": shape.type_name, "ser": serialization}
    if shape.type_name == "structure":
        node["required"] = sorted(shape.required_members)
        node["members"] = {name: _wire_tree(model, member, seen) for name, member in shape.members.items()}
    elif shape.type_name == "list":
        node["member"] = _wire_tree(model, shape.member, seen)
    elif shape.type_name == "map":
        node["key"] = _wire_tree(model, shape.key, seen)
        node["value"] = _wire_tree(model, shape.value, seen)
    if shape.metadata.get("enum"):
        node["enum"] = list(shape.metadata["enum"])
    return node


def test_ec2_operations_identical_on_the_wire(service_model):
    ec2 = ServiceModel(ec2_source("service-2"), service_name="ec2")
    for name in sorted(published_ec2_actions() - {"ImportSnapshot"}):
        ours, theirs = service_model.operation_model(name), ec2.operation_model(name)
        assert ours.wire_name == theirs.wire_name
        assert ours.http == theirs.http
        for side in ("input_shape", "output_shape"):
            assert _wire_tree(service_model, getattr(ours, side)) == _wire_tree(ec2, getattr(theirs, side)), (
                f"{name}.{side}"
            )


def test_import_snapshot_uses_fcu_contract(service_model):
    shape = service_model.operation_model("ImportSnapshot").input_shape
    assert set(shape.required_members) == {"SnapshotLocation", "SnapshotSize"}
    assert {m.serialization.get("queryName") for m in shape.members.values()} >= {
        "snapshotLocation",
        "snapshotSize",
        "description",
    }
    assert "DiskContainer" not in shape.members


def test_every_shape_reference_resolves_and_every_shape_is_used(service):
    shapes = service["shapes"]
    used = set()
    for op in service["operations"].values():
        used.update(build_model.operation_refs(op))
    pending = list(used)
    while pending:
        name = pending.pop()
        assert name in shapes, f"dangling shape reference {name}"
        for ref in build_model.shape_refs(shapes[name]):
            if ref not in used:
                used.add(ref)
                pending.append(ref)
    assert used == set(shapes), f"unused shapes: {sorted(set(shapes) - used)}"


def test_aws_documentation_is_stripped_and_outscale_operations_documented(service):
    assert service["documentation"].startswith("<p>Outscale")
    for name, op in service["operations"].items():
        if name in OUTSCALE_OPERATIONS or name == "ImportSnapshot":
            assert len(op.get("documentation", "")) > 40, name
        else:
            assert "documentation" not in op, name
    documented_members = set()
    for shape_name, shape in service["shapes"].items():
        assert "documentation" not in shape
        for member_name, member in shape.get("members", {}).items():
            if "documentation" in member:
                documented_members.add(f"{shape_name}.{member_name}")
    assert documented_members == {"RunInstancesRequest.UserData"}  # ours, for the base64 note


def _first_member(path: str) -> str:
    """The top-level output member a JMESPath expression starts from."""
    without_literals = re.sub(r"`[^`]*`", "", path)
    names = [t for t in re.findall(r"[A-Za-z_]\w*\(?", without_literals) if not t.endswith("(")]
    return names[0]


def test_paginators_point_at_real_operations_and_members(service_model):
    paginators = load("paginators-1.json")["pagination"]
    assert "DescribeQuotas" in paginators and "DescribeInstances" in paginators
    ec2_paginators = ec2_source("paginators-1")["pagination"]
    assert set(paginators) == {n for n in ec2_paginators if n in service_model.operation_names} | {
        "DescribeQuotas"
    }
    for name, config in paginators.items():
        op = service_model.operation_model(name)
        inputs, outputs = op.input_shape.members, op.output_shape.members
        for token in _as_list(config["input_token"]):
            assert token in inputs, (name, token)
        for token in _as_list(config["output_token"]):
            assert _first_member(token) in outputs, (name, token)
        if "limit_key" in config:
            assert config["limit_key"] in inputs, name
        for key in _as_list(config.get("result_key", [])):
            assert _first_member(key) in outputs, (name, key)


def _as_list(value):
    return value if isinstance(value, list) else [value]


def test_waiters_point_at_real_operations_and_members(service_model):
    waiters = load("waiters-2.json")["waiters"]
    assert {"SnapshotExportTaskCompleted", "ImageExportTaskCompleted", "InstanceRunning"} <= set(waiters)
    ec2_waiters = ec2_source("waiters-2")["waiters"]
    kept = {n for n, w in ec2_waiters.items() if w["operation"] in service_model.operation_names}
    assert set(waiters) == kept | {"SnapshotExportTaskCompleted", "ImageExportTaskCompleted"}
    assert "ExportTaskCompleted" not in waiters or "DescribeExportTasks" in service_model.operation_names
    for name, config in waiters.items():
        op = service_model.operation_model(config["operation"])
        for acceptor in config["acceptors"]:
            if acceptor["matcher"] in ("path", "pathAll", "pathAny"):
                jmespath.compile(acceptor["argument"])
                assert _first_member(acceptor["argument"]) in op.output_shape.members, (name, acceptor)
            elif acceptor["matcher"] == "error":
                assert isinstance(acceptor["expected"], str)


def test_export_waiter_acceptors(service):
    waiter = load("waiters-2.json")["waiters"]["SnapshotExportTaskCompleted"]
    outcomes = {(a["expected"], a["state"]) for a in waiter["acceptors"]}
    assert outcomes == {("completed", "success"), ("failed", "failure"), ("cancelled", "failure")}


def test_outscale_shapes_are_typed(service_model):
    item = service_model.operation_model("DescribeInstanceTypes").output_shape.members["InstanceTypes"].member
    types = {name: member.type_name for name, member in item.members.items()}
    assert types == {
        "Name": "string",
        "Vcpu": "integer",
        "Memory": "long",
        "StorageSize": "long",
        "StorageCount": "integer",
        "MaxIpAddresses": "integer",
        "EbsOptimizedAvailable": "boolean",
    }
    secret = service_model.shape_for("OsuApiKey").members["SecretKey"]
    assert secret.metadata.get("sensitive") is True


def test_endpoint_rule_set_is_ours():
    ruleset = load("endpoint-rule-set-1.json")
    assert set(ruleset["parameters"]) == {"Region", "UseDualStack", "UseFIPS", "Endpoint"}
    assert "amazonaws" not in json.dumps(ruleset)
