"""Keeping the FTS5 ``search_index`` in step with the records.

Each record is one row, ``rowid = id * 16 + KIND_NUMBER[kind]``, holding *folded*
text (``briefing.fold``) in four columns — ``title``, ``names``, ``body`` and
``facets`` (hidden filter tokens ``xk<kind> xp<person> xo<org> xc<country> xt<topic>``)
— and an unindexed ``sortdate``.  Records in the trash are not in the index.
The record verbs call :func:`reindex` and :func:`remove` inside their transaction.

Beside the index, ``alias_tokens`` maps every word of a live person's or
organisation's names (folded) to them, so a query word such as ``tokaev`` can be
widened to ``facets:xp12`` (see ``briefing/services/search.py``).
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from collections.abc import Iterable

from briefing.domain import Kind
from briefing.fold import fold
from briefing.store.specs import KIND_NUMBER

ROWID_STRIDE = 16


def rowid(kind: Kind, record_id: int) -> int:
    return record_id * ROWID_STRIDE + KIND_NUMBER[kind]


def facet(prefix: str, value) -> str:
    """A hidden filter token: ``facet('p', 12)`` → ``xp12``; country codes lowercased."""
    return f"x{prefix}{str(value).lower()}"


def _join(*parts) -> str:
    return " ".join(str(p) for p in parts if p)


def _topics(conn: sqlite3.Connection, kind: Kind, ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    out: dict[int, list[tuple[int, str]]] = {}
    q = ",".join("?" * len(ids))
    for r in conn.execute(
        f"SELECT rt.record_id, t.id, t.name FROM record_topics rt CROSS JOIN topics t ON t.id = rt.topic_id "
        f"WHERE rt.record_kind = ? AND rt.record_id IN ({q})",
        (kind.value, *ids),
    ):
        out.setdefault(r[0], []).append((r[1], r[2]))
    return out


# Each builder returns rows of (id, title, names, body, facets list, sortdate) for live records.
_QUERIES: dict[Kind, str] = {
    Kind.STATEMENT: """
        SELECT s.id, '' AS title, p.name AS names,
               s.text || ' ' || s.context || ' ' || s.occasion AS body,
               'p' || coalesce(s.speaker_id, '') || ' c' || coalesce(p.country, '')
                 || ' c' || coalesce(v.host_country, '') || ' c' || coalesce(v.guest_country, '') AS f,
               s.date AS sortdate
        FROM statements s LEFT JOIN people p ON p.id = s.speaker_id
        LEFT JOIN visits v ON v.id = s.occasion_visit_id
        WHERE s.id IN ({ids}) AND +s.deleted_at IS NULL""",
    Kind.VISIT: """
        SELECT v.id,
               coalesce(g.name, gc.name, '') || ' visit to ' || coalesce(hc.name, '') || ' ' || v.place AS title,
               coalesce(g.name, '') || ' ' || coalesce(h.name, '') || ' ' || coalesce(gc.name, '')
                 || ' ' || coalesce(hc.name, '') AS names,
               v.purpose || ' ' || v.visit_kind || ' ' || v.notes AS body,
               'p' || coalesce(v.guest_id, '') || ' p' || coalesce(v.host_id, '')
                 || ' c' || coalesce(v.guest_country, '') || ' c' || coalesce(v.host_country, '') AS f,
               v.start AS sortdate
        FROM visits v LEFT JOIN people g ON g.id = v.guest_id LEFT JOIN people h ON h.id = v.host_id
        LEFT JOIN countries gc ON gc.code = v.guest_country
        LEFT JOIN countries hc ON hc.code = v.host_country
        WHERE v.id IN ({ids}) AND +v.deleted_at IS NULL""",
    Kind.AGREEMENT: """
        SELECT a.id, a.title,
               (SELECT group_concat(coalesce(c.name, o.name, p.name, ''), ' ')
                  FROM agreement_parties ap LEFT JOIN countries c ON c.code = ap.country
                  LEFT JOIN organisations o ON o.id = ap.organisation_id
                  LEFT JOIN people p ON p.id = ap.person_id WHERE ap.agreement_id = a.id) AS names,
               a.summary || ' ' || a.sector || ' ' || a.agreement_kind || ' ' || a.status || ' '
                 || a.place || ' ' || a.notes AS body,
               (SELECT group_concat(CASE ap.party_kind WHEN 'country' THEN 'c' || ap.country
                                     WHEN 'organisation' THEN 'o' || ap.organisation_id
                                       || ' c' || coalesce(o.country, '')
                                     ELSE 'p' || ap.person_id || ' c' || coalesce(p.country, '') END, ' ')
                  FROM agreement_parties ap LEFT JOIN organisations o ON o.id = ap.organisation_id
                  LEFT JOIN people p ON p.id = ap.person_id WHERE ap.agreement_id = a.id) AS f,
               a.signed AS sortdate
        FROM agreements a WHERE a.id IN ({ids}) AND +a.deleted_at IS NULL""",
    Kind.PERSON: """
        SELECT p.id, p.name AS title,
               (SELECT group_concat(alias, ' ') FROM aliases WHERE entity_kind = 'person'
                  AND entity_id = CAST(p.id AS TEXT)) AS names,
               p.office || ' ' || coalesce((SELECT group_concat(title, ' ') FROM offices
                  WHERE person_id = p.id), '') || ' ' || p.notes AS body,
               'p' || p.id || ' c' || coalesce(p.country, '') AS f,
               NULL AS sortdate
        FROM people p WHERE p.id IN ({ids}) AND +p.deleted_at IS NULL""",
    Kind.ORGANISATION: """
        SELECT o.id, o.name AS title,
               (SELECT group_concat(alias, ' ') FROM aliases WHERE entity_kind = 'organisation'
                  AND entity_id = CAST(o.id AS TEXT)) AS names,
               o.org_kind || ' ' || o.notes AS body,
               'o' || o.id || ' c' || coalesce(o.country, '') AS f,
               NULL AS sortdate
        FROM organisations o WHERE o.id IN ({ids}) AND +o.deleted_at IS NULL""",
    Kind.SOURCE: """
        SELECT s.id, s.title, s.outlet || ' ' || s.author AS names,
               s.text || ' ' || s.notes AS body, '' AS f, s.published AS sortdate
        FROM sources s WHERE s.id IN ({ids}) AND +s.deleted_at IS NULL""",
    Kind.FIGURE: """
        SELECT f.id, f.metric AS title,
               coalesce(fc.name, '') || ' ' || coalesce(tc.name, '') AS names,
               f.qualifier || ' ' || coalesce(f.value, '') || ' ' || f.unit || ' ' || f.period
                 || ' ' || f.notes AS body,
               'c' || coalesce(f.from_country, '') || ' c' || coalesce(f.to_country, '') AS f,
               f.as_of AS sortdate
        FROM figures f LEFT JOIN countries fc ON fc.code = f.from_country
        LEFT JOIN countries tc ON tc.code = f.to_country
        WHERE f.id IN ({ids}) AND +f.deleted_at IS NULL""",
    Kind.STANCE: """
        SELECT s.id, s.topic AS title,
               coalesce(c.name, '') || ' ' || coalesce(p.name, '') AS names,
               s.text || ' ' || s.notes AS body,
               'c' || coalesce(s.holder_country, '') || ' p' || coalesce(s.holder_person_id, '') AS f,
               NULL AS sortdate
        FROM stances s LEFT JOIN countries c ON c.code = s.holder_country
        LEFT JOIN people p ON p.id = s.holder_person_id
        WHERE s.id IN ({ids}) AND +s.deleted_at IS NULL""",
    Kind.BRIEFING: """
        SELECT b.id, b.title, coalesce(p.name, '') || ' ' || coalesce(c.name, '') AS names,
               b.purpose || ' ' || b.place || ' ' || b.notes AS body,
               'c' || coalesce(b.counterpart_country, '') || ' c' || coalesce(b.our_country, '')
                 || ' p' || coalesce(b.counterpart_person_id, '') AS f,
               b.date AS sortdate
        FROM briefings b LEFT JOIN people p ON p.id = b.counterpart_person_id
        LEFT JOIN countries c ON c.code = b.counterpart_country
        WHERE b.id IN ({ids}) AND +b.deleted_at IS NULL""",
}


def _facets(kind: Kind, raw: str | None, topics: list[tuple[int, str]]) -> str:
    # 'p' or 'c' alone means the value was empty
    tokens = [facet("k", kind.value)]
    tokens += [facet(part[0], part[1:]) for part in (raw or "").split() if len(part) > 1]
    tokens += [facet("t", tid) for tid, _ in topics]
    return " ".join(dict.fromkeys(tokens))


# names and titles repeat (a speaker's name on each of their statements): fold once
_fold_short = lru_cache(maxsize=65536)(fold)


# Kinds whose names feed ``alias_tokens``: kind -> (aliases.entity_kind, table)
_NAMED = {Kind.PERSON: ("person", "people"), Kind.ORGANISATION: ("organisation", "organisations")}


def _write_alias_tokens(conn: sqlite3.Connection, kind: Kind, ids: list[int]) -> None:
    """Index the name words of these people/organisations (only live ones)."""
    entity_kind, table = _NAMED[kind]
    q = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT a.entity_id, a.folded FROM aliases a JOIN {table} t "
        f"ON t.id = CAST(a.entity_id AS INTEGER) AND +t.deleted_at IS NULL "
        f"WHERE a.entity_kind = ? AND a.entity_id IN ({q})",
        (entity_kind, *[str(i) for i in ids]),
    )
    tokens = {
        (token, entity_kind, int(entity_id))
        for entity_id, folded in rows
        for token in (folded or "").split()
        if len(token) > 1
    }
    conn.executemany(
        "INSERT OR IGNORE INTO alias_tokens (token, entity_kind, entity_id) VALUES (?, ?, ?)",
        sorted(tokens),
    )


def reindex(conn: sqlite3.Connection, kind: Kind, ids: Iterable[int], *,
            new: bool = False) -> None:
    """(Re)build the index rows of these records; trashed or missing ones are removed.
    ``new``: the records were just inserted and have no rows yet (skips the deletes)."""
    ids = [int(i) for i in ids]
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        if not new:
            remove(conn, kind, chunk)
        if kind in _NAMED:
            _write_alias_tokens(conn, kind, chunk)
        topics = _topics(conn, kind, chunk)
        sql = _QUERIES[kind].format(ids=",".join("?" * len(chunk)))
        rows = []
        for r in conn.execute(sql, chunk):
            rid = r[0]
            tnames = " ".join(name for _, name in topics.get(rid, []))
            rows.append((
                rowid(kind, rid), _fold_short(r[1] or ""), _fold_short(r[2] or ""),
                fold(_join(r[3], tnames)), _facets(kind, r[4], topics.get(rid, [])), r[5],
            ))
        conn.executemany(
            "INSERT INTO search_index (rowid, title, names, body, facets, sortdate) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )


def remove(conn: sqlite3.Connection, kind: Kind, ids: Iterable[int]) -> None:
    ids = [int(i) for i in ids]
    conn.executemany("DELETE FROM search_index WHERE rowid = ?", [(rowid(kind, i),) for i in ids])
    if kind in _NAMED:
        conn.executemany(
            "DELETE FROM alias_tokens WHERE entity_kind = ? AND entity_id = ?",
            [(_NAMED[kind][0], i) for i in ids],
        )


def rebuild(conn: sqlite3.Connection) -> int:
    """Rebuild the whole index; returns the number of rows indexed."""
    from briefing.store.specs import SPECS

    _empty(conn)
    conn.execute("DELETE FROM alias_tokens")
    total = 0
    for kind, spec in SPECS.items():
        ids = [r[0] for r in conn.execute(f"SELECT id FROM {spec.table} WHERE deleted_at IS NULL")]
        reindex(conn, kind, ids)
        total += len(ids)
    return total


def _empty(conn: sqlite3.Connection) -> None:
    """Empty the index fast: FTS5 deletes row by row (re-reading each row), so the
    table is dropped and created again from its own definition, settings kept."""
    ddl = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search_index'"
    ).fetchone()[0]
    config = conn.execute(
        "SELECT k, v FROM search_index_config WHERE k <> 'version'"
    ).fetchall()
    conn.execute("DROP TABLE search_index")
    conn.execute(ddl)
    conn.executemany(
        "INSERT INTO search_index (search_index, rank) VALUES (?, ?)", [tuple(r) for r in config]
    )
