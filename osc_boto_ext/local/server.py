"""The WSGI front of the local endpoint: FCU's door, then moto.

Every request is classified by its SigV4 scope: service ``s3`` is OSU and
goes to moto's S3 app; anything else is FCU. FCU requests are verified as
FCU verifies them (reference §1.2, §1.6), then dispatched by ``Action``:
Outscale's own actions and the EC2-named ones with Outscale behaviour to
our handlers, the other FCU EC2 actions to moto's EC2 app, and names FCU
does not have to ``InvalidAction``.
"""

from __future__ import annotations

import json
import os
from http import HTTPStatus
from urllib.parse import parse_qsl, quote, urlencode

from osc_boto_ext.local.auth import IncomingRequest, SigV4Verifier, parse_authorization, verify_presigned
from osc_boto_ext.local.exceptions import FcuError
from osc_boto_ext.local.moto_bridge import MotoBridge
from osc_boto_ext.local.responses import OutscaleActions
from osc_boto_ext.local.wire import Params, error_body, s3_error_body, to_bytes
from osc_boto_ext.registration import DATA_PATH

#: Signing names FCU accepts in the credential scope (reference §1.2).
FCU_SIGNING_NAMES = ("fcu", "ec2")
#: Actions FCU answers without authentication (reference §1.6).
UNSIGNED_ACTIONS = frozenset({"DescribeRegions", "ReadPublicIpRanges"})


def fcu_action_names() -> frozenset[str]:
    """Every Action FCU knows: the wire names of the fcu model's operations."""
    path = os.path.join(DATA_PATH, "fcu", "2016-09-15", "service-2.json")
    with open(path, encoding="utf-8") as handle:
        operations = json.load(handle)["operations"]
    return frozenset(operation.get("name", name) for name, operation in operations.items())


class FcuFront:
    """The WSGI application of one local endpoint."""

    def __init__(self, verifier: SigV4Verifier, moto: MotoBridge, actions: OutscaleActions) -> None:
        self.verifier = verifier
        self.moto = moto
        self.actions = actions
        self.known_actions = fcu_action_names()

    def __call__(self, environ: dict, start_response):
        body = _read_body(environ)
        request = _incoming(environ, body)
        try:
            credential = parse_authorization(request.header("authorization"))
        except FcuError:
            credential = None
        if (credential and credential.service == "s3") or (credential is None and not _looks_like_fcu(body)):
            status, headers, payload = self._osu(environ, request, body)
        else:
            status, headers, payload = self._fcu(environ, request, body)
        start_response(f"{status} {_reason(status)}", headers)
        return [payload]

    # -- FCU ------------------------------------------------------------------
    def _fcu(self, environ: dict, request: IncomingRequest, body: bytes) -> tuple[int, list, bytes]:
        fields = dict(parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True))
        fields.update(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        params = Params(fields)
        action = params.get("Action") or ""
        try:
            if not (action in UNSIGNED_ACTIONS and request.header("authorization") is None):
                self.verifier.verify(request, FCU_SIGNING_NAMES)
            if action in self.actions.handlers:
                if (params.get("DryRun") or "").lower() == "true":
                    raise FcuError(
                        "DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412
                    )
                return _xml(200, to_bytes(self.actions.handlers[action](params)))
            if action not in self.known_actions:
                raise FcuError("InvalidAction", f"Action is not valid for this web service: {action}")
            return self._moto_ec2(environ, action, params)
        except FcuError as error:
            return _xml(error.status, error_body(error))
        except NotImplementedError:
            # moto lacks this action; FCU answers the same for features it lacks.
            return _xml(400, error_body(FcuError("NotImplemented", "This feature is not yet implemented")))
        except Exception as error:  # still an EC2 error envelope, never an HTML page
            return _xml(500, error_body(FcuError("InternalError", f"{type(error).__name__}: {error}", 500)))

    def _moto_ec2(self, environ: dict, action: str, params: Params) -> tuple[int, list, bytes]:
        fields = dict(params.fields)
        if action == "DescribeSnapshots":
            _owner_filter(fields, self.moto.account_id)
        # Always a form POST to moto, whatever the client used (FCU takes GET too).
        environ = dict(environ, REQUEST_METHOD="POST", QUERY_STRING="")
        environ["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
        status, headers, payload = self.moto.forward(
            self.moto.ec2_app, environ, urlencode(fields).encode(), ec2=True
        )
        return status, _plain_headers(headers), payload

    # -- OSU ------------------------------------------------------------------
    def _osu(self, environ: dict, request: IncomingRequest, body: bytes) -> tuple[int, list, bytes]:
        if request.header("authorization") is not None:
            try:
                # OSU buckets are global: the scope's region is not checked.
                self.verifier.verify(request, ("s3",), check_region=False)
            except FcuError as error:
                code = "InvalidAccessKeyId" if error.code == "AuthFailure" else error.code
                status = 403 if error.status in (401, 403) else error.status
                return _xml(status, s3_error_body(code, error.message))
        elif "X-Amz-Credential=" in environ.get("QUERY_STRING", ""):
            try:
                verify_presigned(request, self.verifier)
            except FcuError as error:
                return _xml(error.status, s3_error_body(error.code, error.message))
        else:
            # moto enforces no bucket policy or ACL: anonymous access would be full access.
            message = "Anonymous requests are not accepted by the local endpoint: sign them."
            return _xml(403, s3_error_body("AccessDenied", message))
        if _is_plain_create_bucket(environ, body):
            scope = parse_authorization(request.header("authorization"))
            body = _LOCATION.format(region=scope.region if scope else self.moto.region).encode()
        try:
            status, headers, payload = self.moto.forward(self.moto.s3_app, environ, body, ec2=False)
        except NotImplementedError:
            return _xml(501, s3_error_body("NotImplemented", "This feature is not yet implemented"))
        except Exception as error:  # an S3 error document, never an HTML page
            return _xml(500, s3_error_body("InternalError", f"{type(error).__name__}: {error}"))
        return status, _plain_headers(headers), payload


_LOCATION = (
    '<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
    "<LocationConstraint>{region}</LocationConstraint></CreateBucketConfiguration>"
)


def _is_plain_create_bucket(environ: dict, body: bytes) -> bool:
    """A CreateBucket without a location: OSU takes it, moto wants one outside us-east-1.

    Each OSU endpoint serves one region, so the location is implied; we add
    the one the request was signed for (after the signature check, which
    covered the empty body).
    """
    path = environ.get("PATH_INFO", "").strip("/")
    return (
        environ.get("REQUEST_METHOD") == "PUT"
        and not body
        and bool(path)
        and "/" not in path
        and not environ.get("QUERY_STRING")
    )


def _owner_filter(fields: dict, account_id: str) -> bool:
    """Turn ``Owner.N`` (self or account IDs) into moto's ``owner-id`` filter.

    moto ignores ``Owner`` and lists its built-in AMI snapshots alongside the
    user's; FCU's ``self`` means the caller's own snapshots only.
    """
    owners = [v for k, v in sorted(fields.items()) if k.lower().startswith("owner.")]
    if not owners or any(o != "self" and not o.isdigit() for o in owners):
        return False
    taken = {int(k.split(".")[1]) for k in fields if k.lower().startswith("filter.") and k.count(".") >= 2}
    number = max(taken, default=0) + 1
    fields[f"Filter.{number}.Name"] = "owner-id"
    for index, owner in enumerate(owners, start=1):
        fields[f"Filter.{number}.Value.{index}"] = account_id if owner == "self" else owner
    return True


def _looks_like_fcu(body: bytes) -> bool:
    """An unsigned request is FCU's if it carries an Action (query or form)."""
    return b"Action=" in body[:4096]


def _read_body(environ: dict) -> bytes:
    stream = environ.get("wsgi.input")
    if stream is None:
        return b""
    length = environ.get("CONTENT_LENGTH")
    if length:
        return stream.read(int(length))
    if environ.get("wsgi.input_terminated"):
        return stream.read()
    return b""


def _incoming(environ: dict, body: bytes) -> IncomingRequest:
    headers = {
        key[5:].replace("_", "-").lower(): value for key, value in environ.items() if key.startswith("HTTP_")
    }
    if environ.get("CONTENT_TYPE"):
        headers["content-type"] = environ["CONTENT_TYPE"]
    if environ.get("CONTENT_LENGTH"):
        headers["content-length"] = environ["CONTENT_LENGTH"]
    raw_uri = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    if not raw_uri:
        raw_uri = quote(environ.get("PATH_INFO", "/"))
        if environ.get("QUERY_STRING"):
            raw_uri += "?" + environ["QUERY_STRING"]
    return IncomingRequest(
        method=environ.get("REQUEST_METHOD", "GET"),
        raw_uri=raw_uri,
        headers=headers,
        body=body,
        scheme=environ.get("wsgi.url_scheme", "http"),
    )


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _xml(status: int, payload: bytes) -> tuple[int, list, bytes]:
    return status, [("Content-Type", "text/xml"), ("Content-Length", str(len(payload)))], payload


def _plain_headers(headers: list) -> list:
    """moto's headers minus hop-by-hop ones the server sets itself."""
    skip = {"connection", "transfer-encoding", "server", "date"}
    return [(k, v) for k, v in headers if k.lower() not in skip]
