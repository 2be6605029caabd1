"""Loading many new records fast: synthetic benchmark stores and large imports.

    from briefing.store.bulk import BulkLoader
    with BulkLoader(store, progress=print) as bulk:   # one write transaction
        pid = bulk.add(Person(name="Aleksandar Vučić", aliases=["Вучић"]))
        bulk.add(Statement(speaker_id=pid, text="…", date=PartialDate(2025)))
    # on leaving: rows flushed, search index built, one change notice sent

``add`` gives each record its id at once (so later records can refer to it) and
buffers it; buffers are written with ``executemany`` in dependency order (sources,
organisations, people, visits, agreements, statements, …) so foreign keys hold.
After each batch the new records' search-index rows are built with
:func:`search_index.reindex` (the search index's own code, so its row layout stays
in one place).  An exception inside the ``with`` block rolls everything back.

The query planner needs table statistics: without them it reads a query such as
``WHERE id IN (…) AND deleted_at IS NULL`` through the ``(deleted_at, …)`` index,
i.e. scans every live row.  So each table is ``ANALYZE``d the first time the loader
writes to it, and again at the end (a few seconds for a million rows).

Records are validated like :meth:`Store.add` does unless ``validate=False``.
Timestamps default to the time the loader starts; records that carry their own
``created_at``/``updated_at`` keep them (a seeded generator gives fixed times).
"""

from __future__ import annotations

import sqlite3
import time
import uuid as uuidlib
from collections.abc import Callable

from briefing.domain import Change, Kind, Record
from briefing.store import links, search_index
from briefing.store.errors import StoreError, ValidationError
from briefing.store.specs import SPECS, insert_row, insert_sql

# Kinds in the order their rows must reach the database (a kind only refers to
# kinds before it).
LOAD_ORDER = (
    Kind.SOURCE, Kind.ORGANISATION, Kind.PERSON, Kind.VISIT, Kind.AGREEMENT,
    Kind.STATEMENT, Kind.FIGURE, Kind.STANCE, Kind.BRIEFING,
)
CACHE_KIB = 256 * 1024  # page cache while loading (default SQLite cache is 2 MiB)

Progress = Callable[[str], None]


class BulkLoader:
    """Add many new records in one transaction; see the module docstring."""

    def __init__(self, store, *, batch: int = 20_000, validate: bool = True,
                 index: bool = True, analyze: bool = True,
                 progress: Progress | None = None):
        self.store = store
        self.analyze = analyze  # False: leave statistics alone (an import into a big store)
        self.batch = batch
        self.validate = validate
        self.index = index
        self.progress = progress
        self.added: dict[Kind, list[int]] = {k: [] for k in LOAD_ORDER}
        self.timings: dict[str, float] = {}
        self._pending: dict[Kind, list[Record]] = {k: [] for k in LOAD_ORDER}
        self._npending = 0
        self._next_id: dict[Kind, int] = {}
        self._topic_names: dict[str, int | None] = {}  # name as given -> id
        self._analyzed: set[Kind] = set()
        self._tx = None
        self.conn = None
        self._now = ""

    # --- the transaction ----------------------------------------------------------------
    def __enter__(self) -> "BulkLoader":
        self._tx = self.store.transaction()
        self.conn = self._tx.__enter__()
        c = self.conn
        self._old_cache = c.execute("PRAGMA cache_size").fetchone()[0]
        c.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        self._now = self.store.now()
        for kind in LOAD_ORDER:
            table = SPECS[kind].table
            self._next_id[kind] = c.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        try:
            if exc_type is None:
                self.flush()
                self._analyze([k for k in LOAD_ORDER if self.added[k]])
        except BaseException as inner:
            self._finish(type(inner), inner, inner.__traceback__)
            raise
        self._finish(exc_type, exc, tb)
        if exc_type is None:
            for kind in LOAD_ORDER:
                if self.added[kind]:
                    self.store._notify(Change(kind.value, (), "import"))
        return False

    def _finish(self, exc_type, exc, tb) -> None:
        try:
            self.conn.execute(f"PRAGMA cache_size = {self._old_cache}")
        finally:
            tx, self._tx = self._tx, None
            tx.__exit__(exc_type, exc, tb)

    # --- adding -------------------------------------------------------------------------
    def next_id(self, kind: Kind) -> int:
        """The id the next record of this kind will get (unless it brings its own)."""
        return self._next_id[kind]

    def add(self, record: Record) -> int:
        """Queue a new record; returns (and sets) its id."""
        if self._tx is None:
            raise StoreError("BulkLoader.add is used inside 'with BulkLoader(store) as bulk:'")
        if self.validate:
            self.store._validate(record)  # as Store.add does
        kind = record.kind
        if record.id is None:
            record.id = self._next_id[kind]
        self._next_id[kind] = max(self._next_id[kind], record.id + 1)
        if not record.uuid:
            record.uuid = str(uuidlib.uuid4())
        record.created_at = record.created_at or self._now
        record.updated_at = record.updated_at or record.created_at
        self._pending[kind].append(record)
        self._npending += 1
        if self._npending >= self.batch:
            self.flush()
        return record.id

    def flush(self) -> None:
        """Write every queued record (in dependency order), then index them."""
        written: list[tuple[Kind, list[int]]] = []
        for kind in LOAD_ORDER:
            recs = self._pending[kind]
            if recs:
                self._pending[kind] = []
                try:
                    self._write(kind, recs)
                except sqlite3.IntegrityError as exc:
                    raise ValidationError([f"{kind.value}: {exc}"]) from None
                ids = [r.id for r in recs]
                self.added[kind].extend(ids)
                written.append((kind, ids))
        self._npending = 0
        self._analyze([k for k, _ in written if k not in self._analyzed])
        if self.index:
            for kind, ids in written:
                t0 = time.perf_counter()
                search_index.reindex(self.conn, kind, ids, new=True)
                self._time(f"index {kind.plural}", t0)
        if self.progress and written:
            self.progress("  " + ", ".join(f"{len(self.added[k]):,} {k.plural}" for k, _ in written))

    def _analyze(self, kinds: list[Kind]) -> None:
        if not self.analyze:
            return
        for kind in kinds:
            t0 = time.perf_counter()
            self.conn.execute(f"ANALYZE {SPECS[kind].table}")
            self._analyzed.add(kind)
            self._time("analyze", t0)

    def _time(self, label: str, t0: float) -> None:
        self.timings[label] = self.timings.get(label, 0.0) + time.perf_counter() - t0

    # --- writing ------------------------------------------------------------------------
    def _write(self, kind: Kind, recs: list[Record]) -> None:
        t0 = time.perf_counter()
        spec = SPECS[kind]
        rows = [insert_row(spec, rec) for rec in recs]
        cols = list(rows[0])
        self.conn.executemany(insert_sql(spec, cols), [[row[k] for k in cols] for row in rows])
        self._write_links(kind, recs)
        self._time(f"write {kind.plural}", t0)

    def _topic_id(self, name: str) -> int | None:
        """The topic's id (:func:`links.topic_id`: folded match, created if new), cached
        by the name as given."""
        if name not in self._topic_names:
            self._topic_names[name] = links.topic_id(self.conn, name)
        return self._topic_names[name]

    def _write_links(self, kind: Kind, recs: list[Record]) -> None:
        """The rows hanging off the records (built by :mod:`links`, as single writes
        are), one ``executemany`` per table."""
        c = self.conn
        topics, sources = [], []
        for rec in recs:
            ids = {t for n in rec.topics if (t := self._topic_id(n)) is not None}
            topics += links.topic_rows(kind, rec.id, ids)
            sources += links.source_rows(kind, rec.id, rec.source_ids)
        c.executemany(links.INSERT_TOPIC, topics)
        c.executemany(links.INSERT_SOURCE, sources)
        if kind in (Kind.PERSON, Kind.ORGANISATION):
            c.executemany(links.INSERT_ALIAS, [row for r in recs for row in
                                               links.alias_rows(kind.value, r.id, [r.name, *r.aliases])])
        if kind == Kind.PERSON:
            c.executemany(links.INSERT_OFFICE, [row for p in recs for row in links.office_rows(p)])
        elif kind == Kind.AGREEMENT:
            c.executemany(links.INSERT_PARTY, [row for a in recs for row in links.party_rows(a)])
