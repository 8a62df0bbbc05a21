"""``python -m osc_boto_ext`` and the ``osc-boto-ext`` console script."""

from __future__ import annotations

import sys

from osc_boto_ext.cli import main

if __name__ == "__main__":
    sys.exit(main())
