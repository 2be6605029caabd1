"""Reading and writing what hangs off a record: aliases, offices, agreement parties,
topics and source links.  Plain functions over a connection, used inside the
record verbs' transactions."""

from __future__ import annotations

import sqlite3

from briefing.dates import PartialDate
from briefing.domain import Agreement, Kind, Office, Party, Person, Record
from briefing.fold import fold_key


# --- aliases ---------------------------------------------------------------------------
def write_aliases(conn: sqlite3.Connection, entity_kind: str, entity_id, names: list[str]) -> None:
    conn.execute(
        "DELETE FROM aliases WHERE entity_kind = ? AND entity_id = ?",
        (entity_kind, str(entity_id)),
    )
    seen = set()
    rows = []
    for name in names:
        name = (name or "").strip()
        if name and name not in seen:
            seen.add(name)
            rows.append((entity_kind, str(entity_id), name, fold_key(name)))
    conn.executemany(
        "INSERT INTO aliases (entity_kind, entity_id, alias, folded) VALUES (?, ?, ?, ?)", rows
    )


def read_aliases(conn: sqlite3.Connection, entity_kind: str, entity_id, exclude: str = "") -> list[str]:
    rows = conn.execute(
        "SELECT alias FROM aliases WHERE entity_kind = ? AND entity_id = ? ORDER BY alias",
        (entity_kind, str(entity_id)),
    )
    return [r[0] for r in rows if r[0] != exclude]


# --- offices ---------------------------------------------------------------------------
def write_offices(conn: sqlite3.Connection, person: Person) -> None:
    conn.execute("DELETE FROM offices WHERE person_id = ?", (person.id,))
    conn.executemany(
        'INSERT INTO offices (person_id, position, title, country, organisation_id, start, '
        'start_approx, "end", end_approx) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
            (
                person.id, i, o.title, o.country or None, o.organisation_id,
                o.start.iso if o.start else None, int(bool(o.start and o.start.approximate)),
                o.end.iso if o.end else None, int(bool(o.end and o.end.approximate)),
            )
            for i, o in enumerate(person.offices)
        ],
    )


def read_offices(conn: sqlite3.Connection, person_id: int) -> list[Office]:
    rows = conn.execute(
        'SELECT o.*, org.name AS org_name FROM offices o '
        'LEFT JOIN organisations org ON org.id = o.organisation_id '
        'WHERE o.person_id = ? ORDER BY o.position',
        (person_id,),
    ).fetchall()
    return [
        Office(
            title=r["title"], country=r["country"], organisation_id=r["organisation_id"],
            start=PartialDate.from_store(r["start"], r["start_approx"]),
            end=PartialDate.from_store(r["end"], r["end_approx"]),
            organisation_name=r["org_name"] or "",
        )
        for r in rows
    ]


# --- agreement parties -----------------------------------------------------------------
def write_parties(conn: sqlite3.Connection, agreement: Agreement) -> None:
    conn.execute("DELETE FROM agreement_parties WHERE agreement_id = ?", (agreement.id,))
    rows = []
    for i, p in enumerate(agreement.parties):
        country = p.ref if p.party_kind == "country" else None
        org = int(p.ref) if p.party_kind == "organisation" else None
        person = int(p.ref) if p.party_kind == "person" else None
        rows.append((agreement.id, i, p.party_kind, country, org, person, p.role or "party"))
    conn.executemany(
        "INSERT INTO agreement_parties (agreement_id, position, party_kind, country, "
        "organisation_id, person_id, role) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def read_parties(conn: sqlite3.Connection, agreement_id: int) -> list[Party]:
    rows = conn.execute(
        "SELECT ap.*, c.name AS country_name, o.name AS org_name, p.name AS person_name "
        "FROM agreement_parties ap "
        "LEFT JOIN countries c ON c.code = ap.country "
        "LEFT JOIN organisations o ON o.id = ap.organisation_id "
        "LEFT JOIN people p ON p.id = ap.person_id "
        "WHERE ap.agreement_id = ? ORDER BY ap.position",
        (agreement_id,),
    ).fetchall()
    return [party_from_row(r) for r in rows]


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


def write_topics(conn: sqlite3.Connection, kind: Kind, record_id: int, names: list[str]) -> None:
    conn.execute(
        "DELETE FROM record_topics WHERE record_kind = ? AND record_id = ?", (kind.value, record_id)
    )
    ids = {tid for n in names if (tid := topic_id(conn, n)) is not None}
    conn.executemany(
        "INSERT INTO record_topics (record_kind, record_id, topic_id) VALUES (?, ?, ?)",
        [(kind.value, record_id, t) for t in sorted(ids)],
    )


def read_topics(conn: sqlite3.Connection, kind: Kind, record_id: int) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT t.name FROM record_topics rt JOIN topics t ON t.id = rt.topic_id "
            "WHERE rt.record_kind = ? AND rt.record_id = ? ORDER BY t.name",
            (kind.value, record_id),
        )
    ]


# --- source links ----------------------------------------------------------------------
def write_sources(conn: sqlite3.Connection, kind: Kind, record_id: int, source_ids: list[int]) -> None:
    conn.execute(
        "DELETE FROM record_sources WHERE record_kind = ? AND record_id = ?",
        (kind.value, record_id),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO record_sources (record_kind, record_id, source_id, position) "
        "VALUES (?, ?, ?, ?)",
        [(kind.value, record_id, int(s), i) for i, s in enumerate(dict.fromkeys(source_ids))],
    )


def read_sources(conn: sqlite3.Connection, kind: Kind, record_id: int) -> list[int]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT source_id FROM record_sources WHERE record_kind = ? AND record_id = ? "
            "ORDER BY position",
            (kind.value, record_id),
        )
    ]


def load_common(conn: sqlite3.Connection, record: Record) -> None:
    record.topics = read_topics(conn, record.kind, record.id)
    record.source_ids = read_sources(conn, record.kind, record.id)


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
