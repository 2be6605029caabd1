"""How each record kind maps onto its table: columns, partial-date columns, links.

Record field names equal column names; a partial-date field ``start`` is stored as
``start`` (ISO text) and ``start_approx`` (0/1).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from briefing.dates import PartialDate
from briefing.domain import DISPLAY_FIELDS, LINKED_FIELDS, RECORD_KINDS, Kind, Record


@dataclass(frozen=True)
class KindSpec:
    kind: Kind
    table: str
    columns: tuple[str, ...]  # data columns (excluding id, uuid, timestamps, notes)
    dates: tuple[str, ...]  # the subset of columns that hold PartialDates
    title_sql: str  # an SQL expression giving a short display title
    date_column: str | None  # the date used for ordering and filtering

    @property
    def record_class(self) -> type[Record]:
        return RECORD_KINDS[self.kind]


def _cols(cls: type[Record]) -> tuple[str, ...]:
    common = {f.name for f in fields(Record)}
    return tuple(
        f.name for f in fields(cls)
        if f.name not in common and f.name not in DISPLAY_FIELDS and f.name not in LINKED_FIELDS
    )


def _spec(kind: Kind, table: str, title_sql: str, date_column: str | None) -> KindSpec:
    cls = RECORD_KINDS[kind]
    return KindSpec(kind, table, _cols(cls), cls.date_fields(), title_sql, date_column)


SPECS: dict[Kind, KindSpec] = {
    Kind.PERSON: _spec(Kind.PERSON, "people", "name", None),
    Kind.ORGANISATION: _spec(Kind.ORGANISATION, "organisations", "name", None),
    Kind.SOURCE: _spec(Kind.SOURCE, "sources", "title", "published"),
    Kind.VISIT: _spec(
        Kind.VISIT, "visits",
        "coalesce((SELECT name FROM people p WHERE p.id = visits.guest_id), guest_country, '')"
        " || ' → ' || coalesce(visits.place, '') ",
        "start",
    ),
    Kind.AGREEMENT: _spec(Kind.AGREEMENT, "agreements", "title", "signed"),
    Kind.STATEMENT: _spec(Kind.STATEMENT, "statements", "substr(text, 1, 120)", "date"),
    Kind.FIGURE: _spec(Kind.FIGURE, "figures", "metric", "as_of"),
    Kind.STANCE: _spec(Kind.STANCE, "stances", "coalesce(nullif(topic, ''), substr(text, 1, 80))", None),
    Kind.BRIEFING: _spec(Kind.BRIEFING, "briefings", "title", "date"),
}

# Small numbers used to pack (kind, id) into one search-index rowid.
KIND_NUMBER: dict[Kind, int] = {
    Kind.STATEMENT: 1, Kind.VISIT: 2, Kind.AGREEMENT: 3, Kind.PERSON: 4,
    Kind.ORGANISATION: 5, Kind.SOURCE: 6, Kind.FIGURE: 7, Kind.STANCE: 8, Kind.BRIEFING: 9,
}
KIND_BY_NUMBER = {n: k for k, n in KIND_NUMBER.items()}


def to_row(spec: KindSpec, record: Record) -> dict:
    """The column values of ``record`` (dates as ISO text + approx flag)."""
    row = {}
    for col in spec.columns:
        value = getattr(record, col)
        if col in spec.dates:
            row[col] = value.iso if value else None
            row[f"{col}_approx"] = int(bool(value and value.approximate))
        elif isinstance(value, str) and col in ("country", "guest_country", "host_country",
                                                 "from_country", "to_country",
                                                 "holder_country", "counterpart_country",
                                                 "our_country"):
            row[col] = value or None
        else:
            row[col] = value
    row["notes"] = record.notes or ""
    return row


def insert_row(spec: KindSpec, record: Record) -> dict:
    """:func:`to_row` plus what only a new row has: uuid, timestamps, and the id when
    the record brings one."""
    row = to_row(spec, record)
    row.update(uuid=record.uuid, created_at=record.created_at, updated_at=record.updated_at,
               deleted_at=record.deleted_at)
    if record.id is not None:
        row["id"] = record.id
    return row


def insert_sql(spec: KindSpec, columns: list[str]) -> str:
    """``INSERT INTO <table> ("col", …) VALUES (?, …)`` for these columns."""
    quoted = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {spec.table} ({quoted}) VALUES ({', '.join('?' * len(columns))})"


def from_row(spec: KindSpec, row) -> Record:
    """A record from a ``sqlite3.Row`` of the kind's table."""
    values = {}
    for col in spec.columns:
        v = row[col]
        if col in spec.dates:
            v = PartialDate.from_store(v, row[f"{col}_approx"])
        values[col] = v
    cls = spec.record_class
    rec = cls(
        id=row["id"], uuid=row["uuid"], notes=row["notes"] or "",
        created_at=row["created_at"], updated_at=row["updated_at"],
        deleted_at=row["deleted_at"], **values,
    )
    return rec
