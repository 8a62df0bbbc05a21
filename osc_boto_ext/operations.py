"""Names of FCU's operations that need telling apart at run time.

Kept as plain constants so that registering handlers costs no model load; a
test checks them against ``model/outscale-overlay.json``.
"""

SERVICE_NAME = "fcu"

#: Outscale-only operations: sent with the FCU-extension API version.
OUTSCALE_OPERATIONS = (
    "CreateImageExportTask",
    "CreateSnapshotExportTask",
    "DescribeImageExportTasks",
    "DescribeInstanceTypes",
    "DescribeProductTypes",
    "DescribeQuotas",
    "DescribeSnapshotExportTasks",
    "ExportSnapshot",
    "GetProductType",
    "GetProductTypes",
    "ModifyInstanceKeypair",
    "ReadPublicIpRanges",
)

#: Operations whose Python name differs from the Action sent on the wire.
RENAMED_OPERATIONS = ("ExportSnapshot",)
