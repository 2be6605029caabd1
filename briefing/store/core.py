"""The :class:`Store`: one SQLite file, opened safely, migrated, with transactions and
one change notice per committed write.

A ``Store`` object belongs to one thread; a worker thread calls :meth:`Store.clone`
to get its own connection to the same file.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from briefing.domain import Change
from briefing.store import connection, migrations
from briefing.store.errors import StoreError, StoreLockedError, StoreReadOnlyError

Listener = Callable[[Change], None]


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class StoreBase:
    """Opening, transactions and change notices; the record verbs are mixed in."""

    def __init__(self, path: Path, conn: sqlite3.Connection, readonly: bool):
        self.path = path
        self.readonly = readonly
        self.conn = conn
        self.backup_path: Path | None = None
        self._listeners: list[Listener] = []
        self._pending: list[Change] = []
        self._depth = 0
        self._lock = threading.RLock()

    # --- opening ------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, readonly: bool = False):
        """Open (and if needed create or upgrade) the store at ``path``.

        A file that exists is inspected read-only first; if it is not a healthy
        Briefing store a :class:`StoreOpenError` says why and the file is untouched.
        A read-only file opens read-only.  ``create=False`` refuses a missing file."""
        path = Path(path).expanduser()
        if path.exists():
            info = connection.inspect_existing(path)
            migrations.check_version(path, info["user_version"])
            if not info["writable"]:
                readonly = True
            if readonly and info["user_version"] < migrations.latest_version():
                raise StoreError(
                    f"{path} is read-only and needs an upgrade to be opened by this version"
                )
        elif not create:
            raise StoreError(f"no store at {path}")
        elif readonly:
            raise StoreError(f"no store at {path} to open read-only")
        else:
            connection.create_file(path)
        conn = connection.connect(path, readonly)
        store = cls(path, conn, readonly)
        if not readonly:
            try:
                _, _, store.backup_path = migrations.migrate(conn, path)
                store._after_open()
            except sqlite3.OperationalError as exc:
                conn.close()
                if connection.is_locked(exc):
                    raise connection.locked(path) from None
                raise StoreError(f"{path} cannot be prepared: {exc}") from None
            except Exception:
                conn.close()
                raise
        return store

    def _after_open(self) -> None:
        """Hook for mixins (e.g. loading the country list)."""

    def clone(self):
        """A new connection to the same file, for use in another thread."""
        conn = connection.connect(self.path, self.readonly)
        return type(self)(self.path, conn, self.readonly)

    def close(self) -> None:
        if self.conn is not None:
            try:
                if not self.readonly:
                    self.conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
            self.conn.close()
            self.conn = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- change notices -------------------------------------------------------------
    def on_change(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(Change)`` after every committed write; returns an unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _notify(self, change: Change) -> None:
        if self._depth:
            self._pending.append(change)
        else:
            self._emit([change])

    def _emit(self, changes: list[Change]) -> None:
        merged: dict[tuple[str, str], list[int]] = {}
        for ch in changes:
            merged.setdefault((ch.kind, ch.action), []).extend(ch.ids)
        for (kind, action), ids in merged.items():
            notice = Change(kind, tuple(dict.fromkeys(ids)), action)
            for listener in list(self._listeners):
                listener(notice)

    # --- transactions ---------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (nested calls join the outer one).  On an exception
        everything is rolled back and no change notice is sent."""
        if self.readonly:
            raise StoreReadOnlyError(f"{self.path} is open read-only; nothing was changed")
        with self._lock:
            outer = self._depth == 0
            if outer:
                try:
                    self.conn.execute("BEGIN IMMEDIATE")
                except sqlite3.OperationalError as exc:
                    if connection.is_locked(exc):
                        raise StoreLockedError(
                            "the store is busy with another writer; try again in a moment"
                        ) from None
                    raise
            self._depth += 1
            try:
                yield self.conn
            except BaseException:
                self._depth -= 1
                if outer:
                    self.conn.execute("ROLLBACK")
                    self._pending.clear()
                raise
            self._depth -= 1
            if outer:
                try:
                    self.conn.execute("COMMIT")
                except sqlite3.Error as exc:
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    self._pending.clear()
                    raise StoreError(f"the change could not be saved: {exc}") from None
                pending, self._pending = self._pending, []
                self._emit(pending)

    def now(self) -> str:
        return utc_now()

    # --- settings kept in the store -------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
        self._notify(Change("setting", (), "update"))

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]
