"""``python -m osc_boto_ext``: the demo and a local endpoint to point tools at.

``demo`` tells the original extension's story with plain boto3 calls: a
volume, its snapshot found with owner ``self``, a bucket, the snapshot
exported to it and waited for, the export tasks, the object written, and
Outscale's instance types. By default it runs against a fresh local
endpoint; with ``--endpoint-url`` it runs against a real FCU.
"""

from __future__ import annotations

import argparse
import secrets
import signal
import struct
import sys
import time
from contextlib import ExitStack
from typing import Any, Callable, TextIO

from botocore.config import Config

import osc_boto_ext
from osc_boto_ext.awscli import add_subcommand as add_awscli_subcommand

GIB = 1 << 30


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="osc-boto-ext", description="Outscale FCU for boto3.")
    commands = parser.add_subparsers(dest="command")

    demo = commands.add_parser("demo", help="run the snapshot-export story (local endpoint by default)")
    demo.add_argument("--endpoint-url", help="a real FCU, e.g. https://fcu.eu-west-2.outscale.com")
    demo.add_argument(
        "--osu-endpoint-url", help="its object storage (default https://oos.<region>.outscale.com)"
    )
    demo.add_argument("--region", default=None, help="region name (default: configured, else eu-west-2)")
    demo.add_argument("--bucket", help="bucket to create and export into (default: a fresh name)")
    demo.add_argument("--format", default="qcow2", choices=("qcow2", "raw", "vmdk", "vdi"))
    demo.add_argument("--keep", action="store_true", help="leave the resources in place")
    demo.add_argument("--delay", type=int, help="seconds between waiter polls (default 1 local, 15 remote)")
    demo.set_defaults(run=run_demo)

    serve = commands.add_parser("serve", help="run a local FCU endpoint in the foreground")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=0, help="0 picks a free port")
    serve.add_argument("--region", default="eu-west-2")
    serve.add_argument("--access-key", help="access key to accept (default: generated)")
    serve.add_argument("--secret-key", help="secret key to accept (default: generated)")
    serve.set_defaults(run=run_serve)

    add_awscli_subcommand(commands)
    return parser


# -- serve ---------------------------------------------------------------------
def run_serve(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from osc_boto_ext.local import LocalFCU

    endpoint = LocalFCU(
        region_name=args.region,
        host=args.host,
        port=args.port,
        access_key=args.access_key,
        secret_key=args.secret_key,
        log_requests=True,
    )
    endpoint.start()
    print(f"Local FCU endpoint: {endpoint.endpoint_url}", file=out)
    print(f"  region:            {endpoint.region_name}", file=out)
    print(f"  access key:        {endpoint.access_key}", file=out)
    print(f"  secret key:        {endpoint.secret_key}", file=out)
    print("  OSU (S3):          same URL, path-style buckets", file=out)
    print("Try:", file=out)
    print(
        f"  AWS_ACCESS_KEY_ID={endpoint.access_key} AWS_SECRET_ACCESS_KEY={endpoint.secret_key} "
        f"aws ec2 describe-instance-status --endpoint-url {endpoint.endpoint_url} "
        f"--region {endpoint.region_name}",
        file=out,
    )
    print("Ctrl-C stops it.", file=out, flush=True)
    # A service manager stops us with SIGTERM: end as cleanly as on Ctrl-C.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        endpoint.serve_forever()
    except KeyboardInterrupt:
        print("stopped", file=out)
    return 0


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


# -- demo ------------------------------------------------------------------------
def run_demo(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    started = time.monotonic()
    say = _Printer(out)
    with ExitStack() as stack:
        if args.endpoint_url:
            # Credentials and region from boto3's usual places, then Outscale's (OSC_*, ~/.osc).
            session = osc_boto_ext.Session(region_name=args.region)
            region = session.region_name or "eu-west-2"
            fcu = session.client("fcu", endpoint_url=args.endpoint_url, region_name=region)
            osu_url = args.osu_endpoint_url or f"https://oos.{region}.outscale.com"
            osu = session.client(
                "s3", endpoint_url=osu_url, region_name=region, config=Config(s3={"addressing_style": "path"})
            )
            say.title(f"FCU at {args.endpoint_url} (region {region}), OSU at {osu_url}")
            delay = args.delay or 15
        else:
            from osc_boto_ext.local import LocalFCU

            endpoint = stack.enter_context(LocalFCU(region_name=args.region or "eu-west-2"))
            fcu, osu = endpoint.client(), endpoint.client("s3")
            region = endpoint.region_name
            say.title(f"Started a local FCU endpoint at {endpoint.endpoint_url} (region {region})")
            delay = args.delay or 1
        story = _Story(fcu, osu, region, say, args, delay)
        try:
            story.run()
        finally:
            if not args.keep:
                story.clean_up()
    say.line(f"\nThe story took {time.monotonic() - started:.1f} s.")
    return 0


class _Printer:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.steps = 0

    def title(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def step(self, text: str) -> None:
        self.steps += 1
        print(f"\n{self.steps}. {text}", file=self.out, flush=True)

    def line(self, text: str) -> None:
        print(f"   {text}" if not text.startswith("\n") else text, file=self.out, flush=True)


class _Story:
    """The steps of the demo; the resources it made, for clean-up."""

    def __init__(self, fcu: Any, osu: Any, region: str, say: _Printer, args: Any, delay: int) -> None:
        self.fcu, self.osu, self.region, self.say = fcu, osu, region, say
        self.disk_format = args.format
        self.bucket = args.bucket or f"osc-boto-ext-demo-{secrets.token_hex(4)}"
        self.delay = delay
        self.volume_id = self.snapshot_id = self.key = None
        self.bucket_created = False

    def run(self) -> None:
        fcu, say = self.fcu, self.say
        zone = fcu.describe_availability_zones()["AvailabilityZones"][0]["ZoneName"]
        say.step(f"Create a 10 GiB volume in {zone}, then a snapshot of it")
        self.volume_id = fcu.create_volume(Size=10, AvailabilityZone=zone)["VolumeId"]
        fcu.get_waiter("volume_available").wait(
            VolumeIds=[self.volume_id], WaiterConfig={"Delay": self.delay}
        )
        say.line(f"volume   {self.volume_id}")
        snapshot = fcu.create_snapshot(VolumeId=self.volume_id, Description="osc-boto-ext demo")
        self.snapshot_id = snapshot["SnapshotId"]
        fcu.get_waiter("snapshot_completed").wait(
            SnapshotIds=[self.snapshot_id], WaiterConfig={"Delay": self.delay, "MaxAttempts": 240}
        )
        say.line(f"snapshot {self.snapshot_id} ({snapshot['State']})")

        say.step("Find it among your own snapshots (owner 'self')")
        mine = fcu.describe_snapshots(OwnerIds=["self"])["Snapshots"]
        say.line(f"you own {len(mine)} snapshot(s): {', '.join(s['SnapshotId'] for s in mine[:5])}")
        found = next(s for s in mine if s["SnapshotId"] == self.snapshot_id)
        say.line(f"{found['SnapshotId']}: {found['VolumeSize']} GiB, owner {found['OwnerId']}")

        say.step(f"Create the bucket {self.bucket}")
        self.osu.create_bucket(Bucket=self.bucket)
        self.bucket_created = True
        say.line("created")

        say.step(f"Export the snapshot to {self.bucket} as {self.disk_format}, prefix 'demo/'")
        task = fcu.export_snapshot(
            SnapshotId=self.snapshot_id,
            ExportToOsu={"DiskImageFormat": self.disk_format, "OsuBucket": self.bucket, "OsuPrefix": "demo/"},
        )["SnapshotExportTask"]
        task_id = task["SnapshotExportTaskId"]
        say.line(f"task {task_id}: {task['State']}, {task.get('Completion', 0)}%")

        say.step("Wait for it with the snapshot_export_task_completed waiter")
        show = _progress_printer(say)
        fcu.meta.events.register("after-call.fcu.DescribeSnapshotExportTasks", show)
        try:
            fcu.get_waiter("snapshot_export_task_completed").wait(
                SnapshotExportTaskIds=[task_id], WaiterConfig={"Delay": self.delay}
            )
        finally:
            fcu.meta.events.unregister("after-call.fcu.DescribeSnapshotExportTasks", show)

        say.step("Your snapshot export tasks")
        for item in fcu.describe_snapshot_export_tasks()["SnapshotExportTasks"]:
            osu = item.get("ExportToOsu", {})
            say.line(
                f"{item['SnapshotExportTaskId']}  {item['State']:<9} {item.get('Completion', 0):>3}%  "
                f"{item['SnapshotExport']['SnapshotId']} -> {osu.get('OsuBucket')}/{osu.get('OsuPrefix', '')}"
            )

        say.step(f"The object in {self.bucket}")
        self.key = f"demo/{task_id}.{self.disk_format}"
        for obj in self.osu.list_objects_v2(Bucket=self.bucket, Prefix="demo/").get("Contents", []):
            say.line(f"{obj['Key']}  {obj['Size']} bytes")
            head = self.osu.get_object(Bucket=self.bucket, Key=obj["Key"], Range="bytes=0-511")["Body"].read()
            say.line(describe_image_header(head))

        say.step("Outscale's instance types")
        types = fcu.describe_instance_types()["InstanceTypes"]
        for row in instance_type_table(types):
            say.line(row)
        say.line(f"{len(types)} types")

    def clean_up(self) -> None:
        """Remove what the story created (a real account would be billed for it)."""
        steps: list[tuple[str, Callable[[], Any]]] = []
        if self.bucket_created:
            steps.append(("objects", self._empty_bucket))
            steps.append(("bucket", lambda: self.osu.delete_bucket(Bucket=self.bucket)))
        if self.snapshot_id:
            steps.append(("snapshot", lambda: self.fcu.delete_snapshot(SnapshotId=self.snapshot_id)))
        if self.volume_id:
            steps.append(("volume", lambda: self.fcu.delete_volume(VolumeId=self.volume_id)))
        if not steps:
            return
        self.say.step("Clean up")
        for name, action in steps:
            try:
                action()
                self.say.line(f"deleted {name}")
            except Exception as error:  # keep cleaning; report what is left
                self.say.line(f"could not delete {name}: {error}")

    def _empty_bucket(self) -> None:
        for obj in self.osu.list_objects_v2(Bucket=self.bucket).get("Contents", []):
            self.osu.delete_object(Bucket=self.bucket, Key=obj["Key"])


def _progress_printer(say: _Printer) -> Callable[..., None]:
    def show(parsed: dict, **kwargs: Any) -> None:
        for task in parsed.get("SnapshotExportTasks", []):
            done = int(task.get("Completion") or 0)
            bar = "#" * (done // 5) + "." * (20 - done // 5)
            message = f"  {task['StatusMessage']}" if task.get("StatusMessage") else ""
            say.line(f"[{bar}] {done:>3}%  {task['State']}{message}")

    return show


def describe_image_header(head: bytes) -> str:
    """One line naming the disk image format and virtual size found in ``head``."""
    if head[:4] == b"QFI\xfb":
        version, size = struct.unpack(">I", head[4:8])[0], struct.unpack(">Q", head[24:32])[0]
        return f"qcow2 image, version {version}, virtual size {size / GIB:g} GiB"
    if head[:4] == b"KDMV":
        sectors = struct.unpack("<Q", head[12:20])[0]
        return f"VMDK sparse image, virtual size {sectors * 512 / GIB:g} GiB"
    if len(head) >= 376 and struct.unpack("<I", head[64:68])[0] == 0xBEDA107F:
        return f"VDI image, virtual size {struct.unpack('<Q', head[368:376])[0] / GIB:g} GiB"
    return "raw image (no header)"


def instance_type_table(types: list[dict]) -> list[str]:
    rows = [f"{'name':<20}{'vCPU':>5}{'memory GiB':>12}{'ephemeral':>16}{'max IPs':>9}  EBS-optimized"]
    for itype in sorted(types, key=lambda t: (t["Name"].startswith("tinav"), t["Name"])):
        storage = ""
        if itype.get("StorageCount"):
            storage = f"{itype['StorageCount']} x {itype['StorageSize'] / GIB:g} GiB"
        rows.append(
            f"{itype['Name']:<20}{itype['Vcpu']:>5}{itype['Memory'] / GIB:>12.1f}{storage:>16}"
            f"{itype.get('MaxIpAddresses', ''):>9}  {'yes' if itype.get('EbsOptimizedAvailable') else 'no'}"
        )
    return rows
