"""Concurrent clients: 8 threads x 50 export calls lose and duplicate no task."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from osc_boto_ext.local import LocalFCU

THREADS, CALLS = 8, 50


def test_concurrent_exports_are_all_recorded_once():
    # A long export time keeps the test about bookkeeping, not about writing 400 objects.
    with LocalFCU(export_seconds=600) as endpoint:
        setup = endpoint.client()
        endpoint.client("s3").create_bucket(Bucket="busy")
        volume = setup.create_volume(Size=1, AvailabilityZone="eu-west-2a")
        snapshot_id = setup.create_snapshot(VolumeId=volume["VolumeId"])["SnapshotId"]

        def worker(_: int) -> list[str]:
            fcu = endpoint.client()
            created = []
            for _ in range(CALLS):
                task = fcu.export_snapshot(
                    SnapshotId=snapshot_id, ExportToOsu={"DiskImageFormat": "qcow2", "OsuBucket": "busy"}
                )
                created.append(task["SnapshotExportTask"]["SnapshotExportTaskId"])
            return created

        with ThreadPoolExecutor(THREADS) as pool:
            per_thread = list(pool.map(worker, range(THREADS)))

        created = [task_id for ids in per_thread for task_id in ids]
        listed = [
            t["SnapshotExportTaskId"] for t in setup.describe_snapshot_export_tasks()["SnapshotExportTasks"]
        ]
    assert len(created) == THREADS * CALLS
    assert len(set(created)) == len(created)
    assert sorted(listed) == sorted(created)
