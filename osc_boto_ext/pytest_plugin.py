"""pytest plugin: the ``local_fcu`` fixture.

Installed with osc-boto-ext (entry point ``pytest11``), so any suite can
write ``def test_backup(local_fcu): fcu = local_fcu.client(); ...``. This
module loads in every pytest run, so it imports nothing heavy: moto is only
imported when a test asks for the fixture.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture
def local_fcu() -> Iterator:
    """A fresh, started ``osc_boto_ext.local.LocalFCU`` (needs the ``local`` extra).

    Each test gets its own endpoint, keys and moto account; it is stopped
    and forgotten afterwards.
    """
    from osc_boto_ext.local import LocalFCU

    with LocalFCU() as endpoint:
        yield endpoint
