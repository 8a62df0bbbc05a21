#!/usr/bin/env python3
"""Run every benchmark, then print the README's table of figures (Markdown) from their results.

Usage: ``python benchmarks/run_all.py [--quick] [--skip-run]``

``--skip-run`` only rebuilds the table from benchmarks/results/*.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import _harness as h

SCRIPTS = (
    "bench_client_creation",
    "bench_import_register",
    "bench_call_overhead",
    "bench_parse",
    "bench_local_endpoint",
)


def load(name: str) -> dict:
    return json.loads((h.RESULTS_DIR / f"{name}.json").read_text())


def spread(summary: dict, scale: float = 1.0, digits: int = 2) -> str:
    fmt = f"{{:.{digits}f}}"
    return f"{fmt.format(summary['min'] * scale)}–{fmt.format(summary['max'] * scale)}"


def table() -> str:
    creation = load("client_creation")
    importing = load("import_register")
    calls = load("call_overhead")
    parse = load("parse")
    ratios = creation["ratios"]
    fcu, sts = creation["as_is"]["fcu"], creation["as_is"]["sts"]
    rows = [
        (
            "first `fcu` client ÷ first `sts` client, fresh process (median)",
            f"{ratios['fcu_vs_sts']:.2f}",
            f"fcu {fcu['seconds']['median'] * 1000:.0f} ms, sts {sts['seconds']['median'] * 1000:.0f} ms; "
            f"peak RSS {fcu['peak_rss_mib']['median']:.0f} vs {sts['peak_rss_mib']['median']:.0f} MiB; "
            f"full GCs in the window: {fcu['full_collections']['median']:g} vs "
            f"{sts['full_collections']['median']:g}",
            "≤ 1.25",
        ),
        (
            "same, without the full GC (median)",
            f"{ratios['fcu_vs_sts_without_full_gc']:.2f}",
            f"fcu allocates {ratios['fcu_vs_sts_gc_allocations']:.2f} × the GC objects sts does",
            "≤ 1.25",
        ),
        (
            "same, mean over one GC cycle (expected cost)",
            f"{ratios['fcu_vs_sts_gc_phase_sweep_mean']:.2f}",
            f"{creation['repeat']} phases",
            "≤ 1.25",
        ),
        (
            "first `fcu` client ÷ first `ec2` client (median)",
            f"{ratios['fcu_vs_ec2']:.2f}",
            "",
            "",
        ),
        (
            "`import osc_boto_ext` + `register()` over `import boto3` + `Session()`",
            f"{importing['overhead_seconds']['median'] * 1000:.1f} ms",
            f"{importing['overhead_vs_reference']['median'] * 100:.1f} % of "
            f"{importing['reference_seconds']['median'] * 1000:.0f} ms",
            "≤ 5 ms",
        ),
        (
            "DescribeVolumes per call, `fcu` ÷ `ec2`, loopback server",
            f"{calls['fcu_vs_ec2_paired']['median']:.3f}",
            f"rounds {spread(calls['fcu_vs_ec2_paired'], digits=3)}; "
            f"fcu {calls['per_call_seconds']['fcu']['median'] * 1e6:.0f} µs/call",
            "≤ 1.05",
        ),
    ]
    for size, result in parse["sizes"].items():
        rss = result["peak_rss_mib"]
        rows.append(
            (
                f"parse DescribeInstances, {int(size):,} instances, `fcu` ÷ `ec2`",
                f"{result['fcu_vs_ec2_paired']['median']:.3f}",
                f"rounds {spread(result['fcu_vs_ec2_paired'], digits=3)}; "
                f"fcu {result['seconds']['fcu']['median'] * 1000:.0f} ms; peak RSS "
                f"{rss['fcu']['median']:.0f} vs {rss['ec2']['median']:.0f} MiB",
                "≤ 1.05",
            )
        )
    if (h.RESULTS_DIR / "local_endpoint.json").exists():
        local = load("local_endpoint")
        memory = local["server_peak_rss_mib"]
        rows.append(
            (
                "local endpoint requests/s ÷ bare moto server",
                f"{local['local_vs_moto_paired']['median']:.2f}",
                f"{local['requests_per_second']['local']['median']:.0f} vs "
                f"{local['requests_per_second']['moto']['median']:.0f} req/s; peak RSS "
                f"{memory['local']:.0f} vs {memory['moto']:.0f} MiB",
                "≥ 0.8",
            )
        )
    env = creation["environment"]
    lines = [
        "| measure | figure | detail | target |",
        "|---|---|---|---|",
        *(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows),
        "",
        f"CPython {env['python']}, boto3 {env['boto3']}, botocore {env['botocore']}, "
        f"{env['cpus']} CPUs, {env['when']}.",
    ]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, to check everything runs")
    parser.add_argument("--skip-run", action="store_true", help="only print the table from saved results")
    args = parser.parse_args(argv)
    if not args.skip_run:
        for script in SCRIPTS:
            command = [sys.executable, str(h.BENCH_DIR / f"{script}.py")] + (
                ["--quick"] if args.quick else []
            )
            print(f"$ {' '.join(command[1:])}", flush=True)
            subprocess.run(command, check=True)
    print()
    print(table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
