"""``connect_fcu_endpoint``: boto2's constructor, building a registered boto3 client.

boto2's ``connect_fcu_endpoint`` forwarded its keywords to ``EC2Connection``.
Those that still mean something (``is_secure``, ``port``, ``path``,
``security_token``, ``validate_certs``, ``proxy*``, ``profile_name``) are
translated to boto3 options; those tied to boto2's own HTTP machinery are
refused by name, so a migrated script fails at once rather than behaving
differently.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import boto3
from botocore.config import Config

from osc_boto_ext.fcu.connection import FCUConnection
from osc_boto_ext.fcu.endpoint import resolve_endpoint
from osc_boto_ext.registration import EXTENSION_API_VERSION, register

#: boto2 keywords with no boto3 meaning, and what to do instead.
_REFUSED = {
    "host": "put the host in the url argument",
    "region": "pass region_name='<region>' (or a fcu.<region>.outscale.com url)",
    "https_connection_factory": "pass config=botocore.config.Config(...) or use conn.client",
    "converter": "results are typed objects; use conn.client for raw boto3 responses",
    "anon": "DescribeRegions and ReadPublicIpRanges are sent unsigned already; other calls need keys",
    "provider": "use profile_name= or keys",
}

_PROXY_KEYWORDS = ("proxy", "proxy_port", "proxy_user", "proxy_pass")


def connect_fcu_endpoint(
    url: str,
    aws_access_key_id: str | None = None,
    aws_secret_access_key: str | None = None,
    **kwargs: Any,
) -> FCUConnection:
    """Connect to FCU at ``url`` (``'fcu.eu-west-2.outscale.com'`` or a full URL).

    Keys may be left out to use boto3's usual credential chain. Besides
    boto2's keywords, ``config`` (a ``botocore.config.Config``) and
    ``extension_version`` (the ``Version`` of Outscale-only calls, boto2's
    ``fcuext_version`` setting) are accepted.
    """
    for name in kwargs:
        if name in _REFUSED:
            raise TypeError(f"connect_fcu_endpoint() no longer takes {name!r}: {_REFUSED[name]}")
    endpoint = resolve_endpoint(
        url,
        is_secure=kwargs.pop("is_secure", None),
        port=kwargs.pop("port", None),
        path=kwargs.pop("path", None),
        region_name=kwargs.pop("region_name", None),
    )
    if (aws_access_key_id is None) != (aws_secret_access_key is None):
        raise ValueError("give both aws_access_key_id and aws_secret_access_key, or neither")
    session_token = kwargs.pop("security_token", None)
    profile_name = kwargs.pop("profile_name", None)
    extension_version = kwargs.pop("extension_version", EXTENSION_API_VERSION)
    config = _config(kwargs.pop("config", None), _proxies(kwargs))
    verify = kwargs.pop("validate_certs", None)
    if verify is not None and not isinstance(verify, bool):
        raise TypeError(f"validate_certs must be True or False, not {verify!r}")
    if kwargs.pop("debug", 0):
        raise ValueError("debug= is boto2 logging; use logging.getLogger('botocore').setLevel(logging.DEBUG)")
    if kwargs:
        unknown = ", ".join(sorted(kwargs))
        raise TypeError(f"connect_fcu_endpoint() got unexpected keyword arguments: {unknown}")

    session = boto3.Session(
        aws_access_key_id=aws_access_key_id,
        aws_secret_access_key=aws_secret_access_key,
        aws_session_token=session_token,
        profile_name=profile_name,
        region_name=endpoint.region,
    )
    register(session, extension_version=extension_version)
    client = session.client(
        "fcu", region_name=endpoint.region, endpoint_url=endpoint.url, verify=verify, config=config
    )
    return FCUConnection(client)


def _proxies(kwargs: dict[str, Any]) -> dict[str, str] | None:
    """boto2's ``proxy``/``proxy_port``/``proxy_user``/``proxy_pass`` as a proxy URL."""
    given = {name: kwargs.pop(name) for name in _PROXY_KEYWORDS if kwargs.get(name) is not None}
    if not given:
        return None
    if "proxy" not in given:
        raise ValueError(f"{', '.join(sorted(given))} given without proxy=<host>")
    host = str(given["proxy"])
    url = host if "://" in host else f"http://{host}"
    if "proxy_port" in given:
        url = f"{url}:{int(given['proxy_port'])}"
    if "proxy_user" in given:
        scheme, rest = url.split("://", 1)
        user = quote(str(given["proxy_user"]), safe="")
        password = quote(str(given.get("proxy_pass", "")), safe="")
        url = f"{scheme}://{user}:{password}@{rest}"
    return {"http": url, "https": url}


def _config(config: Config | None, proxies: dict[str, str] | None) -> Config | None:
    if config is not None and not isinstance(config, Config):
        raise TypeError(f"config must be a botocore.config.Config, not {type(config).__name__}")
    if proxies is None:
        return config
    proxy_config = Config(proxies=proxies)
    return proxy_config if config is None else config.merge(proxy_config)
