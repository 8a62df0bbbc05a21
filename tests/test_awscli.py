"""``aws fcu ...`` through the AWS CLI v1 plugin, run as the user runs it.

The CLI runs as a subprocess (``python -m awscli``, the interpreter this
package is installed in) with HOME and AWS_CONFIG_FILE in a temporary
directory, against servers on 127.0.0.1 only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from osc_boto_ext import awscli as plugin

pytest.importorskip("awscli")

ACCESS_KEY = "AKIDAWSCLITEST000000"
SECRET_KEY = "awscli-test-secret-0000000000000000000"

EXPORT_TASK = """
    <snapshotExportTaskId>snap-export-7c1d2e3f</snapshotExportTaskId>
    <state>{state}</state>
    <completion>{completion}</completion>
    <snapshotExport><snapshotId>snap-4a5b6c7d</snapshotId></snapshotExport>
    <exportToOsu><diskImageFormat>qcow2</diskImageFormat><osuBucket>backups</osuBucket></exportToOsu>
"""


INSTANCES_RESPONSE = (
    b"<DescribeInstancesResponse><requestId>r</requestId><reservationSet><item>"
    b"<reservationId>r-1</reservationId><instancesSet><item><instanceId>i-0a1b2c3d</instanceId></item>"
    b"</instancesSet></item></reservationSet></DescribeInstancesResponse>"
)


def export_response(state: str = "pending") -> bytes:
    task = EXPORT_TASK.format(state=state, completion=100 if state == "completed" else 0)
    return (
        "<CreateSnapshotExportTaskResponse><requestId>r-1</requestId>"
        f"<snapshotExportTask>{task}</snapshotExportTask></CreateSnapshotExportTaskResponse>"
    ).encode()


def describe_response(state: str) -> bytes:
    task = EXPORT_TASK.format(state=state, completion=100 if state == "completed" else 0)
    return (
        "<DescribeSnapshotExportTasksResponse><requestId>r-2</requestId>"
        f"<snapshotExportTaskSet><item>{task}</item></snapshotExportTaskSet>"
        "</DescribeSnapshotExportTasksResponse>"
    ).encode()


@pytest.fixture
def cli_home(tmp_path) -> Path:
    home = tmp_path / "cli-home"
    home.mkdir()
    return home


@pytest.fixture
def cli_env(cli_home) -> dict:
    """The environment of an `aws` run: isolated files, test credentials."""
    env = {name: value for name, value in os.environ.items() if not name.startswith(("AWS_", "OSC_"))}
    env.update(
        HOME=str(cli_home),
        AWS_CONFIG_FILE=str(cli_home / ".aws" / "config"),
        AWS_SHARED_CREDENTIALS_FILE=str(cli_home / ".aws" / "credentials"),
        AWS_ACCESS_KEY_ID=ACCESS_KEY,
        AWS_SECRET_ACCESS_KEY=SECRET_KEY,
        AWS_DEFAULT_REGION="eu-west-2",
        AWS_EC2_METADATA_DISABLED="true",
        AWS_MAX_ATTEMPTS="1",
    )
    return env


def run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)


def aws(env: dict, *args: str) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "awscli", *args], env)


@pytest.fixture
def installed(cli_env) -> dict:
    result = run([sys.executable, "-m", "osc_boto_ext", "awscli", "install"], cli_env)
    assert result.returncode == 0, result.stderr
    return cli_env


# --- install / uninstall ------------------------------------------------------------


def test_install_writes_the_plugin_line_where_the_cli_reads_it(cli_env):
    result = run([sys.executable, "-m", "osc_boto_ext", "awscli", "install"], cli_env)
    assert result.returncode == 0, result.stderr
    config = Path(cli_env["AWS_CONFIG_FILE"])
    assert config.read_text() == "[plugins]\nosc_boto_ext = osc_boto_ext.awscli\n"
    assert str(config) in result.stdout


def test_install_keeps_the_rest_of_the_file_and_is_idempotent(tmp_path):
    config = tmp_path / "config"
    original = "# mine\n[default]\nregion = eu-west-2\n\n"
    original += "[plugins]\nother = other.plugin\n[profile x]\noutput = json\n"
    config.write_text(original)
    assert plugin.install(config) is True
    assert plugin.install(config) is False
    text = config.read_text()
    assert text == original.replace("[plugins]\n", "[plugins]\nosc_boto_ext = osc_boto_ext.awscli\n")
    assert plugin.uninstall(config) is True
    assert config.read_text() == original
    assert plugin.uninstall(config) is False


def test_install_repairs_a_stale_module_path(tmp_path):
    config = tmp_path / "config"
    config.write_text("[plugins]\nosc_boto_ext = somewhere.else\n")
    assert plugin.install(config) is True
    assert config.read_text() == "[plugins]\nosc_boto_ext = osc_boto_ext.awscli\n"


def test_uninstall_drops_the_section_it_leaves_empty(tmp_path):
    config = tmp_path / "config"
    config.write_text("[default]\nregion = eu-west-2\n")
    plugin.install(config)
    assert (
        config.read_text()
        == "[default]\nregion = eu-west-2\n\n[plugins]\nosc_boto_ext = osc_boto_ext.awscli\n"
    )
    plugin.uninstall(config)
    assert config.read_text() == "[default]\nregion = eu-west-2\n"


def test_uninstall_without_a_file_changes_nothing(tmp_path):
    assert plugin.uninstall(tmp_path / "absent") is False
    assert not (tmp_path / "absent").exists()


# --- aws fcu ... as a subprocess -----------------------------------------------------


def test_fcu_is_unknown_before_install_and_after_uninstall(cli_env, loopback):
    before = aws(cli_env, "fcu", "describe-instances", "--endpoint-url", loopback.url)
    assert before.returncode != 0 and "invalid choice" in before.stderr.lower()
    run([sys.executable, "-m", "osc_boto_ext", "awscli", "install"], cli_env)
    run([sys.executable, "-m", "osc_boto_ext", "awscli", "uninstall"], cli_env)
    after = aws(cli_env, "fcu", "describe-instances", "--endpoint-url", loopback.url)
    assert after.returncode != 0 and "invalid choice" in after.stderr.lower()
    assert loopback.requests == []


def test_describe_instances(installed, loopback):
    loopback.default = (200, INSTANCES_RESPONSE)
    result = aws(installed, "fcu", "describe-instances", "--endpoint-url", loopback.url)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["Reservations"][0]["Instances"][0]["InstanceId"] == "i-0a1b2c3d"
    [request] = loopback.requests
    assert request["params"] == {"Action": "DescribeInstances", "Version": "2016-09-15"}
    assert f"Credential={ACCESS_KEY}/" in request["headers"]["Authorization"]
    assert "/eu-west-2/fcu/aws4_request" in request["headers"]["Authorization"]


def test_export_snapshot(installed, loopback):
    loopback.default = (200, export_response())
    result = aws(
        installed,
        "fcu",
        "export-snapshot",
        "--snapshot-id",
        "snap-4a5b6c7d",
        "--export-to-osu",
        "DiskImageFormat=qcow2,OsuBucket=backups,OsuPrefix=db01/",
        "--endpoint-url",
        loopback.url,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["SnapshotExportTask"]["SnapshotExportTaskId"] == "snap-export-7c1d2e3f"
    assert loopback.requests[0]["params"] == {
        "Action": "CreateSnapshotExportTask",
        "Version": "2015-05-07",
        "SnapshotId": "snap-4a5b6c7d",
        "ExportToOsu.DiskImageFormat": "qcow2",
        "ExportToOsu.OsuBucket": "backups",
        "ExportToOsu.OsuPrefix": "db01/",
    }


def test_describe_instance_types_uses_the_extension_version(installed, loopback):
    loopback.default = (
        200,
        b"<DescribeInstanceTypesResponse><requestId>r</requestId><instanceTypeSet><item>"
        b"<name>t2.micro</name><vcpu>1</vcpu><memory>1073741824</memory></item></instanceTypeSet>"
        b"</DescribeInstanceTypesResponse>",
    )
    result = aws(installed, "fcu", "describe-instance-types", "--endpoint-url", loopback.url)
    assert result.returncode == 0, result.stderr
    assert loopback.requests[0]["params"] == {"Action": "DescribeInstanceTypes", "Version": "2015-05-07"}
    assert "t2.micro" in result.stdout


def test_wait_snapshot_export_task_completed(installed, loopback):
    loopback.default = (200, describe_response("completed"))
    result = aws(
        installed,
        "fcu",
        "wait",
        "snapshot-export-task-completed",
        "--snapshot-export-task-ids",
        "snap-export-7c1d2e3f",
        "--endpoint-url",
        loopback.url,
    )
    assert result.returncode == 0, result.stderr
    assert loopback.requests[0]["params"] == {
        "Action": "DescribeSnapshotExportTasks",
        "Version": "2015-05-07",
        "SnapshotExportTaskId.1": "snap-export-7c1d2e3f",
    }


def test_wait_reports_a_failed_export(installed, loopback):
    loopback.default = (200, describe_response("failed"))
    result = aws(installed, "fcu", "wait", "snapshot-export-task-completed", "--endpoint-url", loopback.url)
    assert result.returncode != 0
    assert "SnapshotExportTaskCompleted failed" in result.stderr


def test_server_error_shows_fcus_code(installed, loopback):
    loopback.default = (
        400,
        b"<Response><Errors><Error><Code>InvalidSnapshotExportTaskID.NotFound</Code><Message>The snapshot "
        b"export task ID 'snap-export-00000000' does not exist</Message></Error></Errors>"
        b"<RequestID>x</RequestID></Response>",
    )
    result = aws(
        installed,
        "fcu",
        "describe-snapshot-export-tasks",
        "--snapshot-export-task-ids",
        "snap-export-00000000",
        "--endpoint-url",
        loopback.url,
    )
    assert result.returncode != 0
    assert "(InvalidSnapshotExportTaskID.NotFound)" in result.stderr


def test_service_endpoint_variable_is_honoured(installed, loopback):
    loopback.default = (200, b"<DescribeRegionsResponse><regionInfo/></DescribeRegionsResponse>")
    result = aws({**installed, "AWS_ENDPOINT_URL_FCU": loopback.url}, "fcu", "describe-regions")
    assert result.returncode == 0, result.stderr
    [request] = loopback.requests
    assert request["params"]["Action"] == "DescribeRegions"
    assert "Authorization" not in request["headers"]  # FCU answers DescribeRegions unsigned


def test_bad_input_fails_before_sending(installed, loopback):
    result = aws(
        installed, "fcu", "export-snapshot", "--export-to-osu", "OsuBucket=b", "--endpoint-url", loopback.url
    )
    assert result.returncode != 0
    assert "--snapshot-id" in result.stderr
    assert loopback.requests == []


# --- endpoint from region, in process (no request leaves the process) -------------


def test_endpoint_comes_from_the_region(installed, monkeypatch, capsys):
    import awscli
    from awscli.clidriver import create_clidriver
    from botocore.awsrequest import AWSResponse

    for name, value in installed.items():
        if name.startswith("AWS_") or name == "HOME":
            monkeypatch.setenv(name, value)
    # awscli puts its own data directory in AWS_DATA_PATH when imported; the
    # isolation fixture removed it.
    monkeypatch.setenv("AWS_DATA_PATH", str(Path(awscli.__file__).parent / "data"))
    sent = []

    class Body:
        def stream(self, **kwargs):
            yield INSTANCES_RESPONSE

    def answer(request, **kwargs):
        sent.append(request)
        return AWSResponse(request.url, 200, {}, Body())

    driver = create_clidriver()
    driver.session.register("before-send", answer)
    assert driver.main(["fcu", "describe-instances", "--region", "cloudgouv-eu-west-1"]) == 0
    [request] = sent
    assert request.url == "https://fcu.cloudgouv-eu-west-1.outscale.com/"
    assert "/cloudgouv-eu-west-1/fcu/aws4_request" in request.headers["Authorization"].decode()
    assert "i-0a1b2c3d" in capsys.readouterr().out
