"""The record verbs: get, add, update, trash, restore, purge — for every kind.

Each write is one transaction that also updates the search index and sends one
change notice after it commits.  Records are validated first
(:func:`briefing.validation.problems`); a refused write changes nothing.
"""

from __future__ import annotations

import sqlite3
import uuid as uuidlib
from collections.abc import Iterable, Iterator

from briefing.domain import (
    Agreement, Briefing, Change, Kind, Organisation, Person, Record, Stance, Statement, Visit,
)
from briefing.store import links, search_index
from briefing.store.errors import NotFoundError, StoreError, ValidationError
from briefing.store.specs import SPECS, from_row, insert_row, insert_sql, to_row
from briefing.validation import problems


def _q(col: str) -> str:
    return f'"{col}"'


class RecordsMixin:
    # --- reading ------------------------------------------------------------------------
    def get(self, kind: Kind | str, record_id: int, *, include_deleted: bool = False) -> Record:
        """The record with this id, with its links; :class:`NotFoundError` if none
        (or if it is in the trash, unless ``include_deleted``)."""
        kind = Kind(kind)
        recs = self.get_many(kind, [record_id], include_deleted=include_deleted)
        if not recs:
            raise NotFoundError(f"no {kind.value} with id {record_id}")
        return recs[0]

    def find(self, kind: Kind | str, record_id: int, *, include_deleted: bool = False) -> Record | None:
        """Like :meth:`get` but ``None`` when missing."""
        try:
            return self.get(kind, record_id, include_deleted=include_deleted)
        except NotFoundError:
            return None

    def get_many(self, kind: Kind | str, ids: Iterable[int], *, include_deleted: bool = False) -> list[Record]:
        """Records in the order of ``ids`` (missing ones are skipped)."""
        kind = Kind(kind)
        spec = SPECS[kind]
        ids = [int(i) for i in ids]
        if not ids:
            return []
        found: dict[int, Record] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            sql = f"SELECT * FROM {spec.table} WHERE id IN ({','.join('?' * len(chunk))})"
            if not include_deleted:
                sql += " AND +deleted_at IS NULL"
            recs = [from_row(spec, row) for row in self.conn.execute(sql, chunk)]
            self._load_links(kind, recs)
            found.update((rec.id, rec) for rec in recs)
        return [found[i] for i in ids if i in found]

    def iter_records(self, kind: Kind | str, *, include_deleted: bool = False,
                     batch: int = 500) -> Iterator[Record]:
        """Every record of a kind in id order, with links (for export)."""
        kind = Kind(kind)
        spec = SPECS[kind]
        where = "" if include_deleted else "WHERE deleted_at IS NULL"
        ids = [r[0] for r in self.conn.execute(f"SELECT id FROM {spec.table} {where} ORDER BY id")]
        for start in range(0, len(ids), batch):
            yield from self.get_many(kind, ids[start:start + batch], include_deleted=include_deleted)

    def id_for_uuid(self, kind: Kind | str, uuid: str) -> int | None:
        spec = SPECS[Kind(kind)]
        row = self.conn.execute(f"SELECT id FROM {spec.table} WHERE uuid = ?", (uuid,)).fetchone()
        return row[0] if row else None

    def count(self, kind: Kind | str, *, include_deleted: bool = False) -> int:
        spec = SPECS[Kind(kind)]
        where = "" if include_deleted else " WHERE deleted_at IS NULL"
        return self.conn.execute(f"SELECT count(*) FROM {spec.table}{where}").fetchone()[0]

    def title_of(self, kind: Kind | str, record_id: int) -> str:
        """A short display title for any record (also for trashed ones)."""
        spec = SPECS[Kind(kind)]
        row = self.conn.execute(
            f"SELECT {spec.title_sql} FROM {spec.table} WHERE id = ?", (record_id,)
        ).fetchone()
        return (row[0] or "").strip() if row else ""

    def _load_links(self, kind: Kind, recs: list[Record]) -> None:
        """Fill in what hangs off these records of one kind (topics, sources, aliases,
        offices, parties, items) and the names they show: a few queries for the batch."""
        if not recs:
            return
        c = self.conn
        ids = [rec.id for rec in recs]
        topics, sources = links.read_topics(c, kind, ids), links.read_sources(c, kind, ids)
        for rec in recs:
            rec.topics = topics.get(rec.id, [])
            rec.source_ids = sources.get(rec.id, [])
        if kind in (Kind.PERSON, Kind.ORGANISATION):
            aliases = links.read_aliases(c, kind.value, ids)
            for rec in recs:
                rec.aliases = [a for a in aliases.get(rec.id, []) if a != rec.name]
        if kind == Kind.PERSON:
            offices = links.read_offices(c, ids)
            for rec in recs:
                rec.offices = offices.get(rec.id, [])
        elif kind == Kind.AGREEMENT:
            parties = links.read_parties(c, ids)
            for rec in recs:
                rec.parties = parties.get(rec.id, [])
        elif kind == Kind.BRIEFING:
            items = self._items_by_briefing(ids)
            for rec in recs:
                rec.items = items.get(rec.id, [])
        self._fill_person_names(recs)

    def _fill_person_names(self, recs: list[Record]) -> None:
        """The speaker's, guest's, host's, holder's or counterpart's name (and a
        speaker's country) beside the id."""
        wanted = []
        for rec in recs:
            match rec:
                case Statement():
                    wanted.append(rec.speaker_id)
                case Visit():
                    wanted += [rec.guest_id, rec.host_id]
                case Stance():
                    wanted.append(rec.holder_person_id)
                case Briefing():
                    wanted.append(rec.counterpart_person_id)
        people = links.read_person_names(self.conn, wanted)
        if not people:
            return
        nobody = ("", None)
        for rec in recs:
            match rec:
                case Statement():
                    if rec.speaker_id in people:
                        rec.speaker_name, rec.speaker_country = people[rec.speaker_id]
                case Visit():
                    rec.guest_name = people.get(rec.guest_id, nobody)[0]
                    rec.host_name = people.get(rec.host_id, nobody)[0]
                case Stance():
                    rec.holder_name = people.get(rec.holder_person_id, nobody)[0]
                case Briefing():
                    rec.counterpart_name = people.get(rec.counterpart_person_id, nobody)[0]

    # --- writing ------------------------------------------------------------------------
    def add(self, record: Record, *, keep_timestamps: bool = False) -> int:
        """Store a new record; sets and returns ``record.id`` (and ``uuid`` if empty)."""
        return self.add_many([record], keep_timestamps=keep_timestamps)[0]

    def add_many(self, records: list[Record], *, keep_timestamps: bool = False,
                 notify: bool = True) -> list[int]:
        """Store several records of any kinds in one transaction."""
        for rec in records:
            self._validate(rec)
        now = self.now()
        by_kind: dict[Kind, list[int]] = {}
        with self.transaction() as c:
            for rec in records:
                spec = SPECS[rec.kind]
                rec.uuid = rec.uuid or str(uuidlib.uuid4())
                if not (keep_timestamps and rec.created_at):
                    rec.created_at = now
                if not (keep_timestamps and rec.updated_at):
                    rec.updated_at = now
                row = insert_row(spec, rec)
                try:
                    cur = c.execute(insert_sql(spec, list(row)), list(row.values()))
                    rec.id = cur.lastrowid
                    self._write_links(rec)
                except sqlite3.IntegrityError as exc:
                    raise self._integrity(exc, rec) from None
                by_kind.setdefault(rec.kind, []).append(rec.id)
            for kind, ids in by_kind.items():
                search_index.reindex(c, kind, ids, new=True)
                if notify:
                    self._notify(Change(kind.value, tuple(ids), "insert"))
        return [r.id for r in records]

    def update(self, record: Record) -> None:
        """Save every field and link of an existing record."""
        if record.id is None:
            raise StoreError("cannot update a record that was never stored")
        self._validate(record)
        spec = SPECS[record.kind]
        record.updated_at = self.now()
        row = to_row(spec, record)
        row["updated_at"] = record.updated_at
        with self.transaction() as c:
            try:
                cur = c.execute(
                    f"UPDATE {spec.table} SET {', '.join(f'{_q(k)} = ?' for k in row)} "
                    "WHERE id = ?",
                    [*row.values(), record.id],
                )
            except sqlite3.IntegrityError as exc:
                raise self._integrity(exc, record) from None
            if cur.rowcount == 0:
                raise NotFoundError(f"no {record.kind.value} with id {record.id}")
            try:
                self._write_links(record)
            except sqlite3.IntegrityError as exc:
                raise self._integrity(exc, record) from None
            search_index.reindex(c, record.kind, [record.id])
            self._reindex_dependents(record.kind, [record.id])
            self._notify(Change(record.kind.value, (record.id,), "update"))

    def trash(self, kind: Kind | str, ids: int | Iterable[int]) -> list[int]:
        """Move records to the trash (they vanish from lists and search, and can be
        restored).  Returns the ids that were moved."""
        return self._set_deleted(Kind(kind), ids, self.now(), "trash")

    def restore(self, kind: Kind | str, ids: int | Iterable[int]) -> list[int]:
        """Bring records back from the trash."""
        return self._set_deleted(Kind(kind), ids, None, "restore")

    def _set_deleted(self, kind: Kind, ids, value: str | None, action: str) -> list[int]:
        ids = [int(ids)] if isinstance(ids, int) else [int(i) for i in ids]
        spec = SPECS[kind]
        cond = "+deleted_at IS NULL" if value else "+deleted_at IS NOT NULL"
        done = []
        with self.transaction() as c:
            for rid in ids:
                cur = c.execute(
                    f"UPDATE {spec.table} SET deleted_at = ?, updated_at = ? WHERE id = ? AND {cond}",
                    (value, self.now(), rid),
                )
                if cur.rowcount:
                    done.append(rid)
            search_index.reindex(c, kind, done)
            self._reindex_dependents(kind, done)
            if done:
                self._notify(Change(kind.value, tuple(done), action))
        return done

    def purge(self, kind: Kind | str, ids: int | Iterable[int]) -> None:
        """Delete records for good (only records already in the trash)."""
        kind = Kind(kind)
        spec = SPECS[kind]
        ids = [int(ids)] if isinstance(ids, int) else [int(i) for i in ids]
        with self.transaction() as c:
            for rid in ids:
                row = c.execute(f"SELECT deleted_at FROM {spec.table} WHERE id = ?", (rid,)).fetchone()
                if row is None:
                    continue
                if row[0] is None:
                    raise StoreError(f"{kind.value} {rid} is not in the trash; trash it first")
                links.delete_links(c, kind, rid)
                try:
                    c.execute(f"DELETE FROM {spec.table} WHERE id = ?", (rid,))
                except sqlite3.IntegrityError:
                    raise StoreError(
                        f"{kind.value} {rid} is still referred to by other records "
                        "and cannot be deleted for good"
                    ) from None
            search_index.remove(c, kind, ids)
            self._notify(Change(kind.value, tuple(ids), "purge"))

    def set_updated_at(self, kind: Kind | str, record_id: int, stamp: str,
                       *, deleted_at: str | None | bool = False) -> None:
        """Set a record's ``updated_at`` (and optionally ``deleted_at``) as given: used
        when merging records from a bundle, which keep their own times."""
        spec = SPECS[Kind(kind)]
        with self.transaction() as c:
            if deleted_at is False:
                c.execute(f"UPDATE {spec.table} SET updated_at = ? WHERE id = ?", (stamp, record_id))
            else:
                c.execute(
                    f"UPDATE {spec.table} SET updated_at = ?, deleted_at = ? WHERE id = ?",
                    (stamp, deleted_at, record_id),
                )
                search_index.reindex(c, Kind(kind), [record_id])

    # --- helpers ------------------------------------------------------------------------
    def _validate(self, rec: Record) -> None:
        found = problems(rec)
        if found:
            raise ValidationError([f"{rec.kind.value}: {p}" for p in found])

    def _integrity(self, exc: sqlite3.IntegrityError, rec: Record) -> StoreError:
        msg = str(exc)
        if "FOREIGN KEY" in msg:
            return ValidationError([f"{rec.kind.value}: refers to a country, person or record that does not exist"])
        if "UNIQUE" in msg and "uuid" in msg:
            return ValidationError([f"{rec.kind.value}: a record with uuid {rec.uuid} already exists"])
        return ValidationError([f"{rec.kind.value}: {msg}"])

    def _write_links(self, rec: Record) -> None:
        c = self.conn
        links.write_topics(c, rec.kind, rec.id, rec.topics)
        links.write_sources(c, rec.kind, rec.id, rec.source_ids)
        match rec:
            case Person():
                links.write_aliases(c, "person", rec.id, [rec.name, *rec.aliases])
                links.write_offices(c, rec)
            case Organisation():
                links.write_aliases(c, "organisation", rec.id, [rec.name, *rec.aliases])
            case Agreement():
                links.write_parties(c, rec)
            case Briefing():
                pass  # items are written by the briefing verbs

    def _reindex_dependents(self, kind: Kind, ids: list[int]) -> None:
        """Records whose index rows show this person's or organisation's name, or this
        visit's countries."""
        if not ids or kind not in (Kind.PERSON, Kind.ORGANISATION, Kind.VISIT):
            return
        c = self.conn
        q = ",".join("?" * len(ids))
        if kind == Kind.PERSON:
            deps = {
                Kind.STATEMENT: f"SELECT id FROM statements WHERE speaker_id IN ({q})",
                Kind.VISIT: f"SELECT id FROM visits WHERE guest_id IN ({q}) OR host_id IN ({q})",
                Kind.AGREEMENT: f"SELECT agreement_id FROM agreement_parties WHERE person_id IN ({q})",
                Kind.STANCE: f"SELECT id FROM stances WHERE holder_person_id IN ({q})",
                Kind.BRIEFING: f"SELECT id FROM briefings WHERE counterpart_person_id IN ({q})",
            }
        elif kind == Kind.ORGANISATION:
            deps = {
                Kind.AGREEMENT: f"SELECT agreement_id FROM agreement_parties WHERE organisation_id IN ({q})",
            }
        else:  # a statement's index row carries its occasion visit's countries
            deps = {Kind.STATEMENT: f"SELECT id FROM statements WHERE occasion_visit_id IN ({q})"}
        for dep_kind, sql in deps.items():
            args = ids * sql.count("IN (")
            dep_ids = [r[0] for r in c.execute(sql, args)]
            if dep_ids:
                search_index.reindex(c, dep_kind, dep_ids)
