"""Reading EC2-query parameters and writing EC2-style XML.

FCU's parameter names are matched case-insensitively (reference §7.2: the
clients disagree on ``aksk``/``AkSk``, ``instanceId``/``InstanceId``).
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from typing import Any

from osc_boto_ext.local.exceptions import FcuError

NAMESPACE = "http://ec2.amazonaws.com/doc/2016-09-15/"


class Params:
    """The form fields of one request, looked up without regard to case."""

    def __init__(self, fields: dict[str, str]) -> None:
        self.fields = fields
        self._lower = {name.lower(): value for name, value in fields.items()}

    def get(self, *names: str) -> str | None:
        """The first of ``names`` present (``ExportToOsu.aksk.AccessKey`` style paths)."""
        for name in names:
            value = self._lower.get(name.lower())
            if value is not None:
                return value
        return None

    def indexed(self, prefix: str) -> list[str]:
        """``prefix.1``, ``prefix.2``, ... in index order."""
        pattern = re.compile(rf"^{re.escape(prefix.lower())}\.(\d+)$")
        found = [(int(m.group(1)), v) for k, v in self._lower.items() if (m := pattern.match(k))]
        return [value for _, value in sorted(found)]

    def filters(self) -> list[tuple[str, list[str]]]:
        """``Filter.N.Name`` / ``Filter.N.Value.M`` pairs, in order."""
        pattern = re.compile(r"^filter\.(\d+)\.name$")
        numbers = sorted(int(m.group(1)) for k in self._lower if (m := pattern.match(k)))
        return [(self._lower[f"filter.{n}.name"], self.indexed(f"Filter.{n}.Value")) for n in numbers]


def new_request_id() -> str:
    return str(uuid.uuid4())


def add(parent: ET.Element, tag: str, value: Any = None) -> ET.Element:
    """Append ``<tag>value</tag>``; booleans as ``true``/``false``."""
    child = ET.SubElement(parent, tag)
    if value is not None:
        child.text = ("true" if value else "false") if isinstance(value, bool) else str(value)
    return child


def response_root(action: str) -> ET.Element:
    root = ET.Element(f"{action}Response", xmlns=NAMESPACE)
    add(root, "requestId", new_request_id())
    return root


def to_bytes(root: ET.Element) -> bytes:
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")


def error_body(error: FcuError) -> bytes:
    """The EC2 error envelope FCU answers with."""
    root = ET.Element("Response")
    entry = add(add(root, "Errors"), "Error")
    add(entry, "Code", error.code)
    add(entry, "Message", error.message)
    add(root, "RequestID", new_request_id())
    return to_bytes(root)


def s3_error_body(code: str, message: str) -> bytes:
    """S3's error shape, for OSU requests refused before they reach moto."""
    root = ET.Element("Error")
    add(root, "Code", code)
    add(root, "Message", message)
    add(root, "RequestId", new_request_id())
    return to_bytes(root)
