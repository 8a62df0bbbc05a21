"""The README's self-contained Python examples run as written."""

from __future__ import annotations

import re
from pathlib import Path

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def python_blocks(containing: str) -> list[str]:
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    return [block for block in blocks if containing in block]


def test_stubber_example_runs():
    (block,) = python_blocks("Stubber(fcu)")
    exec(compile(block, "README.md", "exec"), {})


def test_two_commands_are_documented():
    assert 'python -m pip install ".[local]" && python -m osc_boto_ext demo' in README
    assert 'python -m pip install -e ".[test]" && python -m pytest -q' in README
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text()
    assert 'python -m pip install --quiet -e ".[test]" && python -m pytest -q' in ci
