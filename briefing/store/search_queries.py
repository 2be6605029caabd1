"""The SQL behind search (``briefing/services/search.py``): running an FTS5 MATCH with
date bounds and paging, and finding the people, organisations and countries a
query word names.  The MATCH expression itself is built by the service from
quoted tokens; it always travels as a bound parameter, never inside SQL text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from briefing.domain import Kind
from briefing.store.errors import StoreError
from briefing.store.search_index import ROWID_STRIDE
from briefing.store.specs import KIND_BY_NUMBER


class MatchExpressionError(StoreError):
    """FTS5 refused a MATCH expression (a bug in the expression builder, never the
    user's fault: every user token is quoted)."""


@dataclass(frozen=True)
class IndexHit:
    kind: Kind
    id: int
    rank: float  # bm25 with the column weights (lower is better; 0 when not ranked)
    sortdate: str | None


def _hit(rowid: int, rank, sortdate) -> IndexHit | None:
    kind = KIND_BY_NUMBER.get(rowid % ROWID_STRIDE)
    if kind is None:
        return None
    return IndexHit(kind, rowid // ROWID_STRIDE, float(rank or 0.0), sortdate)


def _date_conditions(date_from: str | None, date_to: str | None) -> tuple[str, list]:
    """Partial dates overlap a range: the stored date compared at its own precision
    (``2024`` is within ``2024-11-01 … 2024-11-30``; ``2024-10`` is not)."""
    sql, args = "", []
    if date_from:
        sql += " AND sortdate >= substr(?, 1, length(sortdate))"
        args.append(date_from)
    if date_to:
        sql += " AND sortdate <= substr(?, 1, length(sortdate))"
        args.append(date_to)
    if sql:
        sql += " AND sortdate IS NOT NULL AND sortdate <> ''"
    return sql, args


def match(store, expression: str, *, date_from: str | None = None, date_to: str | None = None,
          by_rank: bool = True, offset: int = 0, limit: int = 50) -> list[IndexHit]:
    """Records whose index rows match the FTS5 ``expression``, best first (bm25,
    newest first among equals) or, with ``by_rank=False``, newest first.
    ``date_from``/``date_to`` are ``YYYY-MM-DD`` bounds (inclusive)."""
    where, args = _date_conditions(date_from, date_to)
    order = "rank, sortdate DESC" if by_rank else "sortdate DESC, rowid DESC"
    try:
        rows = store.conn.execute(
            f"SELECT rowid, rank, sortdate FROM search_index WHERE search_index MATCH ?{where} "
            f"ORDER BY {order} LIMIT ? OFFSET ?",
            (expression, *args, int(limit), int(offset)),
        ).fetchall()
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "unterminated" in str(exc) or "syntax" in str(exc):
            raise MatchExpressionError(f"search expression refused: {exc}") from None
        raise
    return [h for r in rows if (h := _hit(r[0], r[1] if by_rank else 0.0, r[2]))]


def raw_match(store, expression: str, limit: int = 50) -> list[int]:
    """The bare FTS5 query (for benchmarks): rowids by rank."""
    return [
        r[0] for r in store.conn.execute(
            "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?",
            (expression, int(limit)),
        )
    ]


def named_by_token(store, tokens: Iterable[str], most: int) -> dict[str, dict[str, list[int]]]:
    """For each folded word, the live people and organisations with that word in one
    of their names: ``{"tokaev": {"person": [12]}}``.  A word shared by more than
    ``most`` entities of a kind (a common first name) gives none of that kind."""
    tokens = list(dict.fromkeys(t for t in tokens if t))
    out: dict[str, dict[str, list[int]]] = {}
    if not tokens:
        return out
    q = ",".join("?" * len(tokens))
    rows = store.conn.execute(
        f"SELECT token, entity_kind, entity_id FROM alias_tokens WHERE token IN ({q}) "
        f"ORDER BY token, entity_kind, entity_id",
        tokens,
    )
    for token, entity_kind, entity_id in rows:
        out.setdefault(token, {}).setdefault(entity_kind, []).append(int(entity_id))
    for kinds in out.values():
        for entity_kind in [k for k, ids in kinds.items() if len(ids) > most]:
            del kinds[entity_kind]
    return out


def named_exactly(store, keys: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """For each folded name (``fold_key``), the live people, organisations and
    countries known by exactly that name: ``{"kazakhstan": [("country", "KZ")]}``."""
    keys = list(dict.fromkeys(k for k in keys if k))
    out: dict[str, list[tuple[str, str]]] = {}
    if not keys:
        return out
    q = ",".join("?" * len(keys))
    rows = store.conn.execute(
        f"SELECT DISTINCT a.folded, a.entity_kind, a.entity_id FROM aliases a "
        f"LEFT JOIN people p ON a.entity_kind = 'person' AND p.id = CAST(a.entity_id AS INTEGER) "
        f"LEFT JOIN organisations o ON a.entity_kind = 'organisation' "
        f"  AND o.id = CAST(a.entity_id AS INTEGER) "
        f"WHERE a.folded IN ({q}) AND ("
        f"  a.entity_kind = 'country' OR p.deleted_at IS NULL AND p.id IS NOT NULL "
        f"  OR o.deleted_at IS NULL AND o.id IS NOT NULL) "
        f"ORDER BY a.folded, a.entity_kind, a.entity_id",
        keys,
    )
    for folded, entity_kind, entity_id in rows:
        out.setdefault(folded, []).append((entity_kind, entity_id))
    return out


def alias_words(store, entities: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[str]]:
    """The folded names (``fold_key``) of each ``(entity_kind, entity_id)``."""
    out: dict[tuple[str, str], list[str]] = {}
    for entity_kind, entity_id in dict.fromkeys(entities):
        out[(entity_kind, entity_id)] = [
            r[0] for r in store.conn.execute(
                "SELECT folded FROM aliases WHERE entity_kind = ? AND entity_id = ?",
                (entity_kind, str(entity_id)),
            )
        ]
    return out


def index_stats(store) -> dict:
    """Rows in the index and the bytes its tables take (for benchmarks and ``check``)."""
    c = store.conn
    rows = c.execute("SELECT count(*) FROM search_index").fetchone()[0]
    size = None
    try:
        size = c.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_index%'"
        ).fetchone()[0]
    except Exception:  # noqa: BLE001 - dbstat is optional in SQLite builds
        size = None
    return {"rows": rows, "bytes": size}
