"""The ``local_fcu`` pytest fixture, as a user's suite sees it, and what loads when."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_the_fixture_in_this_suite(local_fcu):
    fcu = local_fcu.client()
    volume = fcu.create_volume(Size=1, AvailabilityZone="eu-west-2a")["VolumeId"]
    assert [v["VolumeId"] for v in fcu.describe_volumes()["Volumes"]] == [volume]


def test_a_users_suite_gets_the_fixture_from_the_entry_point(tmp_path):
    (tmp_path / "test_backup.py").write_text(
        textwrap.dedent(
            """
            def test_backup(local_fcu):
                c = local_fcu.client()
                volume = c.create_volume(Size=2, AvailabilityZone="eu-west-2a")
                snap = c.create_snapshot(VolumeId=volume["VolumeId"])
                first = c.describe_snapshots(OwnerIds=["self"])["Snapshots"][0]
                assert first["SnapshotId"] == snap["SnapshotId"]
            """
        )
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout


def test_client_side_imports_do_not_load_moto():
    code = textwrap.dedent(
        """
        import sys
        import boto3
        import osc_boto_ext, osc_boto_ext.pytest_plugin
        osc_boto_ext.register(boto3.Session(region_name="eu-west-2")).client("fcu")
        heavy = ("moto.", "osc_boto_ext.local")
        loaded = sorted(m for m in sys.modules if m == "moto" or m.startswith(heavy))
        print(loaded)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
