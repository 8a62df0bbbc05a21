"""Each benchmark script still runs, at tiny sizes, and writes well-formed results.

No timing is asserted here: figures come from running the scripts (see
the README's speed section). These tests only keep the scripts from rotting.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def run_quick(script: str, tmp_path: Path) -> dict:
    output = tmp_path / f"{script}.json"
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / f"{script}.py"), "--quick", "--output", str(output)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "target" in done.stdout and str(output) in done.stdout
    results = json.loads(output.read_text())
    assert results["environment"]["botocore"] and results["environment"]["python"]
    return results


def positive(summary: dict) -> bool:
    return 0 < summary["min"] <= summary["median"] <= summary["max"]


def test_client_creation(tmp_path):
    results = run_quick("bench_client_creation", tmp_path)
    for series in ("as_is", "gc_phase_sweep"):
        subjects = results[series]
        assert set(subjects) == {"sts", "fcu", "ec2"}
        for subject in subjects.values():
            assert positive(subject["seconds"]) and positive(subject["gc_allocations"])
            assert len(subject["samples"]) == 2
        assert subjects["fcu"]["samples"][0]["operations"] == 176
    assert all(value > 0 for value in results["ratios"].values())


def test_import_register(tmp_path):
    results = run_quick("bench_import_register", tmp_path)
    assert positive(results["overhead_seconds"]) and positive(results["reference_seconds"])
    assert not any(sample["moto_imported"] for sample in results["samples"])


def test_call_overhead(tmp_path):
    results = run_quick("bench_call_overhead", tmp_path)
    assert set(results["per_call_seconds"]) == {"ec2", "fcu"}
    assert all(positive(summary) for summary in results["per_call_seconds"].values())
    assert positive(results["fcu_vs_ec2_paired"])


def test_parse(tmp_path):
    results = run_quick("bench_parse", tmp_path)
    assert list(results["sizes"]) == ["20"]
    assert all(positive(summary) for summary in results["sizes"]["20"]["seconds"].values())


def test_local_endpoint(tmp_path):
    pytest.importorskip("moto.server")
    results = run_quick("bench_local_endpoint", tmp_path)
    assert all(positive(summary) for summary in results["requests_per_second"].values())
    assert all(memory > 0 for memory in results["server_peak_rss_mib"].values())


def test_run_all_prints_the_readme_table(tmp_path):
    results = tmp_path / "results"
    done = subprocess.run(
        [sys.executable, "-c", RUN_ALL_FROM_SAVED, str(BENCHMARKS), str(results)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    table = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    assert table[0] == "| measure | figure | detail | target |"
    # header; 4 client-creation rows, import, per call, 1 parse size, local endpoint
    assert len(table) == 1 + 4 + 1 + 1 + 1 + 1


#: Run every script quickly into a scratch results directory, then build the table from it.
RUN_ALL_FROM_SAVED = """
import subprocess, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import _harness, run_all
_harness.RESULTS_DIR = Path(sys.argv[2])
for script in run_all.SCRIPTS:
    name = script.removeprefix("bench_")
    subprocess.run([sys.executable, f"{sys.argv[1]}/{script}.py", "--quick", "--output",
                    str(_harness.RESULTS_DIR / f"{name}.json")], check=True, capture_output=True)
run_all.main(["--skip-run"])
"""


def test_payloads_are_what_the_parsers_expect():
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import _payloads
    finally:
        sys.path.remove(str(BENCHMARKS))
    import boto3
    from botocore.awsrequest import AWSResponse

    import osc_boto_ext

    class Raw:
        def __init__(self, data):
            self.data = data

        def stream(self, **kwargs):
            yield self.data

    client = osc_boto_ext.register(
        boto3.Session(region_name="eu-west-2", aws_access_key_id="AK", aws_secret_access_key="SK")
    ).client("fcu")
    bodies = [_payloads.describe_instances(25, per_reservation=10), _payloads.describe_volumes(3)]
    client.meta.events.register(
        "before-send", lambda request, **kw: AWSResponse(request.url, 200, {}, Raw(bodies.pop(0)))
    )
    reservations = client.describe_instances()["Reservations"]
    assert [len(r["Instances"]) for r in reservations] == [10, 10, 5]
    instance = reservations[2]["Instances"][4]
    assert instance["InstanceId"] == "i-00000018"
    assert instance["NetworkInterfaces"][0]["PrivateIpAddresses"][0]["Primary"] is True
    assert instance["Tags"][0] == {"Key": "Name", "Value": "node-24"}
    volumes = client.describe_volumes()["Volumes"]
    assert [v["Size"] for v in volumes] == [10, 11, 12]
    assert volumes[0]["Attachments"][0]["DeleteOnTermination"] is True
