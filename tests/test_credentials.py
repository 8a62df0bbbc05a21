"""osc_boto_ext.Session: Outscale credential conventions after boto3's own chain.

Every case runs in the isolated HOME and AWS files of conftest's autouse
fixture; the files written here live in that temporary directory.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
from botocore.exceptions import PartialCredentialsError, ProfileNotFound

import osc_boto_ext
from osc_boto_ext._private import botocore_session_of
from osc_boto_ext.credentials import OscConfigFileError, OscProfileNotFound

OSC_SECRET = "osc-secret-from-osc-file-00000000000000"
ENV_SECRET = "osc-secret-from-osc-env-000000000000000"
AWS_SECRET = "aws-secret-from-aws-files-0000000000000"


def write_osc_config(profiles) -> Path:
    path = Path(os.environ["HOME"]) / ".osc" / "config.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(profiles if isinstance(profiles, str) else json.dumps(profiles))
    return path


def write_aws_file(variable: str, text: str) -> None:
    Path(os.environ[variable]).write_text(text)


def osc_profiles() -> dict:
    return {
        "default": {"access_key": "AKOSCFILEDEFAULT", "secret_key": OSC_SECRET, "region": "eu-west-2"},
        "other": {"access_key": "AKOSCFILEOTHER", "secret_key": OSC_SECRET, "region": "us-east-2"},
        "cli": {"access_key": "AKOSCFILECLI", "secret_key": OSC_SECRET, "region_name": "us-west-1"},
    }


def access_key(session) -> str | None:
    credentials = session.get_credentials()
    return None if credentials is None else credentials.get_frozen_credentials().access_key


@pytest.fixture
def osc_env(monkeypatch):
    monkeypatch.setenv("OSC_ACCESS_KEY", "AKOSCENV")
    monkeypatch.setenv("OSC_SECRET_KEY", ENV_SECRET)


@pytest.fixture
def aws_env(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKAWSENV")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", AWS_SECRET)


def test_session_is_a_registered_boto3_session(wire, osc_env):
    session = osc_boto_ext.Session(region_name="eu-west-2")
    assert isinstance(session, boto3.Session)
    client = session.client("fcu")
    capture = wire(client, body=b"<DescribeInstancesResponse/>")
    client.describe_instances()
    assert capture.last.url == "https://fcu.eu-west-2.outscale.com/"
    assert capture.params["Action"] == "DescribeInstances"
    authorization = capture.last.headers["Authorization"].decode()
    assert "Credential=AKOSCENV/" in authorization
    assert "/eu-west-2/fcu/aws4_request" in authorization


def test_osc_environment_gives_credentials_and_region(monkeypatch, osc_env):
    monkeypatch.setenv("OSC_REGION", "us-east-2")
    session = osc_boto_ext.Session()
    assert access_key(session) == "AKOSCENV"
    assert session.get_credentials().method == "osc-env"
    assert session.region_name == "us-east-2"


def test_osc_config_default_profile():
    write_osc_config(osc_profiles())
    session = osc_boto_ext.Session()
    assert access_key(session) == "AKOSCFILEDEFAULT"
    assert session.get_credentials().method == "osc-config-file"
    assert session.region_name == "eu-west-2"


def test_osc_profile_variable_selects_the_profile(monkeypatch):
    write_osc_config(osc_profiles())
    monkeypatch.setenv("OSC_PROFILE", "other")
    session = osc_boto_ext.Session()
    assert (access_key(session), session.region_name) == ("AKOSCFILEOTHER", "us-east-2")


def test_osc_cli_region_name_key_is_read():
    write_osc_config(osc_profiles())
    session = osc_boto_ext.Session(profile_name="cli")
    assert (access_key(session), session.region_name) == ("AKOSCFILECLI", "us-west-1")


def test_explicit_keys_beat_everything(aws_env, osc_env, monkeypatch):
    write_osc_config(osc_profiles())
    monkeypatch.setenv("OSC_PROFILE", "other")
    session = osc_boto_ext.Session(aws_access_key_id="AKEXPLICIT", aws_secret_access_key="s")
    assert access_key(session) == "AKEXPLICIT"


def test_explicit_osc_profile_beats_environments(aws_env, osc_env):
    write_osc_config(osc_profiles())
    session = osc_boto_ext.Session(profile_name="other")
    assert access_key(session) == "AKOSCFILEOTHER"
    assert session.profile_name == "other"


def test_aws_environment_beats_osc_environment(aws_env, osc_env):
    assert access_key(osc_boto_ext.Session()) == "AKAWSENV"


def test_aws_credentials_file_beats_osc_sources(osc_env):
    write_osc_config(osc_profiles())
    write_aws_file(
        "AWS_SHARED_CREDENTIALS_FILE",
        f"[default]\naws_access_key_id = AKAWSFILE\naws_secret_access_key = {AWS_SECRET}\n",
    )
    assert access_key(osc_boto_ext.Session()) == "AKAWSFILE"


def test_osc_environment_beats_osc_file(osc_env):
    write_osc_config(osc_profiles())
    assert access_key(osc_boto_ext.Session()) == "AKOSCENV"


def test_nothing_found_means_no_credentials():
    session = osc_boto_ext.Session()
    assert session.get_credentials() is None
    assert session.region_name is None


@pytest.mark.parametrize(
    ("env", "argument", "expected"),
    [
        ({"AWS_DEFAULT_REGION": "us-west-1", "OSC_REGION": "us-east-2"}, "ap-northeast-1", "ap-northeast-1"),
        ({"AWS_DEFAULT_REGION": "us-west-1", "OSC_REGION": "us-east-2"}, None, "us-west-1"),
        ({"OSC_REGION": "us-east-2"}, None, "us-east-2"),
        ({}, None, "eu-west-2"),  # the osc file's default profile
    ],
)
def test_region_precedence(monkeypatch, env, argument, expected):
    write_osc_config(osc_profiles())
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert osc_boto_ext.Session(region_name=argument).region_name == expected


def test_aws_config_region_beats_osc_region(monkeypatch):
    write_aws_file("AWS_CONFIG_FILE", "[default]\nregion = cloudgouv-eu-west-1\n")
    monkeypatch.setenv("OSC_REGION", "us-east-2")
    assert osc_boto_ext.Session().region_name == "cloudgouv-eu-west-1"


def test_aws_profile_falls_back_to_the_osc_profile_of_the_same_name():
    write_aws_file("AWS_CONFIG_FILE", "[profile other]\noutput = json\n")
    write_osc_config(osc_profiles())
    session = osc_boto_ext.Session(profile_name="other")
    assert (access_key(session), session.region_name) == ("AKOSCFILEOTHER", "us-east-2")


def test_aws_profile_unknown_to_osc_does_not_read_the_osc_default(osc_env):
    write_aws_file("AWS_CONFIG_FILE", "[profile awsonly]\nregion = us-west-1\n")
    write_osc_config(osc_profiles())
    session = osc_boto_ext.Session(profile_name="awsonly")
    assert (access_key(session), session.region_name) == ("AKOSCENV", "us-west-1")


def test_missing_profile_names_profile_and_files():
    path = write_osc_config(osc_profiles())
    with pytest.raises(OscProfileNotFound) as caught:
        osc_boto_ext.Session(profile_name="nope")
    message = str(caught.value)
    assert "'nope'" in message
    assert str(path) in message
    assert os.environ["AWS_CONFIG_FILE"] in message
    assert isinstance(caught.value, ProfileNotFound)


def test_missing_profile_without_osc_file_says_so():
    with pytest.raises(OscProfileNotFound, match=r"'nope'.*config\.json"):
        osc_boto_ext.Session(profile_name="nope")


def test_osc_profile_variable_naming_a_missing_profile(monkeypatch):
    path = write_osc_config(osc_profiles())
    monkeypatch.setenv("OSC_PROFILE", "ghost")
    with pytest.raises(OscProfileNotFound) as caught:
        osc_boto_ext.Session()
    assert "'ghost'" in str(caught.value) and str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"default": {"access_key": "AK", ', "is not valid JSON"),
        ('["default"]', "must hold a JSON object of profiles"),
        ('{"default": "AK:SK"}', "profile 'default' must be a JSON object"),
        ('{"default": {"access_key": 12}}', "profile 'default': access_key must be a string"),
    ],
)
def test_malformed_file_names_the_file(content, problem):
    path = write_osc_config(content)
    with pytest.raises(OscConfigFileError) as caught:
        osc_boto_ext.Session(region_name="eu-west-2").get_credentials()
    assert str(path) in str(caught.value)
    assert problem in str(caught.value)
    # One clear error, not a chain through json's or botocore's internals.
    error = caught.value
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)


def test_partial_osc_environment(monkeypatch):
    monkeypatch.setenv("OSC_ACCESS_KEY", "AKOSCENV")
    with pytest.raises(PartialCredentialsError, match="OSC_SECRET_KEY"):
        osc_boto_ext.Session().get_credentials()


def test_partial_osc_profile():
    write_osc_config({"default": {"access_key": "AKONLY"}})
    with pytest.raises(PartialCredentialsError, match=r"config\.json profile 'default'.*secret_key"):
        osc_boto_ext.Session().get_credentials()


def test_secrets_stay_out_of_reprs_errors_and_logs(wire, caplog, osc_env):
    write_osc_config(osc_profiles())
    caplog.set_level(logging.DEBUG)
    for session in (osc_boto_ext.Session(), osc_boto_ext.Session(profile_name="other")):
        client = session.client("fcu")
        capture = wire(client, body=b"<DescribeRegionsResponse/>")
        client.describe_instances()
        resolver = botocore_session_of(session).get_component("credential_provider")
        shown = [repr(session), repr(session.get_credentials()), repr(client), *map(repr, resolver.providers)]
        shown += [str(capture.last.headers), capture.body_text(capture.last)]
        for secret in (OSC_SECRET, ENV_SECRET):
            assert not any(secret in text for text in shown)
    assert caplog.records, "expected botocore debug logs to check"
    assert not any(secret in caplog.text for secret in (OSC_SECRET, ENV_SECRET))


def test_secret_not_echoed_by_a_malformed_file():
    write_osc_config('{"default": {"access_key": "AK", "secret_key": "' + OSC_SECRET + '"} oops}')
    with pytest.raises(OscConfigFileError) as caught:
        osc_boto_ext.Session().get_credentials()
    assert OSC_SECRET not in str(caught.value)


def test_client_code_paths_import_neither_moto_nor_awscli():
    code = (
        "import sys, osc_boto_ext\n"
        "session = osc_boto_ext.Session(region_name='eu-west-2')\n"
        "session.client('fcu'); session.resource('fcu')\n"
        "print(sorted(m for m in ('moto', 'awscli') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy()
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
