"""Shared fixtures: an isolated AWS environment, registered sessions, wire capture.

Nothing here reaches the internet: requests are either captured before they
are sent (``wire``) or go to servers on 127.0.0.1 with port 0.
"""

from __future__ import annotations

import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

import boto3
import pytest
from botocore.awsrequest import AWSResponse

import osc_boto_ext

ACCESS_KEY = "AKIDOSCTEST000000000"
SECRET_KEY = "osc-test-secret-key-0000000000000000000"
REGION = "eu-west-2"


@pytest.fixture(autouse=True)
def isolated_aws_environment(tmp_path, monkeypatch):
    """No AWS_*/OSC_* variable, config file or default session leaks in."""
    for name in list(os.environ):
        if name.startswith(("AWS_", "OSC_", "BOTO_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)


def make_session(**kwargs) -> boto3.Session:
    options = dict(aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY, region_name=REGION)
    options.update(kwargs)
    return boto3.Session(**options)


@pytest.fixture
def session() -> boto3.Session:
    """A boto3 session with test credentials, registered for fcu."""
    return osc_boto_ext.register(make_session())


class WireCapture:
    """Record what a client would send, and answer with a canned body.

    Hooks ``before-send``, which sees the fully serialized and signed request,
    so tests assert on what goes on the wire, not on the caller's input.
    """

    def __init__(
        self, client, body: bytes = b"<Response><requestId>wire</requestId></Response>", status: int = 200
    ):
        self.requests = []
        self.body = body
        self.status = status
        client.meta.events.register("before-send", self._answer)

    def _answer(self, request, **kwargs):
        self.requests.append(request)
        response = AWSResponse(request.url, self.status, {}, _Raw(self.body))
        return response

    @property
    def last(self):
        return self.requests[-1]

    @property
    def params(self) -> dict:
        """The last request's form fields, in order."""
        return dict(parse_qsl(self.body_text(self.last), keep_blank_values=True))

    @staticmethod
    def body_text(request) -> str:
        body = request.body
        return body.decode() if isinstance(body, bytes) else (body or "")


class _Raw:
    def __init__(self, data: bytes):
        self._data = data

    def stream(self, **kwargs):
        yield self._data


@pytest.fixture
def wire():
    """``wire(client, body=b'...')`` -> a WireCapture on that client."""
    return WireCapture


class LoopbackServer:
    """A tiny HTTP server on 127.0.0.1 that records requests and replays answers."""

    def __init__(self):
        self.requests: list[dict] = []
        self.responses: list[tuple[int, bytes]] = []
        self.default = (200, b"")
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode()
                outer.requests.append(
                    {"path": self.path, "headers": dict(self.headers), "params": dict(parse_qsl(body))}
                )
                status, payload = outer.responses.pop(0) if outer.responses else outer.default
                self.send_response(status)
                self.send_header("Content-Type", "text/xml")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST  # noqa: N815

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def loopback():
    server = LoopbackServer()
    yield server
    server.close()


@pytest.fixture(scope="module")
def endpoint():
    """A LocalFCU shared by one test module (modules may override it)."""
    local = pytest.importorskip("osc_boto_ext.local")
    with local.LocalFCU() as started:
        yield started


@pytest.fixture(scope="module")
def fcu(endpoint):
    """A registered fcu client aimed at the module's LocalFCU."""
    return endpoint.client()
