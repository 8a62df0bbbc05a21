"""Loud failures for the private boto3/botocore details osc-boto-ext relies on.

If one of these fails after a boto3/botocore upgrade, fix osc_boto_ext/_private.py
or osc_boto_ext/client_class.py before anything else.
"""

from __future__ import annotations

import botocore.client
import botocore.session
from conftest import make_session

import osc_boto_ext
from osc_boto_ext._private import _LISTING_METHODS, botocore_session_of, forget_cached_listings


def test_boto3_session_keeps_its_botocore_session_in__session():
    session = make_session()
    assert isinstance(session._session, botocore.session.Session)
    assert botocore_session_of(session) is session._session


def test_loader_caches_listings_in__cache_keyed_by_method_name():
    loader = botocore.session.get_session().get_component("data_loader")
    assert isinstance(loader._cache, dict)
    loader.list_available_services("service-2")
    loader.determine_latest_version("sts", "service-2")
    keys = {key[0] for key in loader._cache}
    assert {"list_available_services", "determine_latest_version", "list_api_versions"} <= keys
    assert set(_LISTING_METHODS) <= keys
    forget_cached_listings(loader)
    assert not {key[0] for key in loader._cache} & set(_LISTING_METHODS)


def test_base_client_receives_the_ruleset_resolver_keyword():
    seen = {}

    class Probe:
        def __init__(self, *args, **kwargs):
            seen.update(kwargs)
            super().__init__(*args, **kwargs)

    session = osc_boto_ext.register(make_session())
    session.events.register(
        "creating-client-class.fcu", lambda base_classes, **kw: base_classes.insert(0, Probe)
    )
    session.client("fcu")
    assert "endpoint_ruleset_resolver" in seen
    assert hasattr(seen["endpoint_ruleset_resolver"], "construct_endpoint")


def test_client_meta_constructor_arguments_are_readable_back():
    client = osc_boto_ext.register(make_session()).client("fcu")
    meta = client.meta
    rebuilt = botocore.client.ClientMeta(
        meta.events,
        meta.config,
        meta.endpoint_url,
        meta.service_model,
        meta.method_to_api_mapping,
        meta.partition,
    )
    assert rebuilt.region_name == meta.region_name == "eu-west-2"
    assert rebuilt.endpoint_url == meta.endpoint_url
