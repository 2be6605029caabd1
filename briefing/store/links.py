"""Reading and writing what hangs off a record: aliases, offices, agreement parties,
topics and source links.  Plain functions over a connection, used inside the
record verbs' transactions.

The readers take many ids at once (at most a few hundred: callers chunk) and return
``{id: [...]}``, so a page of records costs a few queries, not a few per record."""

from __future__ import annotations

import sqlite3

from briefing.dates import PartialDate
from briefing.domain import Agreement, Kind, Office, Party, Person
from briefing.fold import fold_key


def _marks(ids) -> str:
    return ",".join("?" * len(ids))


# --- aliases ---------------------------------------------------------------------------
# The row builders below are shared with the bulk loader (briefing/store/bulk.py),
# which inserts the rows of many new records with one ``executemany`` per table.
INSERT_ALIAS = "INSERT INTO aliases (entity_kind, entity_id, alias, folded) VALUES (?, ?, ?, ?)"


def alias_rows(entity_kind: str, entity_id, names: list[str]) -> list[tuple]:
    """The ``aliases`` rows of these names (stripped, blanks and repeats left out)."""
    seen = set()
    rows = []
    for name in names:
        name = (name or "").strip()
        if name and name not in seen:
            seen.add(name)
            rows.append((entity_kind, str(entity_id), name, fold_key(name)))
    return rows


def write_aliases(conn: sqlite3.Connection, entity_kind: str, entity_id, names: list[str]) -> None:
    conn.execute(
        "DELETE FROM aliases WHERE entity_kind = ? AND entity_id = ?",
        (entity_kind, str(entity_id)),
    )
    conn.executemany(INSERT_ALIAS, alias_rows(entity_kind, entity_id, names))


def read_aliases(conn: sqlite3.Connection, entity_kind: str, ids: list[int]) -> dict[int, list[str]]:
    """Every name of each person (or organisation), the record's own name included,
    sorted."""
    keys = [str(i) for i in ids]
    out: dict[int, list[str]] = {}
    for entity_id, alias in conn.execute(
        f"SELECT entity_id, alias FROM aliases WHERE entity_kind = ? AND entity_id IN ({_marks(keys)}) "
        "ORDER BY alias",
        (entity_kind, *keys),
    ):
        out.setdefault(int(entity_id), []).append(alias)
    return out


# --- offices ---------------------------------------------------------------------------
INSERT_OFFICE = (
    'INSERT INTO offices (person_id, position, title, country, organisation_id, start, '
    'start_approx, "end", end_approx) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
)


def office_rows(person: Person) -> list[tuple]:
    return [
        (
            person.id, i, o.title, o.country or None, o.organisation_id,
            o.start.iso if o.start else None, int(bool(o.start and o.start.approximate)),
            o.end.iso if o.end else None, int(bool(o.end and o.end.approximate)),
        )
        for i, o in enumerate(person.offices)
    ]


def write_offices(conn: sqlite3.Connection, person: Person) -> None:
    conn.execute("DELETE FROM offices WHERE person_id = ?", (person.id,))
    conn.executemany(INSERT_OFFICE, office_rows(person))


def read_offices(conn: sqlite3.Connection, person_ids: list[int]) -> dict[int, list[Office]]:
    out: dict[int, list[Office]] = {}
    for r in conn.execute(
        'SELECT o.*, org.name AS org_name FROM offices o '
        'LEFT JOIN organisations org ON org.id = o.organisation_id '
        f'WHERE o.person_id IN ({_marks(person_ids)}) ORDER BY o.person_id, o.position',
        person_ids,
    ):
        out.setdefault(r["person_id"], []).append(Office(
            title=r["title"], country=r["country"], organisation_id=r["organisation_id"],
            start=PartialDate.from_store(r["start"], r["start_approx"]),
            end=PartialDate.from_store(r["end"], r["end_approx"]),
            organisation_name=r["org_name"] or "",
        ))
    return out


# --- agreement parties -----------------------------------------------------------------
INSERT_PARTY = (
    "INSERT INTO agreement_parties (agreement_id, position, party_kind, country, "
    "organisation_id, person_id, role) VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def party_rows(agreement: Agreement) -> list[tuple]:
    rows = []
    for i, p in enumerate(agreement.parties):
        country = p.ref if p.party_kind == "country" else None
        org = int(p.ref) if p.party_kind == "organisation" else None
        person = int(p.ref) if p.party_kind == "person" else None
        rows.append((agreement.id, i, p.party_kind, country, org, person, p.role or "party"))
    return rows


def write_parties(conn: sqlite3.Connection, agreement: Agreement) -> None:
    conn.execute("DELETE FROM agreement_parties WHERE agreement_id = ?", (agreement.id,))
    conn.executemany(INSERT_PARTY, party_rows(agreement))


def read_parties(conn: sqlite3.Connection, agreement_ids: list[int]) -> dict[int, list[Party]]:
    out: dict[int, list[Party]] = {}
    for r in conn.execute(
        "SELECT ap.*, c.name AS country_name, o.name AS org_name, p.name AS person_name "
        "FROM agreement_parties ap "
        "LEFT JOIN countries c ON c.code = ap.country "
        "LEFT JOIN organisations o ON o.id = ap.organisation_id "
        "LEFT JOIN people p ON p.id = ap.person_id "
        f"WHERE ap.agreement_id IN ({_marks(agreement_ids)}) ORDER BY ap.agreement_id, ap.position",
        agreement_ids,
    ):
        out.setdefault(r["agreement_id"], []).append(party_from_row(r))
    return out


def party_from_row(r) -> Party:
    """A :class:`Party` from a row of ``agreement_parties`` joined with the names
    (``country_name``, ``org_name``, ``person_name``)."""
    kind = r["party_kind"]
    if kind == "country":
        ref, name = r["country"], r["country_name"] or r["country"]
    elif kind == "organisation":
        ref, name = r["organisation_id"], r["org_name"] or ""
    else:
        ref, name = r["person_id"], r["person_name"] or ""
    return Party(party_kind=kind, ref=ref, role=r["role"], name=name)


# --- topics ----------------------------------------------------------------------------
def topic_id(conn: sqlite3.Connection, name: str, create: bool = True) -> int | None:
    name = " ".join((name or "").split())
    if not name:
        return None
    key = fold_key(name)
    row = conn.execute("SELECT id FROM topics WHERE folded = ? ORDER BY id LIMIT 1", (key,)).fetchone()
    if row:
        return row[0]
    if not create:
        return None
    return conn.execute("INSERT INTO topics (name, folded) VALUES (?, ?)", (name, key)).lastrowid


INSERT_TOPIC = "INSERT INTO record_topics (record_kind, record_id, topic_id) VALUES (?, ?, ?)"


def topic_rows(kind: Kind, record_id: int, topic_ids) -> list[tuple]:
    return [(kind.value, record_id, t) for t in sorted(topic_ids)]


def write_topics(conn: sqlite3.Connection, kind: Kind, record_id: int, names: list[str]) -> None:
    conn.execute(
        "DELETE FROM record_topics WHERE record_kind = ? AND record_id = ?", (kind.value, record_id)
    )
    ids = {tid for n in names if (tid := topic_id(conn, n)) is not None}
    conn.executemany(INSERT_TOPIC, topic_rows(kind, record_id, ids))


def read_topics(conn: sqlite3.Connection, kind: Kind, ids: list[int]) -> dict[int, list[str]]:
    """Each record's topic names, sorted."""
    out: dict[int, list[str]] = {}
    # CROSS JOIN: read each record's topics by the primary key (kind, id, topic), never
    # each topic's records
    for record_id, name in conn.execute(
        "SELECT rt.record_id, t.name FROM record_topics rt CROSS JOIN topics t "
        f"ON t.id = rt.topic_id WHERE rt.record_kind = ? AND rt.record_id IN ({_marks(ids)}) "
        "ORDER BY t.name",
        (kind.value, *ids),
    ):
        out.setdefault(record_id, []).append(name)
    return out


# --- source links ----------------------------------------------------------------------
INSERT_SOURCE = (
    "INSERT OR IGNORE INTO record_sources (record_kind, record_id, source_id, position) "
    "VALUES (?, ?, ?, ?)"
)


def source_rows(kind: Kind, record_id: int, source_ids: list[int]) -> list[tuple]:
    return [(kind.value, record_id, int(s), i) for i, s in enumerate(dict.fromkeys(source_ids))]


def write_sources(conn: sqlite3.Connection, kind: Kind, record_id: int, source_ids: list[int]) -> None:
    conn.execute(
        "DELETE FROM record_sources WHERE record_kind = ? AND record_id = ?",
        (kind.value, record_id),
    )
    conn.executemany(INSERT_SOURCE, source_rows(kind, record_id, source_ids))


def read_sources(conn: sqlite3.Connection, kind: Kind, ids: list[int]) -> dict[int, list[int]]:
    """Each record's source ids, in the record's order."""
    out: dict[int, list[int]] = {}
    for record_id, source_id in conn.execute(
        "SELECT record_id, source_id FROM record_sources "
        f"WHERE record_kind = ? AND record_id IN ({_marks(ids)}) ORDER BY record_id, position",
        (kind.value, *ids),
    ):
        out.setdefault(record_id, []).append(source_id)
    return out


# --- names shown beside a reference -------------------------------------------------------
def read_person_names(conn: sqlite3.Connection, ids) -> dict[int, tuple[str, str | None]]:
    """``{person id: (name, country)}`` for these people (trashed ones too)."""
    ids = sorted({i for i in ids if i is not None})
    if not ids:
        return {}
    return {
        r[0]: (r[1], r[2])
        for r in conn.execute(f"SELECT id, name, country FROM people WHERE id IN ({_marks(ids)})", ids)
    }


def delete_links(conn: sqlite3.Connection, kind: Kind, record_id: int) -> None:
    """Remove a purged record's topics, source links and aliases."""
    conn.execute(
        "DELETE FROM record_topics WHERE record_kind = ? AND record_id = ?", (kind.value, record_id)
    )
    conn.execute(
        "DELETE FROM record_sources WHERE record_kind = ? AND record_id = ?",
        (kind.value, record_id),
    )
    if kind in (Kind.PERSON, Kind.ORGANISATION):
        conn.execute(
            "DELETE FROM aliases WHERE entity_kind = ? AND entity_id = ?",
            (kind.value, str(record_id)),
        )
