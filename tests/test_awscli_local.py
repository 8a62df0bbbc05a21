"""``aws fcu ...`` subprocesses against the local endpoint: the export story from the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytest.importorskip("awscli")
pytest.importorskip("moto")

from osc_boto_ext.local import LocalFCU  # noqa: E402


@pytest.fixture
def endpoint():
    with LocalFCU(export_seconds=0.2) as local:
        yield local


@pytest.fixture
def aws(tmp_path, endpoint):
    """Run ``aws <args>`` with the plugin installed, aimed at the local endpoint by AWS_ENDPOINT_URL."""
    env = {name: value for name, value in os.environ.items() if not name.startswith(("AWS_", "OSC_"))}
    env.update(
        HOME=str(tmp_path / "cli-home"),
        AWS_CONFIG_FILE=str(tmp_path / "cli-home" / ".aws" / "config"),
        AWS_SHARED_CREDENTIALS_FILE=str(tmp_path / "cli-home" / ".aws" / "credentials"),
        AWS_ACCESS_KEY_ID=endpoint.access_key,
        AWS_SECRET_ACCESS_KEY=endpoint.secret_key,
        AWS_DEFAULT_REGION=endpoint.region_name,
        AWS_ENDPOINT_URL=endpoint.endpoint_url,
        AWS_EC2_METADATA_DISABLED="true",
    )
    install = [sys.executable, "-m", "osc_boto_ext", "awscli", "install"]
    subprocess.run(install, env=env, check=True, capture_output=True, timeout=300)

    def run(*args: str) -> dict:
        result = subprocess.run(
            [sys.executable, "-m", "awscli", *args, "--output", "json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout) if result.stdout.strip() else {}

    return run


def test_export_story_from_the_cli(aws, endpoint):
    zone = aws("fcu", "describe-availability-zones")["AvailabilityZones"][0]["ZoneName"]
    volume_id = aws("fcu", "create-volume", "--size", "1", "--availability-zone", zone)["VolumeId"]
    snapshot_id = aws("fcu", "create-snapshot", "--volume-id", volume_id)["SnapshotId"]
    aws("fcu", "wait", "snapshot-completed", "--snapshot-ids", snapshot_id)
    aws("s3api", "create-bucket", "--bucket", "cli-exports")

    task = aws(
        "fcu",
        "export-snapshot",
        "--snapshot-id",
        snapshot_id,
        "--export-to-osu",
        "DiskImageFormat=raw,OsuBucket=cli-exports,OsuPrefix=cli/",
    )["SnapshotExportTask"]
    assert task["SnapshotExport"]["SnapshotId"] == snapshot_id
    task_id = task["SnapshotExportTaskId"]

    aws("fcu", "wait", "snapshot-export-task-completed", "--snapshot-export-task-ids", task_id)
    [done] = aws("fcu", "describe-snapshot-export-tasks")["SnapshotExportTasks"]
    assert (done["SnapshotExportTaskId"], done["State"], done["Completion"]) == (task_id, "completed", 100)
    keys = [o["Key"] for o in endpoint.client("s3").list_objects_v2(Bucket="cli-exports")["Contents"]]
    assert keys == [f"cli/{task_id}.raw"]


def test_describe_instance_types_from_the_cli(aws):
    types = aws("fcu", "describe-instance-types")["InstanceTypes"]
    names = {t["Name"] for t in types}
    assert {"c4.large", "tinav4.c2r4p1"} <= names
    assert all(isinstance(t["Vcpu"], int) and t["Memory"] > 0 for t in types)
