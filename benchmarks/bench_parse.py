#!/usr/bin/env python3
"""Parsing a large DescribeInstances response: ``fcu`` against ``ec2``.

Each sample is a fresh process, so the peak memory of each client can be told
apart. The child answers the call from a ``before-send`` handler with a
generated body (no network), makes one small call first so that lazy setup is
not timed, then times ``describe_instances()`` end to end: parsing dominates.

Usage: ``python benchmarks/bench_parse.py [--repeat N] [--sizes 1000,10000] [--quick]``
"""

from __future__ import annotations

import _harness as h

SUBJECTS = ("ec2", "fcu")
TARGET_VS_EC2 = 1.05

CHILD = """
import json, resource, time
import boto3, osc_boto_ext
from botocore.awsrequest import AWSResponse
import _payloads

class Raw:
    def __init__(self, data):
        self.data = data
    def stream(self, **kwargs):
        yield self.data

bodies = [_payloads.describe_instances(1), _payloads.describe_instances({size})]
def answer(request, **kwargs):
    return AWSResponse(request.url, 200, {{}}, Raw(bodies.pop(0)))

session = osc_boto_ext.register(boto3.Session(
    region_name={region!r}, aws_access_key_id={key!r}, aws_secret_access_key={secret!r}))
client = session.client({service!r})
client.meta.events.register("before-send", answer)
client.describe_instances()
rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
reply = client.describe_instances()
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
count = sum(len(r["Instances"]) for r in reply["Reservations"])
assert count == {size}, count
print(json.dumps({{"seconds": elapsed, "peak_rss_kib": peak, "rss_growth_kib": peak - rss_before}}))
"""


def measure_for(size: int):
    def measure(service: str) -> dict:
        code = CHILD.format(
            region=h.REGION, key=h.ACCESS_KEY, secret=h.SECRET_KEY, service=service, size=size
        )
        return h.run_child(code)

    return measure


def main(argv=None) -> int:
    parser = h.parser(__doc__.splitlines()[1], default_repeat=7)
    parser.add_argument("--sizes", default="1000,10000", help="instance counts, comma-separated")
    args = parser.parse_args(argv)
    sizes = [20] if args.quick else [int(n) for n in args.sizes.split(",")]
    repeat = 2 if args.quick else args.repeat

    rows, results = [], {}
    for size in sizes:
        samples = h.collect(SUBJECTS, repeat, measure_for(size))
        times = {s: h.Summary.of([x["seconds"] for x in samples[s]]) for s in SUBJECTS}
        growth = {s: h.Summary.of([x["rss_growth_kib"] / 1024 for x in samples[s]]) for s in SUBJECTS}
        peak = {s: h.Summary.of([x["peak_rss_kib"] / 1024 for x in samples[s]]) for s in SUBJECTS}
        paired = h.paired_ratios(
            [x["seconds"] for x in samples["fcu"]], [x["seconds"] for x in samples["ec2"]]
        )
        for s in SUBJECTS:
            rows.append(
                [
                    str(size),
                    s,
                    times[s].show(),
                    f"{h.ratio(times[s], times['ec2']):.3f}",
                    peak[s].show("MiB", 1, 1),
                    growth[s].show("MiB", 1, 1),
                ]
            )
        results[str(size)] = {
            "seconds": {s: times[s].as_dict() for s in SUBJECTS},
            "peak_rss_mib": {s: peak[s].as_dict() for s in SUBJECTS},
            "peak_rss_growth_mib": {s: growth[s].as_dict() for s in SUBJECTS},
            "fcu_vs_ec2_paired": paired.as_dict(),
            "samples": samples,
        }
    h.print_table(
        f"DescribeInstances parse, {repeat} fresh processes per client and size (median, min–max)",
        ["instances", "client", "time", "× ec2", "process peak RSS", "peak RSS growth while parsing"],
        rows,
    )
    for size in sizes:
        paired = results[str(size)]["fcu_vs_ec2_paired"]
        print(f"{size}: fcu / ec2 = {paired['median']:.3f}: {h.verdict(paired['median'], TARGET_VS_EC2)}")
    h.write_results(
        "parse",
        args.output,
        {"repeat": repeat, "sizes": results, "target": {"fcu_vs_ec2_at_most": TARGET_VS_EC2}},
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
