"""``aws fcu ...``: an AWS CLI v1 plugin, and the commands that (un)install it.

AWS CLI v1 imports the modules listed under ``[plugins]`` in its config file
and calls their ``awscli_initialize(event_hooks)``. Ours waits for the CLI to
build its top-level command table, then calls :func:`osc_boto_ext.register`
on the CLI's own botocore session and adds the ``fcu`` command: the same
model, handlers and endpoints as ``boto3.client('fcu')``, for that one
process only. ``install`` writes that ``[plugins]`` line; ``uninstall``
removes it.

The model is deliberately not copied into ``~/.aws/models``: botocore reads
that directory in every session, so boto3 would then find an ``fcu`` model
without our handlers (wrong signing, Action and Version on the wire).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

PLUGIN_NAME = "osc_boto_ext"
PLUGIN_MODULE = "osc_boto_ext.awscli"
SECTION = "[plugins]"


# --- the plugin, run inside ``aws`` ----------------------------------------------


def awscli_initialize(event_hooks: Any) -> None:
    """AWS CLI v1 plugin entry point."""
    event_hooks.register("building-command-table.main", add_fcu_command, unique_id="osc-boto-ext-awscli")


def add_fcu_command(command_table: dict, session: Any, **kwargs: Any) -> None:
    """Register fcu on the CLI's session and give the CLI its ``fcu`` command."""
    from awscli.clidriver import ServiceCommand

    from osc_boto_ext.registration import register

    register(session)
    if "fcu" not in command_table:
        command_table["fcu"] = ServiceCommand(cli_name="fcu", session=session, service_name="fcu")


# --- install / uninstall: one line in the CLI's config file ---------------------


def default_config_path() -> Path:
    """The file the CLI reads its config from: ``AWS_CONFIG_FILE`` or ``~/.aws/config``."""
    return Path(os.path.expanduser(os.environ.get("AWS_CONFIG_FILE") or "~/.aws/config"))


def _is_header(line: str) -> bool:
    return line.strip().startswith("[")


def _key(line: str) -> str | None:
    text = line.strip()
    if not text or text[0] in "#;[" or "=" not in text:
        return None
    return text.split("=", 1)[0].strip()


def _plugins_section(lines: list[str]) -> tuple[int, int] | None:
    """(header index, end index) of the ``[plugins]`` section, if there is one."""
    for start, line in enumerate(lines):
        if line.strip() == SECTION:
            end = start + 1
            while end < len(lines) and not _is_header(lines[end]):
                end += 1
            return start, end
    return None


def install(config_path: Path) -> bool:
    """Add ``osc_boto_ext = osc_boto_ext.awscli`` under ``[plugins]``; True if the file changed."""
    text = config_path.read_text() if config_path.exists() else ""
    lines = text.splitlines(keepends=True)
    entry = f"{PLUGIN_NAME} = {PLUGIN_MODULE}\n"
    section = _plugins_section(lines)
    if section is None:
        prefix = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
        new_text = f"{text}{prefix}{SECTION}\n{entry}"
    else:
        start, end = section
        existing = [i for i in range(start + 1, end) if _key(lines[i]) == PLUGIN_NAME]
        if existing and lines[existing[0]].split("=", 1)[1].strip() == PLUGIN_MODULE:
            return False
        if existing:
            lines[existing[0]] = entry
        else:
            lines.insert(start + 1, entry)
        new_text = "".join(lines)
    config_path.parent.mkdir(parents=True, exist_ok=True)
    config_path.write_text(new_text)
    return True


def uninstall(config_path: Path) -> bool:
    """Remove our ``[plugins]`` line (and the section if it is left empty); True if changed."""
    if not config_path.exists():
        return False
    lines = config_path.read_text().splitlines(keepends=True)
    section = _plugins_section(lines)
    if section is None:
        return False
    start, end = section
    ours = [i for i in range(start + 1, end) if _key(lines[i]) == PLUGIN_NAME]
    if not ours:
        return False
    del lines[ours[0]]
    end -= 1
    if all(not line.strip() for line in lines[start + 1 : end]):
        del lines[start:end]
        while lines and not lines[-1].strip():
            lines.pop()
    config_path.write_text("".join(lines))
    return True


# --- command line -------------------------------------------------------------------


def add_subcommand(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``awscli install|uninstall`` to an argparse sub-command set.

    The chosen action is in ``args.run(args) -> int``, as for the other
    ``python -m osc_boto_ext`` sub-commands.
    """
    parser = subparsers.add_parser(
        "awscli",
        help="make `aws fcu ...` available in AWS CLI v1",
        description="Enable or disable the osc-boto-ext plugin of AWS CLI v1 (`aws fcu ...`).",
    )
    actions = parser.add_subparsers(dest="awscli_action", metavar="{install,uninstall}")
    actions.required = True
    for name, help_text in (
        ("install", "add the plugin to the CLI's config file"),
        ("uninstall", "remove the plugin from the CLI's config file"),
    ):
        action = actions.add_parser(name, help=help_text, description=help_text)
        action.add_argument(
            "--config-file",
            type=Path,
            default=None,
            help="the AWS CLI config file (default: $AWS_CONFIG_FILE or ~/.aws/config)",
        )
        action.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Carry out ``awscli install`` or ``awscli uninstall``."""
    path = args.config_file or default_config_path()
    if args.awscli_action == "install":
        changed = install(path)
        print(f"{'added' if changed else 'already in'} [plugins] {PLUGIN_NAME} = {PLUGIN_MODULE}: {path}")
        if not _awscli_importable():
            print(
                f"warning: awscli is not installed for {sys.executable}; the `aws` command must run on "
                "the Python where osc-boto-ext is installed (pip install awscli)",
                file=sys.stderr,
            )
        return 0
    changed = uninstall(path)
    print(f"{'removed' if changed else 'not found'}: [plugins] {PLUGIN_NAME} in {path}")
    return 0


def _awscli_importable() -> bool:
    import importlib.util

    return importlib.util.find_spec("awscli") is not None


def main(argv: list[str] | None = None) -> int:
    """``python -m osc_boto_ext.awscli install|uninstall``."""
    parser = argparse.ArgumentParser(prog="python -m osc_boto_ext.awscli")
    subparsers = parser.add_subparsers(dest="command", metavar="awscli")
    add_subcommand(subparsers)
    args = parser.parse_args(["awscli", *(sys.argv[1:] if argv is None else argv)])
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
