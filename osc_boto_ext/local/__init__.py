"""A local FCU endpoint for tests and demos: ``LocalFCU``.

Needs the ``local`` extra (``pip install 'osc-boto-ext[local]'``), which
brings moto's server. Importing ``osc_boto_ext`` alone never imports this.
"""

from osc_boto_ext.local.endpoint import LocalFCU

__all__ = ["LocalFCU"]
