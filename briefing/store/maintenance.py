"""The trash listing, the integrity report, counts and backups."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from briefing.domain import Kind
from briefing.store import search_index
from briefing.store.specs import SPECS


@dataclass(frozen=True)
class TrashEntry:
    kind: Kind
    id: int
    title: str
    deleted_at: str


@dataclass
class CheckReport:
    """What ``briefing check`` prints: ``ok`` is false when anything is wrong."""

    path: str
    schema_version: int
    integrity: list[str] = field(default_factory=list)
    foreign_keys: list[str] = field(default_factory=list)
    index_rows: int = 0
    index_expected: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    trashed: int = 0

    @property
    def ok(self) -> bool:
        return (self.integrity == ["ok"] and not self.foreign_keys
                and self.index_rows == self.index_expected)

    @property
    def problems(self) -> list[str]:
        out = [f"integrity: {m}" for m in self.integrity if m != "ok"]
        out += [f"foreign key: {m}" for m in self.foreign_keys]
        if self.index_rows != self.index_expected:
            out.append(
                f"search index has {self.index_rows} rows for {self.index_expected} records "
                "(run 'briefing check --repair' to rebuild it)"
            )
        return out


class MaintenanceMixin:
    def trashed(self, kind: Kind | str | None = None) -> list[TrashEntry]:
        """Records in the trash, most recently deleted first."""
        kinds = [Kind(kind)] if kind else list(SPECS)
        out = []
        for k in kinds:
            spec = SPECS[k]
            for r in self.conn.execute(
                f"SELECT id, {spec.title_sql} AS t, deleted_at FROM {spec.table} "
                "WHERE deleted_at IS NOT NULL"
            ):
                out.append(TrashEntry(k, r[0], (r[1] or "").strip(), r[2]))
        out.sort(key=lambda e: (e.deleted_at, e.kind.value, e.id), reverse=True)
        return out

    def counts(self) -> dict[str, int]:
        """Live records per kind (plural names: ``{"statements": 5, …}``)."""
        return {k.plural: self.count(k) for k in SPECS}

    def check(self) -> CheckReport:
        """SQLite's integrity and foreign-key checks plus the search index's row count."""
        c = self.conn
        report = CheckReport(str(self.path), self.schema_version)
        report.integrity = [r[0] for r in c.execute("PRAGMA integrity_check")]
        report.foreign_keys = [
            f"{r[0]} row {r[1]} refers to a missing {r[2]}" for r in c.execute("PRAGMA foreign_key_check")
        ]
        report.counts = self.counts()
        report.trashed = (sum(self.count(k, include_deleted=True) for k in SPECS)
                          - sum(report.counts.values()))
        report.index_expected = sum(report.counts.values())
        report.index_rows = c.execute("SELECT count(*) FROM search_index").fetchone()[0]
        return report

    def rebuild_search_index(self) -> int:
        with self.transaction() as c:
            return search_index.rebuild(c)

    def backup_to(self, target: str | Path) -> Path:
        """A consistent copy of the whole store (SQLite backup API), owner-only."""
        target = Path(target)
        tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
        fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        os.close(fd)
        dest = sqlite3.connect(str(tmp))
        try:
            self.conn.backup(dest)
        finally:
            dest.close()
        os.replace(tmp, target)
        return target
