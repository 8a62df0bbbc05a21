#!/usr/bin/env python3
"""The local endpoint's requests per second against a bare moto server, and the peak memory of each.

Each server runs in its own process: ``osc_boto_ext.local.LocalFCU`` (FCU's
front, SigV4 verification, then moto) and moto's own ``ThreadedMotoServer``.
One client per server, in this process, sends the same calls in interleaved
rounds: an ``fcu`` client to LocalFCU, an ``ec2`` client to moto (the
per-call benchmark shows the two clients cost the same). Each server reports
its peak resident memory when it stops.

Usage: ``python benchmarks/bench_local_endpoint.py [--repeat N] [--calls N] [--quick]``
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
from collections.abc import Iterator

import _harness as h

SUBJECTS = ("moto", "local")
TARGET_VS_MOTO = 0.8
VOLUMES = 5

SERVER = """
import json, logging, resource, sys
logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no per-request log lines from either server
if sys.argv[1] == "local":
    from osc_boto_ext.local import LocalFCU
    server = LocalFCU(region_name={region!r}, access_key={key!r}, secret_key={secret!r}).start()
    url, stop = server.endpoint_url, server.stop
else:
    from moto.server import ThreadedMotoServer
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    url, stop = "http://%s:%d" % server.get_host_and_port(), server.stop
print(json.dumps({{"url": url}}), flush=True)
sys.stdin.read()
stop()
print(json.dumps({{"peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}}), flush=True)
"""


@contextlib.contextmanager
def server_process(kind: str) -> Iterator[tuple[str, dict]]:
    """Start one server; yield its URL and a dict that gets its peak memory once it stopped."""
    code = SERVER.format(region=h.REGION, key=h.ACCESS_KEY, secret=h.SECRET_KEY)
    process = subprocess.Popen(
        [sys.executable, "-c", code, kind],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=h.child_environment(),
    )
    report: dict = {}
    try:
        line = process.stdout.readline()
        if not line:
            raise RuntimeError(f"{kind} server did not start")
        yield json.loads(line)["url"], report
        process.stdin.close()
        report.update(json.loads(process.stdout.readline()))
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()


def make_client(kind: str, url: str):
    import boto3

    import osc_boto_ext

    session = osc_boto_ext.register(
        boto3.Session(
            region_name=h.REGION, aws_access_key_id=h.ACCESS_KEY, aws_secret_access_key=h.SECRET_KEY
        )
    )
    return session.client("fcu" if kind == "local" else "ec2", endpoint_url=url)


def main(argv=None) -> int:
    parser = h.parser(__doc__.splitlines()[0], default_repeat=9)
    parser.add_argument("--calls", type=int, default=100, help="DescribeVolumes calls per server per round")
    args = parser.parse_args(argv)
    repeat, calls = (2, 3) if args.quick else (args.repeat, args.calls)

    import os

    os.environ.update(h.child_environment())
    reports: dict[str, dict] = {}
    clients = {}
    with contextlib.ExitStack() as servers:
        for kind in SUBJECTS:
            url, reports[kind] = servers.enter_context(server_process(kind))
            clients[kind] = make_client(kind, url)
        for client in clients.values():
            for _ in range(VOLUMES):
                client.create_volume(AvailabilityZone=f"{h.REGION}a", Size=10)
            assert len(client.describe_volumes()["Volumes"]) == VOLUMES

        def measure(kind: str) -> float:
            call = clients[kind].describe_volumes
            started = time.perf_counter()
            for _ in range(calls):
                call()
            return calls / (time.perf_counter() - started)

        samples = h.collect(SUBJECTS, repeat, measure)

    rate = {kind: h.Summary.of(samples[kind]) for kind in SUBJECTS}
    paired = h.paired_ratios(samples["local"], samples["moto"])
    memory = {kind: reports[kind].get("peak_rss_kib", 0) / 1024 for kind in SUBJECTS}
    rows = [
        [
            "moto server (ec2 client)" if kind == "moto" else "LocalFCU (fcu client)",
            rate[kind].show("req/s", 1, 0),
            f"{h.ratio(rate[kind], rate['moto']):.2f}",
            f"{memory[kind]:.1f} MiB",
        ]
        for kind in SUBJECTS
    ]
    h.print_table(
        f"DescribeVolumes ({VOLUMES} volumes), {repeat} rounds × {calls} calls (median, min–max)",
        ["server", "requests/s", "× moto", "server peak RSS"],
        rows,
    )
    print(
        f"\nLocalFCU / moto = {paired.median:.2f}: {h.verdict(paired.median, TARGET_VS_MOTO, at_most=False)}"
    )
    h.write_results(
        "local_endpoint",
        args.output,
        {
            "repeat": repeat,
            "calls_per_round": calls,
            "requests_per_second": {kind: rate[kind].as_dict() for kind in SUBJECTS},
            "local_vs_moto_paired": paired.as_dict(),
            "server_peak_rss_mib": memory,
            "target": {"local_vs_moto_at_least": TARGET_VS_MOTO},
            "samples": samples,
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
