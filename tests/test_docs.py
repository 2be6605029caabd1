"""Every command and every option of the command line is in README.md (like
sqlite-utils' test_docs.py): the parser from ``briefing.cli.build_parser()`` is walked,
subcommands of subcommands (``brief new`` …) too."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from briefing.cli import build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
HELP = {"-h", "--help"}  # documented once for every command


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    out: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            out.update(action.choices)
    return out


def options(parser: argparse.ArgumentParser) -> list[str]:
    return [o for a in parser._actions for o in a.option_strings if o not in HELP]


def walk(parser, path=()):
    """(command path, parser) for every command and subcommand."""
    for name, sub in subcommands(parser).items():
        yield (*path, name), sub
        yield from walk(sub, (*path, name))


def section(command: str) -> str:
    """The README text under ``### `command` `` up to the next heading."""
    m = re.search(rf"^### `{re.escape(command)}`\s*$(.*?)(?=^#{{1,3}} |\Z)", README, re.M | re.S)
    return m.group(1) if m else ""


def mentioned(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


COMMANDS = list(walk(build_parser()))


def test_the_parser_has_the_foundation_commands():
    names = {p[0] for p, _ in COMMANDS}
    assert {"init", "import", "export-data", "check"} <= names


def test_global_options_are_documented():
    missing = [o for o in options(build_parser()) if not mentioned(README, o)]
    assert "--help" in README and "BRIEFING_DB" in README
    assert not missing, f"README.md does not document the global options: {', '.join(missing)}"


@pytest.mark.parametrize("path, parser", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_and_option_is_in_the_readme(path, parser):
    top = path[0]
    text = section(top)
    assert text, f"README.md has no '### `{top}`' section for the command '{top}'"
    if len(path) > 1:  # brief new: named in the parent's section as "brief new"
        words = " ".join(path)
        named = mentioned(text, words)
        assert named, f"README.md's '{top}' section does not mention the subcommand '{words}'"
    missing = [o for o in options(parser) if not mentioned(text, o)]
    assert not missing, (
        f"README.md's '{top}' section does not document "
        + ", ".join(f"'{' '.join(path)} {o}'" for o in missing))


def test_the_synopsis_lists_every_command():
    synopsis = README.split("## Command line", 1)[1].split("```", 2)[1]
    missing = [name for name in subcommands(build_parser())
               if not re.search(rf"^briefing \[--db PATH\] \[?{re.escape(name)}\b", synopsis, re.M)]
    assert not missing, f"the README's command synopsis lacks: {', '.join(missing)}"
