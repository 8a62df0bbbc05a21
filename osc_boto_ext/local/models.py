"""The Outscale-only state of one local endpoint: export tasks and the
instance key pairs ModifyInstanceKeypair records.

Everything EC2 lives in moto; what moto has no notion of lives here, behind
one lock. An export task moves ``pending`` -> ``active`` -> ``completed`` (or
``failed``) on a worker thread, promptly, so that waiters with a one-second
delay finish in a few polls. ``completion`` rises with time while active.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, replace
from typing import Callable

PENDING, ACTIVE, COMPLETED, FAILED, CANCELLED = "pending", "active", "completed", "failed", "cancelled"
FINISHED_STATES = (COMPLETED, FAILED, CANCELLED)


@dataclass
class ExportTask:
    """One snapshot or image export, as DescribeXxxExportTasks reports it."""

    task_id: str
    kind: str  # "snapshot" or "image"
    resource_id: str  # the snapshot or image exported
    disk_format: str
    bucket: str
    prefix: str
    volume_size: int  # bytes
    access_key: str | None = None
    secret_key: str | None = None
    state: str = PENDING
    status_message: str = ""
    completion: int = 0
    manifest_url: str = ""
    created_at: float = 0.0
    active_at: float = 0.0
    finish_at: float = 0.0

    @property
    def key(self) -> str:
        """The object written: prefix + task ID + '.' + format (the original extension's rule)."""
        return f"{self.prefix}{self.task_id}.{self.disk_format}"


#: Writes a finished task's object; raises ``ExportFailed`` to fail the task.
Writer = Callable[[ExportTask], None]


class ExportFailed(Exception):
    """The export could not write its object; the message becomes ``StatusMessage``."""


class ExportTasks:
    """Thread-safe registry and lifecycle of export tasks.

    ``pending_seconds`` and ``active_seconds`` set the pace of the lifecycle;
    the worker thread writes the object when a task's active time is over.
    ``clock`` is injectable so tests can move time by hand.
    """

    def __init__(
        self,
        writer: Writer,
        pending_seconds: float = 0.3,
        active_seconds: float = 1.2,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._writer = writer
        self._clock = clock
        self._pending_seconds = pending_seconds
        self._active_seconds = active_seconds
        self._tasks: dict[str, ExportTask] = {}
        self._cond = threading.Condition()
        self._stopped = False
        self._worker: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------
    def start(self) -> None:
        with self._cond:
            if self._worker is not None:
                return
            self._stopped = False
            self._worker = threading.Thread(target=self._run, name="local-fcu-exports", daemon=True)
            self._worker.start()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()
            worker, self._worker = self._worker, None
        if worker is not None:
            worker.join(timeout=10)

    # -- API used by the responses ---------------------------------------
    def create(self, kind: str, **fields) -> ExportTask:
        prefix = "snap-export-" if kind == "snapshot" else "image-export-"
        now = self._clock()
        with self._cond:
            task_id = _new_id(prefix, self._tasks)
            task = ExportTask(
                task_id=task_id,
                kind=kind,
                created_at=now,
                active_at=now + self._pending_seconds,
                finish_at=now + self._pending_seconds + self._active_seconds,
                **fields,
            )
            self._tasks[task_id] = task
            self._cond.notify_all()
            return replace(task)

    def describe(self, kind: str, task_ids: list[str] | None = None) -> tuple[list[ExportTask], list[str]]:
        """Copies of the tasks asked for (all of ``kind`` if none) and the unknown IDs."""
        now = self._clock()
        with self._cond:
            if task_ids:
                found = [self._tasks[t] for t in task_ids if t in self._tasks and self._tasks[t].kind == kind]
                unknown = [t for t in task_ids if t not in self._tasks or self._tasks[t].kind != kind]
            else:
                found = [t for t in self._tasks.values() if t.kind == kind]
                unknown = []
            return [self._view(task, now) for task in found], unknown

    def cancel(self, task_id: str) -> ExportTask | None:
        """Cancel a pending or active task; a finished one stays as it is (as on FCU)."""
        with self._cond:
            task = self._tasks.get(task_id)
            if task is None:
                return None
            if task.state not in FINISHED_STATES:
                task.state = CANCELLED
            return replace(task)

    def in_progress(self, kind: str) -> int:
        with self._cond:
            return sum(1 for t in self._tasks.values() if t.kind == kind and t.state not in FINISHED_STATES)

    # -- internals -------------------------------------------------------
    def _view(self, task: ExportTask, now: float) -> ExportTask:
        """A copy with state and completion brought up to ``now``.

        The stored state of a running task stays ``pending``; ``active`` and
        its completion follow from the clock until the worker records the end.
        """
        view = replace(task)
        if view.state == PENDING and now >= view.active_at:
            view.state = ACTIVE
        if view.state == ACTIVE:
            span = max(view.finish_at - view.active_at, 1e-6)
            view.completion = min(99, max(1, int(100 * (now - view.active_at) / span)))
        return view

    def _run(self) -> None:
        while True:
            with self._cond:
                if self._stopped:
                    return
                now = self._clock()
                running = [task for task in self._tasks.values() if task.state not in FINISHED_STATES]
                due = [replace(task) for task in running if now >= task.finish_at]
                if not due:
                    wake = min((task.finish_at for task in running), default=None)
                    self._cond.wait(None if wake is None else max(wake - now, 0.01))
                    continue
            for task in due:
                if self._stopped:
                    return
                self._finish(task)

    def _finish(self, task: ExportTask) -> None:
        try:
            self._writer(task)
            outcome, message = COMPLETED, ""
        except ExportFailed as error:
            outcome, message = FAILED, str(error)
        except Exception as error:  # the export must end, whatever went wrong
            outcome, message = FAILED, f"Internal error while exporting: {error}"
        with self._cond:
            current = self._tasks[task.task_id]
            if current.state not in FINISHED_STATES:  # not cancelled meanwhile
                current.state = outcome
                current.status_message = message
                current.completion = 100 if outcome == COMPLETED else 0
                current.manifest_url = task.manifest_url


def _new_id(prefix: str, taken: dict) -> str:
    while True:
        candidate = prefix + secrets.token_hex(4)
        if candidate not in taken:
            return candidate


class InstanceKeypairs:
    """Key pair names set by ModifyInstanceKeypair, per instance."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._names: dict[str, str] = {}

    def set(self, instance_id: str, key_name: str) -> None:
        with self._lock:
            self._names[instance_id] = key_name

    def get(self, instance_id: str) -> str | None:
        with self._lock:
            return self._names.get(instance_id)
