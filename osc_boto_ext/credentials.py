"""Outscale's credential conventions, as botocore credential providers.

osc-cli and osc-sdk-python read ``OSC_ACCESS_KEY``/``OSC_SECRET_KEY``/
``OSC_REGION``/``OSC_PROFILE`` and ``~/.osc/config.json``. The providers here
join a session's botocore credential chain (``CredentialResolver``, botocore's
published way to extend it), so boto3's own sources keep their precedence and
the Outscale ones answer only when those find nothing.

Secrets are handed to botocore's ``Credentials`` and never kept, logged or
put in an error message by this module.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from botocore.credentials import CredentialProvider, Credentials
from botocore.exceptions import BotoCoreError, PartialCredentialsError, ProfileNotFound

ENV_ACCESS_KEY = "OSC_ACCESS_KEY"
ENV_SECRET_KEY = "OSC_SECRET_KEY"
ENV_REGION = "OSC_REGION"
ENV_PROFILE = "OSC_PROFILE"
DEFAULT_PROFILE = "default"

#: osc-sdk-python writes ``region``; osc-cli writes ``region_name``. Both are read.
_REGION_KEYS = ("region", "region_name")


def osc_config_path() -> Path:
    """``~/.osc/config.json``, expanded when asked (HOME may change)."""
    return Path(os.path.expanduser("~")) / ".osc" / "config.json"


class OscConfigFileError(BotoCoreError):
    """``~/.osc/config.json`` exists but cannot be used."""

    fmt = "Outscale config file {path}: {problem}"


class OscProfileNotFound(ProfileNotFound):
    """A profile was named, but no config file defines it."""

    fmt = "The profile {profile!r} is not defined in {where}"


def load_osc_config(path: Path) -> dict[str, dict[str, Any]] | None:
    """Profiles from an osc config file, validated; ``None`` if there is no file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as error:
        raise OscConfigFileError(path=path, problem=f"cannot be read ({error.strerror})") from None
    try:
        data = json.loads(text)
    except ValueError as error:
        # The decoder's message gives a position, never the file's content.
        raise OscConfigFileError(path=path, problem=f"is not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise OscConfigFileError(path=path, problem="must hold a JSON object of profiles")
    for name, profile in data.items():
        if not isinstance(profile, dict):
            raise OscConfigFileError(path=path, problem=f"profile {name!r} must be a JSON object")
        for key in ("access_key", "secret_key", *_REGION_KEYS):
            if key in profile and not isinstance(profile[key], str):
                raise OscConfigFileError(path=path, problem=f"profile {name!r}: {key} must be a string")
    return data


def find_osc_profile(name: str | None, path: Path | None = None) -> dict[str, Any] | None:
    """The osc config profile ``name``, or the default profile when ``name`` is None.

    A profile that was asked for by name must exist: a missing one (or a
    missing file) raises :class:`OscProfileNotFound` naming the file.
    """
    path = path or osc_config_path()
    profiles = load_osc_config(path)
    wanted = name or DEFAULT_PROFILE
    profile = (profiles or {}).get(wanted)
    if profile is None and name is not None:
        where = str(path) if profiles is not None else f"{path} (no such file)"
        raise OscProfileNotFound(profile=name, where=where)
    return profile


def profile_region(profile: Mapping[str, Any] | None) -> str | None:
    """The region an osc config profile names, if any."""
    for key in _REGION_KEYS:
        if profile and profile.get(key):
            return profile[key]
    return None


class OscEnvProvider(CredentialProvider):
    """Credentials from ``OSC_ACCESS_KEY`` and ``OSC_SECRET_KEY``."""

    METHOD = "osc-env"
    CANONICAL_NAME = "OscEnvironment"

    def load(self) -> Credentials | None:
        access_key = os.environ.get(ENV_ACCESS_KEY)
        secret_key = os.environ.get(ENV_SECRET_KEY)
        if not access_key and not secret_key:
            return None
        if not access_key:
            raise PartialCredentialsError(provider="the environment", cred_var=ENV_ACCESS_KEY)
        if not secret_key:
            raise PartialCredentialsError(provider="the environment", cred_var=ENV_SECRET_KEY)
        return Credentials(access_key, secret_key, method=self.METHOD)


class OscConfigFileProvider(CredentialProvider):
    """Credentials from a profile of ``~/.osc/config.json``.

    ``profile_name`` is the profile asked for by name (argument or
    ``OSC_PROFILE``); ``None`` means the ``default`` profile, if any.
    """

    METHOD = "osc-config-file"
    CANONICAL_NAME = "OscConfigFile"

    def __init__(self, profile_name: str | None = None, path: Path | None = None) -> None:
        self.profile_name = profile_name
        self.path = path

    def load(self) -> Credentials | None:
        path = self.path or osc_config_path()
        profile = find_osc_profile(self.profile_name, path)
        if profile is None:
            return None
        access_key, secret_key = profile.get("access_key"), profile.get("secret_key")
        if not access_key and not secret_key:
            return None
        where = f"{path} profile {self.profile_name or DEFAULT_PROFILE!r}"
        if not access_key:
            raise PartialCredentialsError(provider=where, cred_var="access_key")
        if not secret_key:
            raise PartialCredentialsError(provider=where, cred_var="secret_key")
        return Credentials(access_key, secret_key, method=self.METHOD)

    def __repr__(self) -> str:
        return f"OscConfigFileProvider(profile_name={self.profile_name!r})"
