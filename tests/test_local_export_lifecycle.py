"""The export lifecycle with a hand-moved clock: pending, active with rising completion, then done."""

from __future__ import annotations

import threading

import pytest

from osc_boto_ext.local.models import ExportFailed, ExportTasks


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_tasks(writer):
    clock = Clock()
    tasks = ExportTasks(writer, pending_seconds=1, active_seconds=10, clock=clock)
    return tasks, clock


def new_task(tasks, bucket="b"):
    fields = dict(resource_id="snap-1", disk_format="qcow2", bucket=bucket, prefix="p/", volume_size=1 << 30)
    return tasks.create("snapshot", **fields)


def describe_one(tasks, task_id):
    found, unknown = tasks.describe("snapshot", [task_id])
    assert unknown == []
    return found[0]


def finish(tasks, task_id, written: threading.Event):
    """Start the worker (the clock is already past the task's end) and wait for the outcome."""
    tasks.start()
    try:
        assert written.wait(timeout=30)
        for _ in range(1000):
            task = describe_one(tasks, task_id)
            if task.state != "active":
                return task
            written.wait(0.01)
        raise AssertionError("the worker never recorded the outcome")
    finally:
        tasks.stop()


def test_pending_then_active_with_rising_completion_then_completed():
    written = threading.Event()
    keys = []

    def writer(task):
        keys.append(task.key)
        written.set()

    tasks, clock = make_tasks(writer)
    task = new_task(tasks)
    assert (task.state, task.completion, task.key) == ("pending", 0, f"p/{task.task_id}.qcow2")
    clock.now += 2  # 1 s into the active phase
    early = describe_one(tasks, task.task_id)
    clock.now += 5
    later = describe_one(tasks, task.task_id)
    assert (early.state, later.state) == ("active", "active")
    assert 0 < early.completion < later.completion < 100
    clock.now += 10
    done = finish(tasks, task.task_id, written)
    assert (done.state, done.completion, done.status_message) == ("completed", 100, "")
    assert keys == [f"p/{task.task_id}.qcow2"]


def test_a_failed_write_fails_the_task_with_its_message():
    written = threading.Event()

    def writer(task):
        written.set()
        raise ExportFailed(f"Error accessing bucket {task.bucket}: S3ResponseError: 404 NoSuchBucket")

    tasks, clock = make_tasks(writer)
    task = new_task(tasks, bucket="missing")
    clock.now += 20
    failed = finish(tasks, task.task_id, written)
    assert (failed.state, failed.completion) == ("failed", 0)
    assert failed.status_message.startswith("Error accessing bucket missing")


@pytest.mark.parametrize("moment", [0, 5])
def test_cancel_before_the_end_is_final(moment):
    tasks, clock = make_tasks(lambda task: pytest.fail("a cancelled task must not be written"))
    task = new_task(tasks)
    clock.now += moment
    assert tasks.cancel(task.task_id).state == "cancelled"
    clock.now += 20
    assert describe_one(tasks, task.task_id).state == "cancelled"
    assert tasks.in_progress("snapshot") == 0


def test_unknown_ids_are_reported():
    tasks, _ = make_tasks(lambda task: None)
    task = new_task(tasks)
    found, unknown = tasks.describe("snapshot", [task.task_id, "snap-export-00000000"])
    assert [t.task_id for t in found] == [task.task_id]
    assert unknown == ["snap-export-00000000"]
    assert tasks.describe("image", [task.task_id]) == ([], [task.task_id])
    assert tasks.cancel("snap-export-00000000") is None
