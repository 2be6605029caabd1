"""Versioned schema migrations (``db/migrations/NNNN_name.sql``), each in one transaction.

``PRAGMA user_version`` holds the schema version.  A store newer than this code
knows is refused; an older one is first copied with the SQLite backup API to
``<store>.v<N>-backup-<timestamp>.sqlite`` (owner-only), then upgraded step by step.
Like calibre's ``schema_upgrades.py``: one step per version, never edited once shipped.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from briefing import paths
from briefing.store.connection import APPLICATION_ID
from briefing.store.errors import StoreError, StoreTooNewError

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path

    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


def available(folder: Path | None = None) -> list[Migration]:
    folder = folder or paths.migrations_dir()
    found = []
    for p in sorted(folder.glob("*.sql")):
        m = _NAME.match(p.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), p))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(f"migrations in {folder} are not numbered 1..n: {versions}")
    return found


def latest_version() -> int:
    return len(available())


def check_version(path: Path, version: int) -> None:
    latest = latest_version()
    if version > latest:
        raise StoreTooNewError(
            f"{path} was written by a newer version of Briefing (store version {version}, "
            f"this version reads up to {latest}); update Briefing to open it"
        )


def backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the whole store with the SQLite backup API; returns the backup's path."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    suffix = path.suffix or ".sqlite"
    for n in range(1, 1000):  # a second backup within the same second gets "-2", …
        extra = f"-{n}" if n > 1 else ""
        target = path.with_name(f"{path.stem}.v{version}-backup-{stamp}{extra}{suffix}")
        try:
            fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            break
        except FileExistsError:
            continue
    else:  # pragma: no cover - a thousand backups in one second
        raise StoreError(f"cannot find a free name for a backup of {path}")
    os.close(fd)
    dest = sqlite3.connect(str(target))
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def migrate(conn: sqlite3.Connection, path: Path | None) -> tuple[int, int, Path | None]:
    """Bring the store to the latest version.  Returns (from, to, backup path)."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    steps = available()
    if path is not None:
        check_version(path, current)
    pending = [m for m in steps if m.version > current]
    if not pending:
        return current, current, None
    saved = backup(conn, path, current) if (current > 0 and path is not None) else None
    for step in pending:
        script = (
            "BEGIN IMMEDIATE;\n"
            f"{step.sql()}\n;\n"
            f"PRAGMA application_id = {APPLICATION_ID};\n"
            f"PRAGMA user_version = {step.version};\n"
            "COMMIT;"
        )
        try:
            conn.executescript(script)
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(
                f"upgrading the store to version {step.version} ({step.name}) failed: {exc}; "
                "the store was left at version "
                f"{conn.execute('PRAGMA user_version').fetchone()[0]}"
            ) from None
    return current, steps[-1].version, saved
