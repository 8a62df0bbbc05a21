"""moto's EC2 and S3 backends, reached through moto's own WSGI apps.

``create_backend_app`` is moto's published way to serve one backend; each
local endpoint talks to them with its own account ID (moto's
``x-moto-account-id`` header), so two endpoints never see each other's
resources. The region moto files resources under is the endpoint's region
when moto knows it, else ``eu-west-2`` (moto only knows AWS regions). If
``MOTO_ACCOUNT_ID`` is set in the environment, moto uses it for every
request, so all endpoints of the process share that one account.
"""

from __future__ import annotations

import os
import secrets
import xml.etree.ElementTree as ET
from io import BytesIO
from urllib.parse import urlencode

import boto3
from werkzeug.test import EnvironBuilder, run_wsgi_app

from osc_boto_ext.local.exceptions import FcuError

FALLBACK_MOTO_REGION = "eu-west-2"


def strip_namespaces(root: ET.Element) -> ET.Element:
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.split("}", 1)[1]
    return root


def moto_region_for(region: str) -> str:
    known = boto3.session.Session().get_available_regions("ec2")
    return region if region in known else FALLBACK_MOTO_REGION


class MotoBridge:
    """One endpoint's view of moto: its account, its region, both apps."""

    def __init__(self, region: str) -> None:
        from moto.moto_server.werkzeug_app import create_backend_app

        # moto's MOTO_ACCOUNT_ID outranks the header: then every endpoint shares it.
        self.account_id = os.environ.get("MOTO_ACCOUNT_ID") or str(
            100000000000 + secrets.randbelow(900000000000)
        )
        self.region = moto_region_for(region)
        self.ec2_app = create_backend_app("ec2")
        self.s3_app = create_backend_app("s3")

    # -- forwarding client requests --------------------------------------
    def forward(self, app, environ: dict, body: bytes, ec2: bool) -> tuple[int, list, bytes]:
        """Run one client request through a moto app; return status, headers, body."""
        environ = dict(environ)
        environ["wsgi.input"] = BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        environ.pop("HTTP_TRANSFER_ENCODING", None)
        environ["HTTP_X_MOTO_ACCOUNT_ID"] = self.account_id
        if ec2:
            # moto reads the region from an AWS-looking host first.
            environ["HTTP_HOST"] = f"ec2.{self.region}.amazonaws.com"
        app_iter, status, headers = run_wsgi_app(app, environ, buffered=True)
        try:
            payload = b"".join(app_iter)
        finally:
            close = getattr(app_iter, "close", None)
            if close:
                close()
        return int(status.split()[0]), list(headers.items()), payload

    # -- our own EC2 queries ---------------------------------------------
    def ec2(self, action: str, params: dict | None = None) -> ET.Element:
        """Call an EC2 action on moto for this account; the parsed, namespace-free answer.

        A moto error becomes the same FcuError the client would have seen.
        """
        form = {"Action": action, "Version": "2016-09-15", **(params or {})}
        builder = EnvironBuilder(
            method="POST",
            path="/",
            data=urlencode(form),
            content_type="application/x-www-form-urlencoded",
            headers={"Host": f"ec2.{self.region}.amazonaws.com", "x-moto-account-id": self.account_id},
        )
        try:
            environ = builder.get_environ()
        finally:
            builder.close()
        body = environ["wsgi.input"].read()
        status, _, payload = self.forward(self.ec2_app, environ, body, ec2=True)
        root = strip_namespaces(ET.fromstring(payload))
        if status >= 400:
            code = root.findtext(".//Error/Code") or "InternalError"
            raise FcuError(code, root.findtext(".//Error/Message") or "", status=status)
        return root

    def forget(self) -> None:
        """Drop this account's EC2 and S3 state from moto's process-wide backends."""
        from moto.backends import get_backend

        if os.environ.get("MOTO_ACCOUNT_ID") == self.account_id:
            return  # shared by every endpoint: not ours to drop
        for service in ("ec2", "s3"):
            backends = get_backend(service)
            if self.account_id in backends:
                del backends[self.account_id]
