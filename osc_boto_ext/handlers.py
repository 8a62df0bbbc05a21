"""The fcu event handlers, as one table.

Each row is ``(event, handler, unique_id)``, plus ``REGISTER_FIRST`` for a
handler that must run before others on its event, as in botocore's own table.
``register()`` installs the rows
on a session's event emitter; the ``unique_id`` makes a second registration a
no-op. Every event is scoped to ``*.fcu.*``, so no other service changes.

The EC2 customisations that apply to FCU reuse botocore's own handler
functions (UserData base64, console output decoding, the ``Filter`` alias)
rather than copies of them. CopySnapshot's presigned URL is AWS cross-region
machinery that FCU does not use, so it is left out.
"""

from __future__ import annotations

from typing import Any

from botocore.handlers import (
    REGISTER_FIRST,
    ParameterAlias,
    base64_encode_user_data,
    decode_console_output,
    document_base64_encoding,
)

from osc_boto_ext.operations import OUTSCALE_OPERATIONS, RENAMED_OPERATIONS

_FILTER_ALIAS = ParameterAlias("Filter", "Filters")


def send_wire_action_name(params: dict, model: Any, **kwargs: Any) -> None:
    """Put the operation's wire name in ``Action``.

    botocore's query serializer writes the Python-facing operation name; the
    model's ``name`` field (``wire_name``) is what FCU knows, e.g.
    ``ExportSnapshot`` goes out as ``CreateSnapshotExportTask``.
    """
    params["body"]["Action"] = model.wire_name


class ExtensionApiVersion:
    """Send Outscale-only actions with the FCU-extension ``Version``.

    The original boto2 extension sent its Outscale calls with its own API
    version (2015-05-07) while EC2 calls used the EC2 one; we keep that.
    """

    def __init__(self, version: str) -> None:
        self.version = version

    def __call__(self, params: dict, **kwargs: Any) -> None:
        params["body"]["Version"] = self.version

    def __repr__(self) -> str:
        return f"ExtensionApiVersion({self.version!r})"


def fcu_handlers(extension_version: str) -> list[tuple]:
    """The rows to register; ``extension_version`` feeds the Version rows."""
    version_handler = ExtensionApiVersion(extension_version)
    rows: list[tuple] = [
        ("before-parameter-build.fcu.RunInstances", base64_encode_user_data, "osc-boto-ext-userdata-base64"),
        ("after-call.fcu.GetConsoleOutput", decode_console_output, "osc-boto-ext-console-output"),
        (
            "before-parameter-build.fcu.*",
            _FILTER_ALIAS.alias_parameter_in_call,
            "osc-boto-ext-filter-alias",
            REGISTER_FIRST,
        ),
        (
            "docs.*.fcu.*.complete-section",
            _FILTER_ALIAS.alias_parameter_in_documentation,
            "osc-boto-ext-filter-alias-docs",
        ),
        (
            "docs.*.fcu.RunInstances.complete-section",
            document_base64_encoding("UserData"),
            "osc-boto-ext-userdata-docs",
        ),
    ]
    rows += [
        (f"before-call.fcu.{name}", send_wire_action_name, f"osc-boto-ext-action-{name}")
        for name in RENAMED_OPERATIONS
    ]
    rows += [
        (f"before-call.fcu.{name}", version_handler, f"osc-boto-ext-version-{name}")
        for name in OUTSCALE_OPERATIONS
    ]
    return rows
