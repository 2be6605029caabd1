"""The command line: a thin argparse shell over the services.

One small module per command (``cmd_<name>.py``, like calibre's ``db/cli``), each
with ``register(subparsers)`` adding its parser and setting ``func`` to a
``run(args) -> int``.  Errors are one clear line on stderr and a non-zero exit,
never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from briefing import __version__

# the order commands appear in --help; each name is a module briefing/cli/cmd_<name>.py
COMMANDS = ["gui", "init", "import", "export_data", "search", "brief", "capture", "check"]


class CliError(Exception):
    """A user-facing error: printed as ``briefing: <message>`` with exit code ``code``."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Offline workbench for preparing diplomatic meetings.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    parser.add_argument(
        "--db", metavar="PATH",
        help="the store file (default: $BRIEFING_DB, else the user's data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"briefing.cli.cmd_{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from briefing.cli.context import report_error

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        args = parser.parse_args([*(argv if argv is not None else sys.argv[1:]), "gui"])
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except BaseException as exc:  # noqa: BLE001 - the one place errors become messages
        if isinstance(exc, SystemExit):
            raise
        return report_error(exc)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
