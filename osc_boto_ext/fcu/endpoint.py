"""Where a boto2-style ``connect_fcu_endpoint`` call points, and in which region.

boto2 scripts give either a bare host (``fcu.eu-west-2.outscale.com``) or a
URL, plus maybe ``is_secure``, ``port`` and ``path``. This module turns them
into the ``endpoint_url`` and ``region_name`` a boto3 client needs, and
refuses combinations that contradict each other instead of picking one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

DEFAULT_REGION = "eu-west-2"

#: ``fcu.<region>.<domain>.<tld>``: FCU's host naming (reference §1.3).
_FCU_HOST = re.compile(r"^fcu\.([a-z0-9-]+)\.[^.]+\.[^.]+$")


@dataclass(frozen=True)
class FCUEndpoint:
    """An FCU endpoint URL and the region its requests are signed for."""

    url: str
    region: str


def region_of_host(host: str) -> str | None:
    """The region named in a ``fcu.<region>.outscale.com`` host, else ``None``."""
    match = _FCU_HOST.match(host.lower())
    return match.group(1) if match else None


def resolve_endpoint(
    url: str,
    *,
    is_secure: bool | None = None,
    port: int | None = None,
    path: str | None = None,
    region_name: str | None = None,
) -> FCUEndpoint:
    """Combine ``url`` with boto2's ``is_secure``/``port``/``path`` keywords.

    A bare host means https (http with ``is_secure=False``). A full URL keeps
    its scheme, port and path; a keyword that says otherwise is an error.
    """
    if not isinstance(url, str) or not url.strip():
        raise ValueError(f"connect_fcu_endpoint() needs a host name or URL, not {url!r}")
    has_scheme = "://" in url
    parts = urlsplit(url if has_scheme else f"//{url}")
    if parts.query or parts.fragment:
        raise ValueError(f"the FCU endpoint URL must not carry a query or fragment: {url!r}")
    if not parts.hostname:
        raise ValueError(f"no host name in FCU endpoint {url!r}")

    scheme = _scheme(parts.scheme if has_scheme else None, is_secure, url)
    netloc = _netloc(parts.hostname, _port(parts.port, port, url))
    url_path = _path(parts.path, path, url)
    region = _region(parts.hostname, region_name)
    return FCUEndpoint(url=f"{scheme}://{netloc}{url_path}", region=region)


def _scheme(url_scheme: str | None, is_secure: bool | None, url: str) -> str:
    if is_secure is not None and not isinstance(is_secure, bool):
        raise TypeError(f"is_secure must be True or False, not {is_secure!r}")
    if url_scheme is None:
        return "http" if is_secure is False else "https"
    scheme = url_scheme.lower()
    if scheme not in ("http", "https"):
        raise ValueError(f"FCU is reached over http or https, not {url_scheme!r} ({url!r})")
    if is_secure is not None and is_secure != (scheme == "https"):
        raise ValueError(f"is_secure={is_secure} contradicts the {scheme} URL {url!r}; drop one of them")
    return scheme


def _port(url_port: int | None, port: int | None, url: str) -> int | None:
    if port is None:
        return url_port
    if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
        raise ValueError(f"port must be an integer from 1 to 65535, not {port!r}")
    if url_port is not None and url_port != port:
        raise ValueError(f"port={port} contradicts the port in {url!r}; drop one of them")
    return port


def _netloc(host: str, port: int | None) -> str:
    shown = f"[{host}]" if ":" in host else host
    return shown if port is None else f"{shown}:{port}"


def _path(url_path: str, path: str | None, url: str) -> str:
    url_path = url_path.rstrip("/")
    if path is None:
        return url_path
    if not isinstance(path, str):
        raise TypeError(f"path must be a string, not {path!r}")
    wanted = path.rstrip("/")
    if wanted and not wanted.startswith("/"):
        wanted = "/" + wanted
    if url_path and url_path != wanted:
        raise ValueError(f"path={path!r} contradicts the path in {url!r}; drop one of them")
    return wanted


def _region(host: str, region_name: str | None) -> str:
    if region_name is not None and (not isinstance(region_name, str) or not region_name):
        raise ValueError(f"region_name must be a non-empty string, not {region_name!r}")
    from_host = region_of_host(host)
    if from_host and region_name and region_name != from_host:
        raise ValueError(
            f"region_name={region_name!r} contradicts the host {host!r}, which serves {from_host!r}"
        )
    return from_host or region_name or DEFAULT_REGION
