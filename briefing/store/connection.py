"""Opening a store file safely.

Before anything writes to a file it is inspected read-only: a folder, a text file,
an empty or truncated file, another program's SQLite database, a locked file or a
store from a newer Briefing each give a clear :class:`StoreOpenError` and the file is
left exactly as it was.  New store files are created readable by their owner only.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from briefing.fold import fold, fold_key
from briefing.store.errors import (
    StoreCorruptError,
    StoreLockedError,
    StoreOpenError,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION_ID = 0x42524946  # "BRIF": marks a file as a Briefing store
BUSY_TIMEOUT_MS = 4000


def is_locked(exc: sqlite3.Error) -> bool:
    """Whether SQLite refused because another connection holds a lock."""
    msg = str(exc)
    return "locked" in msg or "busy" in msg


def locked(path: Path) -> StoreLockedError:
    return StoreLockedError(f"{path} is locked by another program; close it there and try again")


def _uri(path: Path, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    quoted = str(path.resolve()).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return f"file:{quoted}?{query}"


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the store's queries and index use."""
    conn.create_function("fold", 1, lambda s: fold(s) if s else "", deterministic=True)
    conn.create_function("fold_key", 1, lambda s: fold_key(s) if s else "", deterministic=True)


def configure(conn: sqlite3.Connection, readonly: bool) -> None:
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA synchronous = NORMAL")
    register_functions(conn)


def inspect_existing(path: Path) -> dict:
    """Look at an existing file without changing it.  Returns ``{"user_version",
    "application_id", "tables", "writable"}`` or raises :class:`StoreOpenError`."""
    if path.is_dir():
        raise StoreOpenError(f"{path} is a folder, not a store file")
    try:
        st = path.stat()
        with open(path, "rb") as fh:
            header = fh.read(100)
    except PermissionError:
        raise StoreOpenError(f"{path} cannot be read (permission denied)") from None
    except OSError as exc:
        raise StoreOpenError(f"{path} cannot be read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise StoreOpenError(f"{path} is not a regular file")
    if len(header) == 0:
        raise StoreCorruptError(f"{path} is an empty file, not a Briefing store")
    if not header.startswith(SQLITE_MAGIC):
        raise StoreCorruptError(f"{path} is not a Briefing store (not a SQLite database)")
    if len(header) < 100:
        raise StoreCorruptError(f"{path} is damaged (truncated SQLite header)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    if page_size and page_count and st.st_size < page_size * page_count:
        has_wal = Path(str(path) + "-wal").exists()
        if not has_wal:
            raise StoreCorruptError(
                f"{path} is damaged (the file is shorter than its header says: truncated?)"
            )
    # a file without any write permission bit is read-only even for root (who may write anyway)
    writable = (bool(st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
                and os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))
    # A WAL store with no -wal file has no other connection: read it as immutable, so
    # that looking at it leaves no -wal/-shm files behind when it is then refused.
    params = {"mode": "ro"}
    if header[18] == 2 and not Path(str(path) + "-wal").exists():
        params["immutable"] = "1"
    try:
        conn = sqlite3.connect(_uri(path, **params), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise StoreOpenError(f"{path} cannot be opened: {exc}") from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        info = {
            "user_version": conn.execute("PRAGMA user_version").fetchone()[0],
            "application_id": conn.execute("PRAGMA application_id").fetchone()[0],
            "tables": {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            },
            "writable": writable,
        }
        conn.execute("PRAGMA quick_check(1)").fetchone() if st.st_size < 64 * 2**20 else None
    except sqlite3.OperationalError as exc:
        msg = str(exc)
        if is_locked(exc):
            raise locked(path) from None
        if "unable to open" in msg and not writable:
            raise StoreOpenError(f"{path} cannot be opened read-only: {msg}") from None
        raise StoreCorruptError(f"{path} is damaged and cannot be read ({msg})") from None
    except sqlite3.DatabaseError as exc:
        raise StoreCorruptError(f"{path} is damaged and cannot be read ({exc})") from None
    finally:
        conn.close()
    if info["application_id"] not in (0, APPLICATION_ID):
        raise StoreOpenError(f"{path} is a SQLite database of another program, not a Briefing store")
    if info["application_id"] == 0 and info["tables"] - {"sqlite_sequence"}:
        raise StoreOpenError(f"{path} is a SQLite database of another program, not a Briefing store")
    return info


def create_file(path: Path) -> None:
    """Create an empty store file readable and writable by its owner only (0600)."""
    if not path.parent.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise StoreOpenError(f"cannot create folder {path.parent}: {exc.strerror or exc}") from None
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise StoreOpenError(f"cannot create {path}: {exc.strerror or exc}") from None
    os.close(fd)
    os.chmod(path, 0o600)


def connect(path: Path, readonly: bool) -> sqlite3.Connection:
    """Open a configured connection (autocommit mode; the store manages transactions)."""
    try:
        if readonly:
            try:
                conn = sqlite3.connect(
                    _uri(path, mode="ro"), uri=True, isolation_level=None,
                    check_same_thread=False,
                )
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError:
                # a WAL store in a folder we cannot write: read it as immutable
                conn = sqlite3.connect(
                    _uri(path, mode="ro", immutable="1"), uri=True, isolation_level=None,
                    check_same_thread=False,
                )
        else:
            conn = sqlite3.connect(
                str(path), isolation_level=None, check_same_thread=False,
                timeout=BUSY_TIMEOUT_MS / 1000,
            )
        configure(conn, readonly)
        if not readonly:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":  # pragma: no cover - filesystems without WAL
                conn.execute("PRAGMA journal_mode = DELETE")
        return conn
    except sqlite3.OperationalError as exc:
        if is_locked(exc):
            raise locked(path) from None
        raise StoreOpenError(f"{path} cannot be opened: {exc}") from None
    except sqlite3.DatabaseError as exc:
        raise StoreCorruptError(f"{path} is damaged and cannot be read ({exc})") from None
