"""What every command shares: opening the store named by ``--db``/``BRIEFING_DB``,
printing JSON, and turning exceptions into one line on stderr."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from briefing import paths
from briefing.store import Store, StoreError, ValidationError


def store_path(args) -> Path:
    return Path(args.db).expanduser() if getattr(args, "db", None) else paths.default_store_path()


def is_default_location(args) -> bool:
    """True when neither ``--db`` nor ``$BRIEFING_DB`` chose the store."""
    return not getattr(args, "db", None) and not os.environ.get(paths.ENV_DB, "").strip()


def open_store(args, *, readonly: bool = False) -> Store:
    """Open the store for a command.  A store that does not exist yet is created: with
    the demo data when it is the default store in the user's data folder (first run),
    empty otherwise."""
    from briefing.services.demo import ensure_store

    path = store_path(args)
    if readonly and path.exists():
        return Store.open(path, readonly=True)
    return ensure_store(path, demo=is_default_location(args))


def print_json(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def report_error(exc: BaseException) -> int:
    """Print ``briefing: <message>`` and return the exit code."""
    from briefing.cli import CliError

    if isinstance(exc, CliError):
        msg, code = str(exc), exc.code
    elif isinstance(exc, ValidationError):
        msg, code = f"invalid record: {exc}", 2
    elif isinstance(exc, StoreError):
        msg, code = str(exc), 3
    elif isinstance(exc, (OSError,)):
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        msg, code = f"{where}{exc.strerror or exc}", 4
    elif isinstance(exc, (ValueError, LookupError)):
        msg, code = str(exc), 2
    else:
        msg, code = f"unexpected error ({type(exc).__name__}): {exc}", 70
    print(f"briefing: {msg}", file=sys.stderr)
    return code
