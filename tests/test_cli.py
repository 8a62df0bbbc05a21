"""``python -m osc_boto_ext``: the demo end to end, and ``serve`` for other clients."""

from __future__ import annotations

import re
import signal
import subprocess
import sys

import boto3
import pytest

import osc_boto_ext
from osc_boto_ext.cli import describe_image_header, main
from osc_boto_ext.local.disk_images import qcow2, vdi, vmdk


def test_demo_tells_the_whole_story():
    result = subprocess.run(
        [sys.executable, "-m", "osc_boto_ext", "demo"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    snapshot = re.search(r"snapshot (snap-[0-9a-f]+)", out).group(1)
    assert f"you own 1 snapshot(s): {snapshot}" in out
    task = re.search(r"task (snap-export-[0-9a-f]{8}): pending, 0%", out).group(1)
    assert "100%  completed" in out
    assert f"{task}  completed 100%  {snapshot}" in out
    assert f"demo/{task}.qcow2" in out
    assert "qcow2 image, version 2, virtual size 10 GiB" in out
    assert re.search(r"t2\.nano\s+1\s+1\.0", out)
    assert "deleted bucket" in out and "deleted volume" in out


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM])
def test_serve_prints_a_working_endpoint(stop_signal):
    process = subprocess.Popen(
        [sys.executable, "-u", "-m", "osc_boto_ext", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = []
        for line in process.stdout:
            lines.append(line)
            if line.startswith("Ctrl-C"):
                break
        text = "".join(lines)
        url = re.search(r"Local FCU endpoint: (http://127\.0\.0\.1:\d+)", text).group(1)
        access_key = re.search(r"access key:\s+(\S+)", text).group(1)
        secret_key = re.search(r"secret key:\s+(\S+)", text).group(1)
        session = boto3.Session(
            aws_access_key_id=access_key, aws_secret_access_key=secret_key, region_name="eu-west-2"
        )
        fcu = osc_boto_ext.register(session).client("fcu", endpoint_url=url)
        assert fcu.describe_volumes()["Volumes"] == []
    finally:
        process.send_signal(stop_signal)
        process.wait(timeout=30)
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == 0


def test_no_command_prints_help_and_fails(capsys):
    assert main([]) == 2
    assert "demo" in capsys.readouterr().out


def test_unknown_option_is_refused():
    with pytest.raises(SystemExit) as caught:
        main(["demo", "--format", "iso"])
    assert caught.value.code == 2


@pytest.mark.parametrize(
    "image, expected",
    [
        (qcow2(3 << 30), "qcow2 image, version 2, virtual size 3 GiB"),
        (vmdk(2 << 30), "VMDK sparse image, virtual size 2 GiB"),
        (vdi(1 << 30), "VDI image, virtual size 1 GiB"),
        (bytes(512), "raw image (no header)"),
    ],
)
def test_image_headers_are_described(image, expected):
    assert describe_image_header(image[:512]) == expected


def test_demo_against_a_given_endpoint_uses_the_usual_credentials(monkeypatch, capsys):
    # The "real FCU" path, aimed at a local endpoint: keys come from the environment.
    from osc_boto_ext.local import LocalFCU

    with LocalFCU() as endpoint:
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", endpoint.access_key)
        monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", endpoint.secret_key)
        url = endpoint.endpoint_url
        code = main(
            [
                "demo",
                "--endpoint-url",
                url,
                "--osu-endpoint-url",
                url,
                "--region",
                "eu-west-2",
                "--delay",
                "1",
            ]
        )
        out = capsys.readouterr().out
        leftovers = endpoint.client().describe_volumes()["Volumes"]
    assert code == 0
    assert out.startswith(f"FCU at {url} (region eu-west-2), OSU at {url}")
    assert "100%  completed" in out and "deleted volume" in out
    assert leftovers == []
