"""The original osc-boto-ext (boto2) call surface, on top of boto3.

``from osc_boto_ext import fcu`` replaces ``from outscale.boto import fcu``;
the README's calls then work as before, and ``conn.client`` is the boto3
``fcu`` client for moving to plain boto3 calls.
"""

from osc_boto_ext.fcu.connect import connect_fcu_endpoint
from osc_boto_ext.fcu.connection import FCUConnection
from osc_boto_ext.fcu.endpoint import DEFAULT_REGION, FCUEndpoint, resolve_endpoint
from osc_boto_ext.fcu.errors import FCUResponseError
from osc_boto_ext.fcu.results import InstanceType, ProductType, Snapshot, SnapshotExportTask

__all__ = [
    "DEFAULT_REGION",
    "FCUConnection",
    "FCUEndpoint",
    "FCUResponseError",
    "InstanceType",
    "ProductType",
    "Snapshot",
    "SnapshotExportTask",
    "connect_fcu_endpoint",
    "resolve_endpoint",
]
