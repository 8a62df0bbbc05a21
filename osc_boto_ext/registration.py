"""``register()``: teach one boto3/botocore session the ``fcu`` service.

Everything is per session: our data directory joins that session's loader
search path, and our handlers join that session's event emitter with a
``unique_id``. Nothing in botocore is patched, so other sessions and other
services behave exactly as before.
"""

from __future__ import annotations

import os
from typing import Any, TypeVar

from botocore.handlers import REGISTER_FIRST

from osc_boto_ext._private import botocore_session_of, forget_cached_listings
from osc_boto_ext.client_class import add_endpoint_reporting_base
from osc_boto_ext.handlers import fcu_handlers
from osc_boto_ext.model_files import install as install_model_file_loader
from osc_boto_ext.resource_customizations import resource_handlers

#: The directory holding ``fcu/2016-09-15/*.json``, a botocore data path.
DATA_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")

#: ``Version`` sent with Outscale-only actions, as the original extension did.
EXTENSION_API_VERSION = "2015-05-07"

SessionT = TypeVar("SessionT")


def register(
    session: SessionT | None = None, *, extension_version: str = EXTENSION_API_VERSION
) -> SessionT | Any:
    """Make ``session.client('fcu')`` available and faithful to FCU.

    ``session`` is a ``boto3.Session``, a ``botocore.session.Session``, or
    ``None`` for boto3's default session (the one ``boto3.client`` uses).
    It may already have made other clients. Calling again is harmless; a new
    ``extension_version`` replaces the previous one. Returns the session.
    """
    if session is None:
        import boto3

        if boto3.DEFAULT_SESSION is None:
            boto3.setup_default_session()
        session = boto3.DEFAULT_SESSION
    core = botocore_session_of(session)

    loader = core.get_component("data_loader")
    if DATA_PATH not in loader.search_paths:
        loader.search_paths.append(DATA_PATH)
        forget_cached_listings(loader)
    install_model_file_loader(loader, DATA_PATH)

    events = core.get_component("event_emitter")
    events.register(
        "creating-client-class.fcu", add_endpoint_reporting_base, unique_id="osc-boto-ext-endpoint-report"
    )
    for event, handler, unique_id, *first in fcu_handlers(extension_version):
        # Unregister first so that a changed extension_version takes effect.
        events.unregister(event, unique_id=unique_id)
        add = events.register_first if first == [REGISTER_FIRST] else events.register
        add(event, handler, unique_id=unique_id)
    for event, handler, unique_id in resource_handlers(events):
        events.register(event, handler, unique_id=unique_id)
    return session
