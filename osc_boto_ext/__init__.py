"""Drive Outscale's FCU (EC2-compatible compute API) from boto3.

``register()`` teaches a boto3 or botocore session the ``fcu`` service:
afterwards ``session.client('fcu', region_name='eu-west-2')`` has FCU's
operations, paginators and waiters, reaches ``https://fcu.<region>.outscale.com``
and sends what FCU expects.
"""

from osc_boto_ext.registration import DATA_PATH, EXTENSION_API_VERSION, register

__all__ = ["DATA_PATH", "EXTENSION_API_VERSION", "Session", "register", "__version__"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # ``Session`` subclasses boto3.Session: imported on first use so that
    # ``import osc_boto_ext`` stays cheap.
    if name == "Session":
        from osc_boto_ext.session import Session

        return Session
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
