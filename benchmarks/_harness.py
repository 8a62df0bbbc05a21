"""Shared plumbing for the benchmark scripts: fresh processes, statistics, tables, results.

Every figure a script reports is a ratio against a reference measured in the
same run, with subjects interleaved, so a busy machine slows both sides alike.
Only the standard library is imported here: child processes that time imports
must not have boto3 loaded for them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_DIR = BENCH_DIR / "results"
#: Bytecode the children compile, kept out of the source tree (results/ is git-ignored).
PYCACHE_DIR = RESULTS_DIR / "pycache"

#: Credentials and region handed to every client; nothing here reaches AWS or Outscale.
ACCESS_KEY = "AKIDOSCBENCH00000000"
SECRET_KEY = "osc-bench-secret-key-000000000000000000"
REGION = "eu-west-2"


@dataclass(frozen=True)
class Summary:
    """Median, range and mean of one subject's samples."""

    median: float
    low: float
    high: float
    count: int
    mean: float

    @classmethod
    def of(cls, samples: Sequence[float]) -> Summary:
        if not samples:
            raise ValueError("no samples")
        return cls(
            statistics.median(samples), min(samples), max(samples), len(samples), statistics.fmean(samples)
        )

    def as_dict(self) -> dict[str, float]:
        return {"median": self.median, "min": self.low, "max": self.high, "n": self.count, "mean": self.mean}

    def show(self, unit: str = "ms", scale: float = 1000.0, digits: int = 1) -> str:
        fmt = f"{{:.{digits}f}}"
        median, low, high = (fmt.format(v * scale) for v in (self.median, self.low, self.high))
        return f"{median} {unit} ({low}–{high})"


def ratio(numerator: Summary, denominator: Summary) -> float:
    return numerator.median / denominator.median


def paired_ratios(numerator: Sequence[float], denominator: Sequence[float]) -> Summary:
    """Round-by-round ratios: each pair was measured back to back, so the spread shows the noise."""
    return Summary.of([a / b for a, b in zip(numerator, denominator)])


def interleave(subjects: Sequence[str], repeat: int) -> Iterable[tuple[int, str]]:
    """Yield ``(round, subject)``; the order rotates each round so no subject always goes first."""
    for index in range(repeat):
        shift = index % len(subjects)
        for subject in list(subjects[shift:]) + list(subjects[:shift]):
            yield index, subject


def child_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a measuring child: no AWS configuration, profile or data path leaks in.

    Children also get cached bytecode, as an installed package has: with
    PYTHONDONTWRITEBYTECODE (set in some shells and CI images) our modules,
    unlike boto3's precompiled ones, would be compiled from source in every run.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "OSC_", "BOTO_"))}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        AWS_EC2_METADATA_DISABLED="true",
        PYTHONHASHSEED="0",
        PYTHONPYCACHEPREFIX=str(PYCACHE_DIR),
    )
    env.update(extra or {})
    return env


def run_child(code: str, *, env: dict[str, str] | None = None, timeout: float = 600) -> dict[str, Any]:
    """Run ``code`` in a fresh interpreter; it must print one JSON object as its last line."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env or child_environment(),
        cwd=str(BENCH_DIR),
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"benchmark child failed ({done.returncode}):\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def parser(description: str, default_repeat: int) -> argparse.ArgumentParser:
    """The options every script shares."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--repeat", type=int, default=default_repeat, help="rounds of interleaved samples")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, to check the script runs")
    parser.add_argument(
        "--output", type=Path, help="JSON results file (default: benchmarks/results/<name>.json)"
    )
    return parser


def print_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows)]
    line = "  ".join(f"{{:<{width}}}" for width in widths)
    print(f"\n{title}")
    print(line.format(*headers))
    print(line.format(*("-" * width for width in widths)))
    for row in rows:
        print(line.format(*row))


def environment_facts() -> dict[str, Any]:
    """What the figures were measured on; read in a child so this process stays boto3-free."""
    versions = run_child(
        "import json, boto3, botocore; print(json.dumps({'boto3': boto3.__version__,"
        " 'botocore': botocore.__version__}))"
    )
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        **versions,
    }


def write_results(name: str, output: Path | None, payload: dict[str, Any]) -> Path:
    path = output or RESULTS_DIR / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"benchmark": name, "environment": environment_facts(), **payload}
    path.write_text(json.dumps(document, indent=1) + "\n")
    print(f"\nresults written to {path}")
    return path


def verdict(value: float, target: float, *, at_most: bool = True) -> str:
    met = value <= target if at_most else value >= target
    sign = "≤" if at_most else "≥"
    return f"{'met' if met else 'NOT met'} (target {sign} {target:g})"


def warm_up() -> None:
    """Compile and cache the bytecode every child will import, so that no sample pays for it."""
    run_child(
        "import json, boto3, osc_boto_ext\n"
        f"session = osc_boto_ext.register(boto3.Session(region_name={REGION!r},"
        f" aws_access_key_id={ACCESS_KEY!r}, aws_secret_access_key={SECRET_KEY!r}))\n"
        "clients = [session.client(name) for name in ('sts', 'ec2', 'fcu')]\n"
        "print(json.dumps({}))"
    )


def collect(subjects: Sequence[str], repeat: int, measure: Callable[[str], dict[str, Any]]) -> dict:
    """Interleaved samples: ``{subject: [measure(subject) for each round]}``, after a warm-up."""
    warm_up()
    samples: dict[str, list[dict[str, Any]]] = {subject: [] for subject in subjects}
    for _, subject in interleave(subjects, repeat):
        samples[subject].append(measure(subject))
    return samples
