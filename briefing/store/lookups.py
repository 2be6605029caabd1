"""Finding a record that already exists by its natural key, so that importing the
same data twice creates no duplicates (CSV import, article capture)."""

from __future__ import annotations

from briefing.domain import Kind, Organisation, Person
from briefing.fold import fold_key
from briefing.store.specs import SPECS


class LookupsMixin:
    def find_statement(self, speaker_id: int | None, date_iso: str | None, text: str) -> int | None:
        """A live statement by this speaker with the same text (folded), on the same date
        (or with no date)."""
        key = None  # folded only when there is something to compare with
        # each query keeps to the (speaker_id, date) index: an OR across dates would
        # read every statement of a speaker who has thousands
        queries = [("SELECT id, text FROM statements WHERE speaker_id IS ? AND date IS NULL "
                    "AND +deleted_at IS NULL", (speaker_id,))]
        if date_iso is None:
            queries.append(("SELECT id, text FROM statements WHERE speaker_id IS ? "
                            "AND +deleted_at IS NULL", (speaker_id,)))
        else:
            queries.insert(0, ("SELECT id, text FROM statements WHERE speaker_id IS ? AND "
                               "date = ? AND +deleted_at IS NULL", (speaker_id, date_iso)))
        for sql, args in queries:
            for rid, existing in self.conn.execute(sql, args):
                key = fold_key(text) if key is None else key
                if fold_key(existing) == key:
                    return rid
        return None

    def find_visit(self, guest_id: int | None, guest_country: str | None,
                   host_country: str | None, start_iso: str | None) -> int | None:
        row = self.conn.execute(
            "SELECT id FROM visits WHERE guest_id IS ? AND host_country IS ? AND start IS ? "
            "AND (guest_country IS ? OR ? IS NULL) AND +deleted_at IS NULL ORDER BY id LIMIT 1",
            (guest_id, host_country, start_iso, guest_country, guest_country),
        ).fetchone()
        return row[0] if row else None

    def find_agreement(self, title: str, signed_iso: str | None) -> int | None:
        key = fold_key(title)
        rows = self.conn.execute(
            "SELECT id, title FROM agreements WHERE (signed IS ? OR ? IS NULL OR signed IS NULL) "
            "AND +deleted_at IS NULL AND title = ? COLLATE NOCASE",
            (signed_iso, signed_iso, title.strip()),
        ).fetchall()
        if not rows:
            rows = self.conn.execute(
                "SELECT id, title FROM agreements WHERE (signed IS ? OR ? IS NULL OR signed IS NULL) "
                "AND +deleted_at IS NULL AND fold_key(title) = ?",
                (signed_iso, signed_iso, key),
            ).fetchall()
        return rows[0][0] if rows else None

    def find_source(self, *, url: str = "", title: str = "", sha256: str = "") -> int | None:
        """A live source with this sha256, else this URL, else this exact title."""
        for column, value in (("sha256", sha256), ("url", url), ("title", title)):
            value = (value or "").strip()
            if value:
                row = self.conn.execute(
                    f"SELECT id FROM sources WHERE {column} = ? AND +deleted_at IS NULL "
                    "ORDER BY id LIMIT 1",
                    (value,),
                ).fetchone()
                if row:
                    return row[0]
        return None

    def find_figure(self, metric: str, value: float | None, unit: str,
                    as_of_iso: str | None) -> int | None:
        """A live figure with the same metric (folded), value and unit, as of the same
        date (or with no date on either side)."""
        key = fold_key(metric)
        rows = self.conn.execute(
            "SELECT id, metric FROM figures WHERE value IS ? AND unit = ? AND "
            "(as_of IS ? OR ? IS NULL OR as_of IS NULL) AND +deleted_at IS NULL ORDER BY id",
            (value, (unit or "").strip(), as_of_iso, as_of_iso),
        )
        for rid, existing in rows:
            if fold_key(existing) == key:
                return rid
        return None

    def records_citing(self, source_id: int) -> dict[str, list[int]]:
        """The live records that cite this source, as ``{kind value: [ids]}`` (e.g. the
        facts already taken from an article, when it is captured again); one query per
        kind that cites it."""
        out: dict[str, list[int]] = {}
        kinds = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT record_kind FROM record_sources WHERE source_id = ? "
            "ORDER BY record_kind", (source_id,))]
        for kind in kinds:
            ids = [r[0] for r in self.conn.execute(
                f"SELECT id FROM {SPECS[Kind(kind)].table} WHERE id IN (SELECT record_id FROM "
                "record_sources WHERE source_id = ? AND record_kind = ?) AND +deleted_at IS NULL "
                "ORDER BY id", (source_id, kind))]
            if ids:
                out[kind] = ids
        return out

    def name_records(self, kind: Kind | str) -> list:
        """Every live person (or organisation) with only its name, aliases, country
        (and a person's office): light records to resolve names in an article
        against, read in two queries however many there are."""
        kind = Kind(kind)
        if kind is Kind.PERSON:
            rows = self.conn.execute(
                "SELECT id, name, country, office FROM people WHERE deleted_at IS NULL ORDER BY id")
            records = {r[0]: Person(id=r[0], name=r[1], country=r[2], office=r[3]) for r in rows}
        elif kind is Kind.ORGANISATION:
            rows = self.conn.execute(
                "SELECT id, name, country, org_kind FROM organisations WHERE deleted_at IS NULL "
                "ORDER BY id")
            records = {r[0]: Organisation(id=r[0], name=r[1], country=r[2], org_kind=r[3])
                       for r in rows}
        else:
            raise ValueError(f"names are kept for people and organisations, not {kind.plural}")
        for entity_id, alias in self.conn.execute(
                "SELECT entity_id, alias FROM aliases WHERE entity_kind = ? ORDER BY alias",
                (kind.value,)):
            rec = records.get(int(entity_id))
            if rec is not None and alias != rec.name:
                rec.aliases.append(alias)
        return list(records.values())

    def folded_names(self, kind: Kind | str) -> dict[int, set[str]]:
        """``{id: {folded names and aliases}}`` for every live person (or organisation),
        as stored beside the aliases (so callers need not fold 100 000 names again)."""
        kind = Kind(kind)
        table = {Kind.PERSON: "people", Kind.ORGANISATION: "organisations"}.get(kind)
        if table is None:
            raise ValueError(f"names are kept for people and organisations, not {kind.plural}")
        out: dict[int, set[str]] = {}
        for entity_id, folded in self.conn.execute(
                f"SELECT a.entity_id, a.folded FROM aliases a JOIN {table} t "
                "ON t.id = CAST(a.entity_id AS INTEGER) "
                "WHERE a.entity_kind = ? AND t.deleted_at IS NULL", (kind.value,)):
            if folded:
                out.setdefault(int(entity_id), set()).add(folded)
        return out

    def ids_named(self, kind: Kind | str, name: str) -> list[int]:
        """Ids of every live person (or organisation) known by this name or alias
        (folded; namesakes included), in id order."""
        kind = Kind(kind)
        if kind not in (Kind.PERSON, Kind.ORGANISATION):
            raise ValueError(f"names are kept for people and organisations, not {kind.plural}")
        return self._ids_by_alias(kind.value, name)
