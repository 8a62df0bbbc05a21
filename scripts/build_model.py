#!/usr/bin/env python3
"""Generate the botocore ``fcu`` model from botocore's EC2 2016-09-15 data.

Inputs (all in this repository except the first):

* botocore's installed ``data/ec2/2016-09-15`` (service, paginators, waiters);
* ``model/fcu-ec2-actions.txt``: the EC2 actions FCU publishes;
* ``model/outscale-overlay.json``: Outscale's own operations and shapes,
  operations whose FCU contract differs from EC2's, extra waiters and
  paginators, and the service metadata;
* ``model/endpoint-rule-set.json``: how a region becomes an FCU URL.

Output: ``osc_boto_ext/data/fcu/2016-09-15/*.json``. AWS's documentation
strings are dropped; only the overlay's own documentation is kept. The output
is a pure function of the inputs, so ``--check`` can tell whether the shipped
files are current. Never edit the output by hand: edit an input, run this.

Usage: ``python scripts/build_model.py [--check]``
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
from pathlib import Path

import boto3
import botocore

ROOT = Path(__file__).resolve().parent.parent
MODEL_SRC = ROOT / "model"
OUT_DIR = ROOT / "osc_boto_ext" / "data" / "fcu" / "2016-09-15"
PROVENANCE = MODEL_SRC / "generated-from.json"
EC2_VERSION = "2016-09-15"
DOC_KEYS = ("documentation", "documentationUrl")


def read_botocore_file(name: str) -> dict:
    """Read one EC2 2016-09-15 file, plain or gzipped."""
    base = Path(os.path.dirname(botocore.__file__)) / "data" / "ec2" / EC2_VERSION
    for candidate, opener in ((base / f"{name}.json", open), (base / f"{name}.json.gz", gzip.open)):
        if candidate.exists():
            with opener(candidate, "rb") as handle:
                return json.loads(handle.read())
    raise SystemExit(f"botocore {botocore.__version__} has no ec2/{EC2_VERSION}/{name}")


def read_actions() -> list[str]:
    lines = (MODEL_SRC / "fcu-ec2-actions.txt").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def strip_docs(value):
    """Return a copy of a model fragment without AWS's prose."""
    if isinstance(value, dict):
        return {k: strip_docs(v) for k, v in value.items() if k not in DOC_KEYS}
    if isinstance(value, list):
        return [strip_docs(v) for v in value]
    return value


def shape_refs(shape: dict):
    """Yield the names of the shapes a shape refers to."""
    for member in shape.get("members", {}).values():
        yield member["shape"]
    for key in ("member", "key", "value"):
        if key in shape:
            yield shape[key]["shape"]


def operation_refs(operation: dict):
    for key in ("input", "output"):
        if key in operation:
            yield operation[key]["shape"]
    for error in operation.get("errors", []):
        yield error["shape"]


def closure(roots, shapes: dict) -> set[str]:
    """All shape names reachable from ``roots``."""
    seen: set[str] = set()
    pending = list(roots)
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        if name not in shapes:
            raise SystemExit(f"shape {name!r} is referenced but not defined")
        seen.add(name)
        pending.extend(shape_refs(shapes[name]))
    return seen


def build_service(ec2: dict, actions: list[str], overlay: dict) -> dict:
    ec2_ops = ec2["operations"]
    missing = [name for name in actions if name not in ec2_ops]
    if missing:
        raise SystemExit(f"not in botocore's EC2 {EC2_VERSION} model: {missing}")
    overlay_ops = overlay["operations"]

    operations = {}
    for name in actions:
        if name in overlay_ops:
            continue  # FCU's own contract replaces EC2's (e.g. ImportSnapshot)
        operation = strip_docs(ec2_ops[name])
        operation.update(overlay.get("operation_overrides", {}).get(name, {}))
        operations[name] = operation
    operations.update(overlay_ops)

    # Overlay shapes may reuse EC2's, but must not silently replace one that a
    # kept EC2 operation still uses.
    ec2_kept = [op for name, op in operations.items() if name not in overlay_ops]
    still_used = closure((ref for op in ec2_kept for ref in operation_refs(op)), ec2["shapes"])
    clashes = sorted(still_used & set(overlay["shapes"]))
    if clashes:
        raise SystemExit(f"overlay shapes clash with EC2 shapes still in use: {clashes}")

    all_shapes = {**ec2["shapes"], **overlay["shapes"]}
    kept = closure((ref for op in operations.values() for ref in operation_refs(op)), all_shapes)
    shapes = {
        name: (overlay["shapes"][name] if name in overlay["shapes"] else strip_docs(ec2["shapes"][name]))
        for name in sorted(kept)
    }
    for shape_name, members in overlay.get("member_documentation", {}).items():
        # Our own words for members that botocore's doc handlers append to.
        for member_name, text in members.items():
            shapes[shape_name]["members"][member_name]["documentation"] = text
    return {
        "version": "2.0",
        "metadata": overlay["metadata"],
        "documentation": overlay["documentation"],
        "operations": dict(sorted(operations.items())),
        "shapes": shapes,
    }


def build_paginators(ec2: dict, operations: dict, overlay: dict) -> dict:
    kept = {name: strip_docs(cfg) for name, cfg in ec2["pagination"].items() if name in operations}
    kept.update(overlay["paginators"])
    return {"pagination": dict(sorted(kept.items()))}


def build_waiters(ec2: dict, operations: dict, overlay: dict) -> dict:
    kept = {name: strip_docs(cfg) for name, cfg in ec2["waiters"].items() if cfg["operation"] in operations}
    kept.update(overlay["waiters"])
    return {"version": 2, "waiters": dict(sorted(kept.items()))}


# --- boto3 resource model (resources-1.json) -------------------------------
# Kept apart from the service model code: boto3's EC2 resource model, minus
# what calls an operation or waiter the fcu model lacks, plus our overlay.

RESOURCES_OVERLAY = MODEL_SRC / "resources-overlay.json"
_RESOURCE_SECTIONS = ("actions", "batchActions", "waiters", "has", "hasMany")


def read_boto3_resources() -> tuple[dict, bytes]:
    """boto3's installed EC2 2016-09-15 resource model, with its raw bytes."""
    path = Path(os.path.dirname(boto3.__file__)) / "data" / "ec2" / EC2_VERSION / "resources-1.json"
    if not path.exists():
        raise SystemExit(f"boto3 {boto3.__version__} has no ec2/{EC2_VERSION}/resources-1.json")
    raw = path.read_bytes()
    return json.loads(raw), raw


def _resource_refs(definition: dict):
    """Yield (section, name, resource type) for each resource a definition points to."""
    for section in ("actions", "batchActions", "has", "hasMany"):
        for name, item in definition.get(section, {}).items():
            if "resource" in item:
                yield section, name, item["resource"]["type"]


def _usable_entry(section: str, item: dict, operations: dict, waiters: dict) -> bool:
    if section == "waiters":
        return item["waiterName"] in waiters
    request = item.get("request")
    return request is None or request["operation"] in operations


def prune_resource_definition(definition: dict, operations: dict, waiters: dict) -> dict:
    """A copy of one resource definition without entries FCU cannot serve."""
    pruned = {key: value for key, value in definition.items() if key not in _RESOURCE_SECTIONS}
    if "load" in pruned and pruned["load"]["request"]["operation"] not in operations:
        del pruned["load"]
    for section in _RESOURCE_SECTIONS:
        kept = {
            name: item
            for name, item in definition.get(section, {}).items()
            if _usable_entry(section, item, operations, waiters)
        }
        if kept:
            pruned[section] = kept
    return pruned


def merge_resource_overlay(model: dict, overlay: dict) -> dict:
    """Add the overlay: new resources whole, existing ones section by section."""
    merged = {"service": dict(model["service"]), "resources": dict(model["resources"])}
    for section, entries in overlay.get("service", {}).items():
        merged["service"][section] = {**merged["service"].get(section, {}), **entries}
    for name, definition in overlay.get("resources", {}).items():
        current = dict(merged["resources"].get(name, {}))
        for key, value in definition.items():
            current[key] = {**current.get(key, {}), **value} if key in _RESOURCE_SECTIONS else value
        merged["resources"][name] = current
    return merged


def check_resource_model(model: dict, service: dict, waiters: dict) -> None:
    """Fail if a definition refers to a missing resource, shape, operation or waiter."""
    resources = model["resources"]
    problems = []
    for owner, definition in [("service", model["service"]), *resources.items()]:
        if "shape" in definition and definition["shape"] not in service["shapes"]:
            problems.append(f"{owner}: shape {definition['shape']} is not in the fcu model")
        for section, name, target in _resource_refs(definition):
            if target not in resources:
                problems.append(f"{owner}.{section}.{name}: no resource {target}")
        pruned = prune_resource_definition(definition, service["operations"], waiters)
        if pruned != definition:
            problems.append(f"{owner}: calls an operation or waiter the fcu model lacks")
    if problems:
        raise SystemExit("resource model problems:\n  " + "\n  ".join(problems))


def build_resources(ec2_resources: dict, service: dict, waiters: dict, overlay: dict) -> dict:
    operations = service["operations"]
    model = {
        "service": prune_resource_definition(ec2_resources["service"], operations, waiters),
        "resources": {
            name: prune_resource_definition(definition, operations, waiters)
            for name, definition in ec2_resources["resources"].items()
        },
    }
    model = merge_resource_overlay(model, overlay)
    check_resource_model(model, service, waiters)
    return {"service": model["service"], "resources": dict(sorted(model["resources"].items()))}


def render(data: dict) -> bytes:
    """Compact JSON, one line: botocore decodes each model once per session, and
    whitespace is a third of an indented file (``json.tool`` makes it readable)."""
    return (json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n").encode("utf-8")


def generate() -> tuple[dict[str, bytes], dict]:
    ec2_service = read_botocore_file("service-2")
    ec2_paginators = read_botocore_file("paginators-1")
    ec2_waiters = read_botocore_file("waiters-2")
    overlay = json.loads((MODEL_SRC / "outscale-overlay.json").read_text())
    ruleset = json.loads((MODEL_SRC / "endpoint-rule-set.json").read_text())

    service = build_service(ec2_service, read_actions(), overlay)
    files = {
        "service-2.json": render(service),
        "paginators-1.json": render(build_paginators(ec2_paginators, service["operations"], overlay)),
        "waiters-2.json": render(build_waiters(ec2_waiters, service["operations"], overlay)),
        "endpoint-rule-set-1.json": render(ruleset),
    }
    canonical = json.dumps([ec2_service, ec2_paginators, ec2_waiters], sort_keys=True).encode()
    digest = hashlib.sha256(canonical).hexdigest()
    provenance = {"botocore": botocore.__version__, "ec2_2016_09_15_sha256": digest}
    files["resources-1.json"], resource_provenance = generate_resources(service, files["waiters-2.json"])
    provenance.update(resource_provenance)
    return files, provenance


def generate_resources(service: dict, rendered_waiters: bytes) -> tuple[bytes, dict]:
    """resources-1.json and the boto3 data it comes from."""
    ec2_resources, raw = read_boto3_resources()
    overlay = json.loads(RESOURCES_OVERLAY.read_text())
    waiters = json.loads(rendered_waiters)["waiters"]
    provenance = {"boto3": boto3.__version__, "ec2_resources_sha256": hashlib.sha256(raw).hexdigest()}
    return render(build_resources(ec2_resources, service, waiters, overlay)), provenance


def check(files: dict[str, bytes], provenance: dict) -> list[str]:
    problems = []
    for name, content in files.items():
        path = OUT_DIR / name
        if not path.exists() or path.read_bytes() != content:
            problems.append(f"{path.relative_to(ROOT)} is out of date")
    on_disk = {p.name for p in OUT_DIR.glob("*.json")} if OUT_DIR.exists() else set()
    problems += [f"{OUT_DIR.relative_to(ROOT)}/{n} is not generated" for n in sorted(on_disk - set(files))]
    if problems and PROVENANCE.exists():
        recorded = json.loads(PROVENANCE.read_text())
        if recorded["ec2_2016_09_15_sha256"] != provenance["ec2_2016_09_15_sha256"]:
            problems.append(
                f"botocore {provenance['botocore']}'s EC2 {EC2_VERSION} data differs from the data "
                f"(botocore {recorded['botocore']}) the model was generated from"
            )
        if recorded.get("ec2_resources_sha256") != provenance["ec2_resources_sha256"]:
            problems.append(
                f"boto3 {provenance['boto3']}'s EC2 {EC2_VERSION} resource model differs from the one "
                f"(boto3 {recorded.get('boto3')}) resources-1.json was generated from"
            )
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped files are not current")
    args = parser.parse_args(argv)
    files, provenance = generate()
    if args.check:
        problems = check(files, provenance)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print("run: python scripts/build_model.py", file=sys.stderr)
        return 1 if problems else 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (OUT_DIR / name).write_bytes(content)
    PROVENANCE.write_text(json.dumps(provenance, indent=1) + "\n")
    service = json.loads(files["service-2.json"])
    print(
        f"wrote {len(files)} files to {OUT_DIR.relative_to(ROOT)}: "
        f"{len(service['operations'])} operations, {len(service['shapes'])} shapes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
