#!/usr/bin/env python3
"""First-client creation in a fresh process: ``fcu`` against ``sts`` and ``ec2``.

Scripts, CLIs and serverless jobs create their clients once per process, so
this cost is paid on every run. Each sample is a new interpreter that imports
boto3 and osc_boto_ext, makes a session, registers it (the same for every
subject) and then times ``session.client(name)`` alone. ``sts`` is the floor
any botocore client pays; ``ec2`` (2016-11-15) is what FCU users would use
otherwise.

The garbage collector makes one figure misleading on its own. CPython runs a
full collection (~20 ms once boto3 is loaded) after a fixed count of
allocations, so whether one lands inside a client's creation depends on
everything the process allocated before, not only on that client. Hence two
series, interleaved round by round:

* ``as is``: a plain fresh process, reported as medians (the issue's figure);
* ``GC phase sweep``: before timing, each round first allocates and drops a
  different amount of cyclic garbage, which moves the collector through one
  whole full-collection cycle over the rounds without growing the heap; the
  mean over the rounds is each client's expected cost, collections included.

Each row also shows the net count of garbage-collected objects the client
allocates: the pressure it puts on collections, whoever ends up paying them.

Usage: ``python benchmarks/bench_client_creation.py [--repeat N] [--quick]``
"""

from __future__ import annotations

import _harness as h

SUBJECTS = ("sts", "fcu", "ec2")
TARGET_VS_STS = 1.25

CHILD = """
import gc, json, resource, time
import boto3, osc_boto_ext
session = boto3.Session(region_name={region!r}, aws_access_key_id={key!r}, aws_secret_access_key={secret!r})
osc_boto_ext.register(session)
threshold = gc.get_threshold()
cycle = threshold[0] * (threshold[1] + 1) * (threshold[2] + 1)  # allocations per full-collection cycle
garbage = None
for _ in range(int({phase} * cycle)):
    garbage = []
    garbage.append(garbage)  # a cycle: only a collection frees it, so it advances the collector's clock
del garbage
full_gc = [0.0, 0.0]
allocated = [0]
def clock(phase, info):
    if phase == "start":
        allocated[0] += gc.get_count()[0]  # allocations since the last collection, about to be reset
        full_gc[1] = time.perf_counter()
    elif info["generation"] == 2:
        full_gc[0] += time.perf_counter() - full_gc[1]
before = [g["collections"] for g in gc.get_stats()]
allocated[0] -= gc.get_count()[0]
gc.callbacks.append(clock)
started = time.perf_counter()
client = session.client({service!r})
elapsed = time.perf_counter() - started
gc.callbacks.remove(clock)
allocated[0] += gc.get_count()[0]
after = [g["collections"] for g in gc.get_stats()]
assert client.meta.service_model.service_name == {service!r}
print(json.dumps({{
    "seconds": elapsed,
    "full_gc_seconds": full_gc[0],
    "collections": [b - a for a, b in zip(before, after)],
    "allocations": allocated[0],
    "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "operations": len(client.meta.service_model.operation_names),
}}))
"""


def measure(service: str, phase: float = 0.0) -> dict:
    """One fresh process; ``phase`` (0–1) is how far to move the collector through its cycle first."""
    code = CHILD.format(region=h.REGION, key=h.ACCESS_KEY, secret=h.SECRET_KEY, service=service, phase=phase)
    return h.run_child(code)


def collect_both(repeat: int) -> tuple[dict, dict]:
    """Interleave the two series: each round, every subject as is and at that round's GC phase."""
    h.warm_up()
    as_is: dict[str, list] = {s: [] for s in SUBJECTS}
    swept: dict[str, list] = {s: [] for s in SUBJECTS}
    for index, subject in h.interleave(SUBJECTS, repeat):
        as_is[subject].append(measure(subject))
        swept[subject].append(measure(subject, phase=index / repeat))
    return as_is, swept


def summarise(samples: dict) -> dict:
    def of(key) -> dict:
        return {s: h.Summary.of([key(x) for x in samples[s]]) for s in SUBJECTS}

    return {
        "seconds": of(lambda x: x["seconds"]),
        "seconds_without_full_gc": of(lambda x: x["seconds"] - x["full_gc_seconds"]),
        "full_collections": of(lambda x: x["collections"][2]),
        "gc_allocations": of(lambda x: x["allocations"]),
        "peak_rss_mib": of(lambda x: x["peak_rss_kib"] / 1024),
    }


def main(argv=None) -> int:
    args = h.parser(__doc__.splitlines()[0], default_repeat=22).parse_args(argv)
    repeat = 2 if args.quick else args.repeat
    as_is, swept = collect_both(repeat)
    plain, sweep = summarise(as_is), summarise(swept)

    def by_median(metric: dict, s: str) -> float:
        return metric[s].median / metric["sts"].median

    def by_mean(metric: dict, s: str) -> float:
        return metric[s].mean / metric["sts"].mean

    rows = []
    for s in SUBJECTS:
        rows.append(
            [
                s,
                str(as_is[s][0]["operations"]),
                plain["seconds"][s].show(),
                f"{by_median(plain['seconds'], s):.2f}",
                f"{plain['full_collections'][s].median:g}",
                plain["seconds_without_full_gc"][s].show(),
                f"{by_median(plain['seconds_without_full_gc'], s):.2f}",
                f"{sweep['seconds'][s].mean * 1000:.1f} ms",
                f"{by_mean(sweep['seconds'], s):.2f}",
                f"{sweep['full_collections'][s].mean:.2f}",
                f"{plain['gc_allocations'][s].median / 1000:.1f} k",
                plain["peak_rss_mib"][s].show("MiB", 1, 1),
            ]
        )
    h.print_table(
        f"first client in a fresh process, {repeat} interleaved rounds "
        "(as is: median, min–max; GC phase sweep: mean)",
        [
            "client",
            "ops",
            "as is",
            "× sts",
            "full GCs",
            "as is w/o full GC",
            "× sts",
            "sweep mean",
            "× sts",
            "full GCs",
            "GC allocs",
            "peak RSS",
        ],
        rows,
    )
    ratios = {
        "fcu_vs_sts": by_median(plain["seconds"], "fcu"),
        "fcu_vs_sts_without_full_gc": by_median(plain["seconds_without_full_gc"], "fcu"),
        "fcu_vs_sts_gc_phase_sweep_mean": by_mean(sweep["seconds"], "fcu"),
        "fcu_vs_sts_gc_allocations": by_median(plain["gc_allocations"], "fcu"),
        "fcu_vs_ec2": by_median(plain["seconds"], "fcu") / by_median(plain["seconds"], "ec2"),
        "fcu_vs_ec2_gc_phase_sweep_mean": by_mean(sweep["seconds"], "fcu") / by_mean(sweep["seconds"], "ec2"),
    }
    as_is_ratio, sweep_ratio = ratios["fcu_vs_sts"], ratios["fcu_vs_sts_gc_phase_sweep_mean"]
    print(f"\nfcu / sts as is (medians)         = {as_is_ratio:.2f}: {h.verdict(as_is_ratio, TARGET_VS_STS)}")
    print(f"fcu / sts over a GC cycle (means) = {sweep_ratio:.2f}: {h.verdict(sweep_ratio, TARGET_VS_STS)}")
    vs_ec2, vs_ec2_sweep = ratios["fcu_vs_ec2"], ratios["fcu_vs_ec2_gc_phase_sweep_mean"]
    print(f"fcu / ec2 = {vs_ec2:.2f} as is, {vs_ec2_sweep:.2f} over a GC cycle")

    def dump(summaries: dict, samples: dict) -> dict:
        return {
            s: {**{name: metric[s].as_dict() for name, metric in summaries.items()}, "samples": samples[s]}
            for s in SUBJECTS
        }

    h.write_results(
        "client_creation",
        args.output,
        {
            "repeat": repeat,
            "as_is": dump(plain, as_is),
            "gc_phase_sweep": dump(sweep, swept),
            "ratios": ratios,
            "target": {"fcu_vs_sts_at_most": TARGET_VS_STS},
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
