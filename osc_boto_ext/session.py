"""``osc_boto_ext.Session``: a boto3 session ready for fcu, with Outscale's credentials.

Precedence, highest first (boto3's own chain is untouched; the Outscale
sources answer only when it finds nothing):

* credentials: explicit keys; a ``profile_name`` that only
  ``~/.osc/config.json`` defines; boto3's chain (``AWS_*`` variables, AWS
  files, ...); ``OSC_ACCESS_KEY``/``OSC_SECRET_KEY``; the osc config profile
  (``profile_name``, else ``OSC_PROFILE``, else ``default``). The Outscale
  sources come before the container and instance-metadata providers, which
  would only make a machine outside AWS wait on the network.
* region: ``region_name``; boto3's (``AWS_REGION``, ``AWS_DEFAULT_REGION``,
  AWS config); ``OSC_REGION``; the osc config profile's ``region``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import boto3
import botocore.session

from osc_boto_ext.credentials import (
    ENV_PROFILE,
    ENV_REGION,
    OscConfigFileProvider,
    OscEnvProvider,
    OscProfileNotFound,
    find_osc_profile,
    load_osc_config,
    osc_config_path,
    profile_region,
)
from osc_boto_ext.registration import register

#: Providers that query the network; Outscale's local sources go before them.
_NETWORK_PROVIDER = "container-role"


class Session(boto3.Session):
    """A ``boto3.Session`` registered for fcu that also reads Outscale's credentials.

    ``profile_name`` may name a profile of the AWS config files or of
    ``~/.osc/config.json``; other keyword arguments are boto3's.
    """

    def __init__(self, profile_name: str | None = None, region_name: str | None = None, **kwargs: Any):
        core = kwargs.pop("botocore_session", None) or botocore.session.get_session()
        osc_path = osc_config_path()
        osc_profiles = _OscProfileChoice.make(core, profile_name, osc_path)
        super().__init__(
            profile_name=None if osc_profiles.osc_only else profile_name,
            region_name=region_name,
            botocore_session=core,
            **kwargs,
        )
        register(self)
        self._osc_only_profile = profile_name if osc_profiles.osc_only else None

        if not kwargs.get("aws_access_key_id"):
            resolver = core.get_component("credential_provider")
            _add_before(resolver, _NETWORK_PROVIDER, OscEnvProvider())
            if osc_profiles.use_file:
                file_provider = OscConfigFileProvider(osc_profiles.name, osc_path)
                if osc_profiles.osc_only:
                    # Named explicitly and unknown to the AWS files: it beats
                    # the environment, as an explicit AWS profile would.
                    resolver.providers.insert(0, file_provider)
                else:
                    _add_before(resolver, _NETWORK_PROVIDER, file_provider)

        if core.get_config_variable("region") is None:
            region = os.environ.get(ENV_REGION)
            if not region and osc_profiles.use_file:
                region = profile_region(find_osc_profile(osc_profiles.name, osc_path))
            if region:
                core.set_config_variable("region", region)

    @property
    def profile_name(self) -> str:
        """The profile in use, including one that only ``~/.osc/config.json`` defines."""
        return self._osc_only_profile or super().profile_name


class _OscProfileChoice:
    """Which profile of ``~/.osc/config.json`` a session reads, if any.

    ``name`` None means the ``default`` profile, read only if present; a name
    must exist. An explicit ``profile_name`` that the AWS files define uses
    the osc profile of that name only if there is one.
    """

    def __init__(self, name: str | None, use_file: bool, osc_only: bool) -> None:
        self.name = name
        self.use_file = use_file
        self.osc_only = osc_only

    @classmethod
    def make(
        cls, core: botocore.session.Session, profile_name: str | None, osc_path: Path
    ) -> _OscProfileChoice:
        if profile_name is None:
            name = os.environ.get(ENV_PROFILE) or None
            if name is not None:
                find_osc_profile(name, osc_path)  # fail now: OSC_PROFILE names a missing profile
            return cls(name, use_file=True, osc_only=False)
        in_osc = profile_name in (load_osc_config(osc_path) or {})
        if profile_name in core.available_profiles:
            return cls(profile_name if in_osc else None, use_file=in_osc, osc_only=False)
        if not in_osc:
            aws_files = [core.get_config_variable(var) for var in ("config_file", "credentials_file")]
            where = " or ".join([*(os.path.expanduser(f) for f in aws_files if f), str(osc_path)])
            raise OscProfileNotFound(profile=profile_name, where=where)
        return cls(profile_name, use_file=True, osc_only=True)


def _add_before(resolver: Any, method: str, provider: Any) -> None:
    """Insert ``provider`` before the one named ``method``, or last if there is none."""
    if method in [p.METHOD for p in resolver.providers]:
        resolver.insert_before(method, provider)
    else:
        resolver.providers.append(provider)
