#!/usr/bin/env python3
"""What ``import osc_boto_ext`` + ``register()`` add to ``import boto3`` + ``boto3.Session()``.

Each sample is a fresh interpreter that times, back to back, the reference
(``import boto3`` and making a session) and then our overhead (``import
osc_boto_ext`` and ``register(session)``). The child also checks that the
client-side path never imports moto.

Usage: ``python benchmarks/bench_import_register.py [--repeat N] [--quick]``
"""

from __future__ import annotations

import _harness as h

TARGET_MS = 5.0

CHILD = """
import sys, time
t0 = time.perf_counter()
import boto3
session = boto3.Session(region_name={region!r})
t1 = time.perf_counter()
import osc_boto_ext
t2 = time.perf_counter()
osc_boto_ext.register(session)
t3 = time.perf_counter()
import json
print(json.dumps({{
    "reference": t1 - t0,
    "import": t2 - t1,
    "register": t3 - t2,
    "moto_imported": any(name == "moto" or name.startswith("moto.") for name in sys.modules),
}}))
"""


def measure(_: str) -> dict:
    return h.run_child(CHILD.format(region=h.REGION))


def main(argv=None) -> int:
    args = h.parser(__doc__.splitlines()[0], default_repeat=21).parse_args(argv)
    repeat = 2 if args.quick else args.repeat
    samples = h.collect(["run"], repeat, measure)["run"]
    if any(s["moto_imported"] for s in samples):
        raise SystemExit("import osc_boto_ext + register() imported moto")

    reference = h.Summary.of([s["reference"] for s in samples])
    imported = h.Summary.of([s["import"] for s in samples])
    registered = h.Summary.of([s["register"] for s in samples])
    overhead = h.Summary.of([s["import"] + s["register"] for s in samples])
    share = h.paired_ratios([s["import"] + s["register"] for s in samples], [s["reference"] for s in samples])
    rows = [
        ["import boto3 + boto3.Session() (reference)", reference.show(digits=2), "1"],
        ["import osc_boto_ext", imported.show(digits=2), f"{h.ratio(imported, reference):.3f}"],
        ["register(session)", registered.show(digits=2), f"{h.ratio(registered, reference):.3f}"],
        ["osc_boto_ext overhead (import + register)", overhead.show(digits=2), f"{share.median:.3f}"],
    ]
    h.print_table(
        f"import + register overhead, {repeat} fresh processes (median, min–max)",
        ["step", "time", "× reference"],
        rows,
    )
    print(f"\noverhead = {overhead.median * 1000:.2f} ms: {h.verdict(overhead.median * 1000, TARGET_MS)}")
    h.write_results(
        "import_register",
        args.output,
        {
            "repeat": repeat,
            "reference_seconds": reference.as_dict(),
            "import_seconds": imported.as_dict(),
            "register_seconds": registered.as_dict(),
            "overhead_seconds": overhead.as_dict(),
            "overhead_vs_reference": share.as_dict(),
            "target": {"overhead_ms_at_most": TARGET_MS},
            "samples": samples,
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
