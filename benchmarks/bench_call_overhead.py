#!/usr/bin/env python3
"""Per-call overhead: the same DescribeVolumes call, ``fcu`` against ``ec2``, on one loopback server.

Both clients are signed with the same keys and send to one HTTP server on
127.0.0.1 (in its own process) that answers the same five-volume body, so the
difference is what each client does per call: handlers, serialising,
signing, parsing. Rounds alternate which client goes first.

Usage: ``python benchmarks/bench_call_overhead.py [--repeat N] [--calls N] [--quick]``
"""

from __future__ import annotations

import time

import _harness as h
import _loopback
import _payloads

SUBJECTS = ("ec2", "fcu")
TARGET_VS_EC2 = 1.05


def make_clients(url: str) -> dict:
    import boto3

    import osc_boto_ext

    session = osc_boto_ext.register(
        boto3.Session(
            region_name=h.REGION, aws_access_key_id=h.ACCESS_KEY, aws_secret_access_key=h.SECRET_KEY
        )
    )
    return {name: session.client(name, endpoint_url=url) for name in SUBJECTS}


def main(argv=None) -> int:
    parser = h.parser(__doc__.splitlines()[1], default_repeat=15)
    parser.add_argument("--calls", type=int, default=200, help="calls per client per round")
    args = parser.parse_args(argv)
    repeat, calls = (2, 5) if args.quick else (args.repeat, args.calls)

    # Same environment as the children: no local AWS configuration applies.
    import os

    os.environ.update(h.child_environment())
    with _loopback.loopback(_payloads.describe_volumes()) as url:
        clients = make_clients(url)
        for client in clients.values():  # first calls build the operation model, parser, pool
            for _ in range(3):
                assert len(client.describe_volumes(VolumeIds=["vol-00000001"])["Volumes"]) == 5

        def measure(name: str) -> float:
            call = clients[name].describe_volumes
            started = time.perf_counter()
            for _ in range(calls):
                call(VolumeIds=["vol-00000001"])
            return (time.perf_counter() - started) / calls

        samples = h.collect(SUBJECTS, repeat, measure)

    per_call = {name: h.Summary.of(samples[name]) for name in SUBJECTS}
    paired = h.paired_ratios(samples["fcu"], samples["ec2"])
    rows = [
        [name, per_call[name].show("µs", 1e6, 0), f"{h.ratio(per_call[name], per_call['ec2']):.3f}"]
        for name in SUBJECTS
    ]
    h.print_table(
        f"DescribeVolumes per call, {repeat} rounds × {calls} calls (median, min–max)",
        ["client", "per call", "× ec2"],
        rows,
    )
    print(f"\nfcu / ec2 paired by round: {paired.median:.3f} ({paired.low:.3f}–{paired.high:.3f})")
    print(f"fcu / ec2 = {paired.median:.3f}: {h.verdict(paired.median, TARGET_VS_EC2)}")
    h.write_results(
        "call_overhead",
        args.output,
        {
            "repeat": repeat,
            "calls_per_round": calls,
            "per_call_seconds": {name: per_call[name].as_dict() for name in SUBJECTS},
            "fcu_vs_ec2_paired": paired.as_dict(),
            "target": {"fcu_vs_ec2_at_most": TARGET_VS_EC2},
            "samples": samples,
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
