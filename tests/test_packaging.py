"""The wheel carries the model data and works once installed."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("build")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("osc_boto_ext-*.whl")
    return built


def test_wheel_contains_the_model_and_typing_marker(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("service-2.json", "paginators-1.json", "waiters-2.json", "endpoint-rule-set-1.json"):
        assert f"osc_boto_ext/data/fcu/2016-09-15/{name}" in names
    assert "osc_boto_ext/py.typed" in names
    assert not any(name.startswith(("tests/", "model/", "scripts/")) for name in names)


def test_installed_wheel_serves_fcu(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
    )
    code = (
        "import boto3, osc_boto_ext, sys;"
        "assert osc_boto_ext.__file__.startswith(sys.argv[1]), osc_boto_ext.__file__;"
        "s = osc_boto_ext.register(boto3.Session(aws_access_key_id='a', aws_secret_access_key='b',"
        " region_name='eu-west-2'));"
        "c = s.client('fcu');"
        "print(c.meta.endpoint_url, len(c.meta.service_model.operation_names))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        check=True,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        cwd=tmp_path,
    )
    assert result.stdout.split() == ["https://fcu.eu-west-2.outscale.com", "176"]
