"""Every private boto3/botocore attribute osc-boto-ext touches, in one place.

There are two; ``tests/test_private_seams.py`` fails loudly if either changes
shape in a new boto3 or botocore.
"""

from __future__ import annotations

from typing import Any

import botocore.session

#: ``Loader`` methods whose instance cache remembers which services exist.
_LISTING_METHODS = ("list_available_services", "list_api_versions", "determine_latest_version")


def botocore_session_of(session: Any) -> botocore.session.Session:
    """The botocore session behind a boto3 or botocore session.

    boto3 offers no public accessor for it: ``boto3.Session._session``.
    """
    if isinstance(session, botocore.session.Session):
        return session
    inner = getattr(session, "_session", None)
    if isinstance(inner, botocore.session.Session):
        return inner
    raise TypeError(f"register() takes a boto3.Session or a botocore session, not {type(session).__name__}")


def forget_cached_listings(loader: Any) -> None:
    """Make a data loader look at its search paths again.

    botocore's ``Loader`` caches ``list_available_services`` and friends in
    ``loader._cache``; a session that created any client before ``register()``
    would otherwise keep answering that ``fcu`` does not exist. Loaded models
    stay cached.
    """
    cache = loader._cache
    for key in [key for key in cache if key[0] in _LISTING_METHODS]:
        del cache[key]
