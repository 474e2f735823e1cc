"""The README and the contract describe the CLI that exists, option for option."""
from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

import rasid
from rasid.cli import build_parser
ROOT = Path(__file__).resolve().parents[1]

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _subparsers():
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return action.choices


def _usage_lines(markdown: str) -> list[str]:
    block = re.search(r"## Command line\s*```\n(.*?)```", markdown, re.S)
    assert block, "README has a '## Command line' code block"
    return [ln.split("#")[0].strip() for ln in block.group(1).splitlines()
            if ln.strip().startswith("rasid ")]


def _check_line(line: str, subs) -> None:
    command = line.split()[1]
    assert command in subs, f"README documents `rasid {command}`, which does not exist"
    known = {opt for a in subs[command]._actions for opt in a.option_strings}
    for option in re.findall(r"--[a-z][a-z-]*", line):
        assert option in known, f"`rasid {command}` has no option {option}"


def test_every_readme_command_and_option_exists():
    subs = _subparsers()
    lines = _usage_lines(README)
    assert len(lines) >= 5
    for line in lines:
        _check_line(line, subs)


def test_every_command_is_documented_in_the_readme():
    documented = {ln.split()[1] for ln in _usage_lines(README)}
    assert set(_subparsers()) == documented


def test_contract_commands_exist_with_their_options(shared_dir):
    contract = (shared_dir / "CONTRACT.md").read_text(encoding="utf-8")
    block = re.search(r"## Command line\s*```\n(.*?)```", contract, re.S).group(1)
    subs = _subparsers()
    for line in block.splitlines():
        line = line.split("#")[0].strip()
        if not line.startswith("rasid "):
            continue
        _check_line(line, subs)


def test_public_api_members_are_exported():
    for name in rasid.__all__:
        assert hasattr(rasid, name), name
    assert {"ingest", "open_store", "clean", "Article", "Story", "RawDocument"} <= set(rasid.__all__)


@pytest.mark.parametrize("setting", [f.name for f in fields(rasid.Settings)])
def test_every_setting_is_documented(setting):
    assert f"| `{setting}` |" in README
