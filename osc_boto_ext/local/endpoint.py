"""``LocalFCU``: a real FCU endpoint on 127.0.0.1, backed by moto.

One instance is one endpoint: its own HTTP server, key pair, moto account
and export tasks. ``client()`` hands out registered boto3 clients aimed at
it; ``client('s3')`` reaches OSU (moto's S3) on the same URL.
"""

from __future__ import annotations

import secrets
import threading
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from werkzeug.serving import WSGIRequestHandler, make_server

import osc_boto_ext
from osc_boto_ext.local.auth import SigV4Verifier
from osc_boto_ext.local.disk_images import disk_image
from osc_boto_ext.local.models import ExportFailed, ExportTask, ExportTasks, InstanceKeypairs
from osc_boto_ext.local.moto_bridge import MotoBridge
from osc_boto_ext.local.responses import OutscaleActions
from osc_boto_ext.local.server import FcuFront


class _QuietHandler(WSGIRequestHandler):
    def log(self, type: str, message: str, *args: Any) -> None:  # noqa: A002 - werkzeug's signature
        pass


class LocalFCU:
    """A local FCU endpoint (moto's EC2 and S3 behind FCU's own front).

    Use as a context manager, or call ``start()`` and ``stop()``. Credentials
    are generated unless given; only they are accepted. An export takes
    ``export_seconds`` from creation to its object being written.
    """

    def __init__(
        self,
        region_name: str = "eu-west-2",
        host: str = "127.0.0.1",
        port: int = 0,
        access_key: str | None = None,
        secret_key: str | None = None,
        export_seconds: float = 1.5,
        log_requests: bool = False,
    ) -> None:
        self.region_name = region_name
        self.host = host
        self.port = port
        self.access_key = access_key or "AKOSC" + secrets.token_hex(8).upper()[:15]
        self.secret_key = secret_key or secrets.token_urlsafe(30)
        self.endpoint_url = ""
        self._export_seconds = export_seconds
        self._log_requests = log_requests
        self._server = None
        self._thread: threading.Thread | None = None
        self._moto: MotoBridge | None = None
        self._tasks: ExportTasks | None = None
        self._osu_clients: dict[tuple[str, str], Any] = {}

    # -- lifecycle -------------------------------------------------------------
    def start(self) -> LocalFCU:
        """Start serving; returns self. ``endpoint_url`` is set from here on."""
        if self._server is not None:
            return self
        self._moto = MotoBridge(self.region_name)
        # An export spends a fifth of export_seconds pending, the rest active.
        pending = self._export_seconds / 5
        self._tasks = ExportTasks(
            self._write_export, pending_seconds=pending, active_seconds=self._export_seconds - pending
        )
        actions = OutscaleActions(self._moto, self._tasks, InstanceKeypairs(), self.region_name)
        verifier = SigV4Verifier(self.access_key, self.secret_key, self.region_name)
        app = FcuFront(verifier, self._moto, actions)
        handler = WSGIRequestHandler if self._log_requests else _QuietHandler
        self._server = make_server(self.host, self.port, app, threaded=True, request_handler=handler)
        self.port = self._server.server_port
        self.endpoint_url = f"http://{self.host}:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="local-fcu", daemon=True)
        self._thread.start()
        self._tasks.start()
        return self

    def stop(self) -> None:
        """Stop serving and forget this endpoint's moto state."""
        if self._server is None:
            return
        self._tasks.stop()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)
        self._moto.forget()
        self._server = None
        self._osu_clients.clear()

    def serve_forever(self) -> None:
        """Block until interrupted (``serve`` on the command line)."""
        self.start()
        try:
            self._thread.join()
        finally:
            self.stop()

    def __enter__(self) -> LocalFCU:
        return self.start()

    def __exit__(self, *exc_info: Any) -> None:
        self.stop()

    # -- clients ---------------------------------------------------------------
    @property
    def account_id(self) -> str:
        """The account that owns everything created through this endpoint."""
        if self._moto is None:
            raise RuntimeError("LocalFCU is not started")
        return self._moto.account_id

    def session(self) -> boto3.Session:
        """A boto3 session with this endpoint's credentials, registered for fcu."""
        return osc_boto_ext.register(
            boto3.Session(
                aws_access_key_id=self.access_key,
                aws_secret_access_key=self.secret_key,
                region_name=self.region_name,
            )
        )

    def client(self, service_name: str = "fcu", **kwargs: Any) -> Any:
        """A boto3 client aimed at this endpoint: ``fcu`` (default) or ``s3`` for OSU."""
        if self._server is None:
            raise RuntimeError("LocalFCU is not started: use it as a context manager or call start()")
        kwargs.setdefault("endpoint_url", self.endpoint_url)
        if service_name == "s3":
            kwargs.setdefault("config", Config(s3={"addressing_style": "path"}))
        return self.session().client(service_name, **kwargs)

    # -- exports ---------------------------------------------------------------
    def _osu_client(self, access_key: str, secret_key: str) -> Any:
        key = (access_key, secret_key)
        if key not in self._osu_clients:
            session = boto3.Session(
                aws_access_key_id=access_key, aws_secret_access_key=secret_key, region_name=self.region_name
            )
            self._osu_clients[key] = session.client(
                "s3",
                endpoint_url=self.endpoint_url,
                config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}),
            )
        return self._osu_clients[key]

    def _write_export(self, task: ExportTask) -> None:
        """Write the exported image into OSU over HTTP, as the platform would.

        The bucket must exist and the task's ``aksk`` (or, without one, the
        endpoint's own keys) must be able to write it: the original extension's
        rule (⚠ the 2021 platform created missing buckets).
        """
        osu = self._osu_client(task.access_key or self.access_key, task.secret_key or self.secret_key)
        body = disk_image(task.disk_format, task.volume_size, task.task_id)
        metadata = {"volume-size": str(task.volume_size), f"{task.kind}-id": task.resource_id}
        try:
            osu.put_object(Bucket=task.bucket, Key=task.key, Body=body, Metadata=metadata)
        except ClientError as error:
            meta = error.response.get("ResponseMetadata", {})
            details = error.response.get("Error", {})
            raise ExportFailed(
                f"Error accessing bucket {task.bucket}: S3ResponseError: {meta.get('HTTPStatusCode')} "
                f"{details.get('Code')}: {details.get('Message')}"
            ) from None
        except BotoCoreError as error:
            raise ExportFailed(f"Error accessing bucket {task.bucket}: {error}") from None
        task.manifest_url = f"{self.endpoint_url}/{task.bucket}/{task.key}"
