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
from briefing.store.search_index import ROWID_STRIDE, facet
from briefing.store.specs import KIND_BY_NUMBER, KIND_NUMBER


class MatchExpressionError(StoreError):
    """FTS5 refused a MATCH expression (a bug in the expression builder, never the
    user's fault: every user token is quoted)."""


# Ranking (bm25) and date sorting cost time for every row they touch, so both are
# bounded: when more rows match than RANK_CAP, only the RANK_CAP most recently added
# matches are ranked; and bm25 also counts, for each phrase, every row holding it,
# so a query with a word in more rows than BROAD ("the", "said") is not ranked at
# all but listed newest first.  Either way the result says ``capped``.  "Newest" is
# the most recently added (the highest row ids), which costs nothing to find.
RANK_CAP = 2_500
DATE_CAP = 1_000  # the same for sorting by date (filters only): each row's date is read
BROAD = 20_000
MAX_PROBES = 12  # words checked for being common (a longer query is checked in part)
TIE_MARGIN = 20  # rows fetched beyond a page so equal scores can be ordered by date


@dataclass(frozen=True)
class IndexHit:
    kind: Kind
    id: int
    rank: float  # bm25 with the column weights (lower is better; 0 when not ranked)
    sortdate: str | None


@dataclass(frozen=True)
class Matches:
    hits: list[IndexHit]
    capped: bool  # more rows matched than were ranked (or sorted by date)
    ranked: bool = True  # False: newest first (a filter-only or very broad query)


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


def _nth_rowid(store, expression: str, cond: str, args: list, n: int) -> int | None:
    """The rowid of the ``n``-th newest match (``None`` if fewer match): cheap, as it
    only walks the index's row ids."""
    row = store.conn.execute(
        f"SELECT rowid FROM search_index WHERE search_index MATCH ?{cond} "
        f"ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        (expression, *args, int(n)),
    ).fetchone()
    return None if row is None else row[0]


def match(store, expression: str, *, probes: Iterable[str] = (), kinds: Iterable[Kind] = (),
          date_from: str | None = None, date_to: str | None = None, by_rank: bool = True,
          offset: int = 0, limit: int = 50) -> Matches:
    """Records whose index rows match the FTS5 ``expression``: best first (bm25 with
    the column weights; newest first among equal scores) or, with ``by_rank=False``,
    by date, newest first.  ``kinds`` keeps only those kinds; ``date_from``/``date_to``
    are ``YYYY-MM-DD`` bounds (inclusive, compared at each record's precision).
    ``probes`` are the query's phrases on their own: one found in more than
    ``BROAD`` rows makes the result newest first (see ``RANK_CAP``)."""
    kind_cond, kind_args = "", []
    if kinds:
        numbers = sorted({KIND_NUMBER[Kind(k)] for k in kinds})
        kind_cond = f" AND rowid % {ROWID_STRIDE} IN ({','.join('?' * len(numbers))})"
        kind_args = numbers
    date_cond, date_args = _date_conditions(date_from, date_to)
    try:
        broad = by_rank and any(
            _nth_rowid(store, p, "", [], BROAD) is not None for p in list(probes)[:MAX_PROBES])
        if broad and kinds:
            # unranked, the kinds can join the MATCH: FTS5 then skips over other kinds'
            # rows instead of walking them (row ids interleave kinds by id)
            tokens = " OR ".join(f'"{facet("k", Kind(k).value)}"' for k in kinds)
            expression = f"({expression}) AND facets : ({tokens})"
        cutoff = None  # newest first without a date condition needs no window
        if not broad or date_cond:
            cap = RANK_CAP if by_rank else DATE_CAP
            cutoff = _nth_rowid(store, expression, kind_cond, kind_args, cap)
        cond, args = kind_cond + date_cond, [*kind_args, *date_args]
        if cutoff is not None:
            cond += " AND rowid >= ?"
            args.append(cutoff)
        base = f"FROM search_index WHERE search_index MATCH ?{cond}"
        if by_rank and not broad:
            rows = store.conn.execute(
                f"SELECT rowid, rank, sortdate {base} ORDER BY rank LIMIT ?",
                (expression, *args, int(offset) + int(limit) + TIE_MARGIN),
            ).fetchall()
            rows.sort(key=lambda r: r[2] or "", reverse=True)  # recency among equals …
            rows.sort(key=lambda r: r[1])  # … as the sort is stable
            rows = rows[int(offset):int(offset) + int(limit)]
        else:
            order = "rowid DESC" if broad else "sortdate DESC, rowid DESC"
            rows = store.conn.execute(
                f"SELECT rowid, 0, sortdate {base} ORDER BY {order} LIMIT ? OFFSET ?",
                (expression, *args, int(limit), int(offset)),
            ).fetchall()
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "unterminated" in str(exc) or "syntax" in str(exc):
            raise MatchExpressionError(f"search expression refused: {exc}") from None
        raise
    hits = [h for r in rows if (h := _hit(r[0], r[1], r[2]))]
    return Matches(hits, capped=cutoff is not None or broad, ranked=by_rank and not broad)


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


def named_exactly(store, keys: Iterable[str], most: int) -> dict[str, list[tuple[str, str]]]:
    """For each folded name (``fold_key``), the live people, organisations and
    countries known by exactly that name: ``{"kazakhstan": [("country", "KZ")]}``.
    A name shared by more than ``most`` entities of a kind gives none of that kind."""
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
    for key, ents in out.items():
        crowded = {k for k in {e[0] for e in ents} if sum(e[0] == k for e in ents) > most}
        if crowded:
            out[key] = [e for e in ents if e[0] not in crowded]
    return out


def alias_words(store, entities: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[str]]:
    """The folded names (``fold_key``) of each ``(entity_kind, entity_id)``: one query
    per entity kind."""
    out: dict[tuple[str, str], list[str]] = {}
    by_kind: dict[str, dict[str, tuple[str, str]]] = {}
    for entity in dict.fromkeys(entities):
        out[entity] = []
        by_kind.setdefault(entity[0], {})[str(entity[1])] = entity
    for entity_kind, keys in by_kind.items():
        ids = list(keys)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for entity_id, folded in store.conn.execute(
                f"SELECT entity_id, folded FROM aliases WHERE entity_kind = ? "
                f"AND entity_id IN ({','.join('?' * len(chunk))})",
                (entity_kind, *chunk),
            ):
                out[keys[entity_id]].append(folded)
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


# --- for benchmarks -----------------------------------------------------------------------
def vocabulary(store, min_docs: int = 1) -> list[tuple[str, int]]:
    """Every indexed word with the number of index rows holding it (facet tokens
    excluded).  Reads the whole index: for benchmarks, not for the app."""
    c = store.conn
    c.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab "
        "USING fts5vocab(main, search_index, 'row')"
    )
    rows = c.execute("SELECT term, doc FROM temp.search_vocab WHERE doc >= ?", (min_docs,))
    return [(t, d) for t, d in rows if not (len(t) > 2 and t[0] == "x" and t[1] in "pockt")]


def sample_names(store, entity_kind: str, every: int = 50, limit: int = 2000) -> list[str]:
    """Every ``every``-th alias of people or organisations (for benchmark queries)."""
    return [
        r[0] for r in store.conn.execute(
            "SELECT alias FROM (SELECT alias, row_number() OVER (ORDER BY entity_id, alias) AS n "
            "FROM aliases WHERE entity_kind = ?) WHERE n % ? = 0 LIMIT ?",
            (entity_kind, int(every), int(limit)),
        )
    ]
