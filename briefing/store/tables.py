"""The SQL behind the app's record tables: columns per kind, counts, sorted and
filtered id lists, ordered windows and display rows.

A table never loads all its records.  The GUI model asks for

* :func:`count_rows` — how many rows the table has (fast: the table's row count
  minus the trashed ones, both answered from indexes);
* :func:`window_rows` — rows ``offset … offset+limit`` in sort order, when
  :func:`can_window` says an index delivers that order (so a window near the top
  costs a millisecond and one a million rows down ~0.1 s);
* :func:`sorted_ids` — every id in sort order (Anki's browser keeps these; 1M ids
  take ~0.5 s, so the GUI fetches them in a worker) and :func:`rows_for_ids` — the
  display rows of a page of those ids.

The fast paths rely on the ``(deleted_at, <sort column>)`` indexes of migration 0004.
Plain functions over a store (one connection, one thread).  The ``text`` filter
goes through the search index (folded, every word a quoted prefix); every value
travels as a bound parameter.
"""

from __future__ import annotations

import re
from array import array
from functools import lru_cache
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from briefing.dates import display as date_display
from briefing.domain import Kind
from briefing.fold import fold
from briefing.store.search_index import ROWID_STRIDE
from briefing.store.specs import KIND_NUMBER, SPECS

_TOKEN = re.compile(r"[^\W_]+")
MAX_CELL = 400  # characters of long text kept in a table cell


@dataclass(frozen=True)
class Column:
    """One column of a record table.

    ``cell`` are the SQL expressions its value is made of (two for a partial date:
    ISO text and the approximate flag); ``fmt`` says how they become text
    (``text``, ``date``, ``number``); ``sort`` is the ORDER BY
    expression and ``joins`` the join keys both need."""

    key: str
    title: str
    cell: tuple[str, ...]
    sort: str
    fmt: str = "text"
    joins: tuple[str, ...] = ()
    indexed: bool = False  # an index on live rows delivers this order
    tip: str = ""


@dataclass(frozen=True)
class TableDef:
    kind: Kind
    columns: tuple[Column, ...]
    joins: dict[str, str]
    default_sort: str
    default_descending: bool
    country_filter: str  # a condition with one ? per occurrence of {cc}
    country_joins: tuple[str, ...] = ()

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(f"{self.kind.value} table has no column {key!r}")


@dataclass(frozen=True)
class TableQuery:
    """What a table shows: its kind, sort column and direction, and filters."""

    kind: Kind
    sort: str = ""  # a column key; "" = the table's default
    descending: bool | None = None  # None = the table's default direction
    text: str = ""  # words looked up in the search index (any script, prefixes)
    country: str | None = None  # ISO code: records involving this country

    @property
    def table(self) -> TableDef:
        return TABLES[self.kind]

    @property
    def sort_column(self) -> Column:
        return self.table.column(self.sort or self.table.default_sort)

    @property
    def is_descending(self) -> bool:
        if self.descending is None:
            return self.table.default_descending if not self.sort else False
        return self.descending

    @property
    def filtered(self) -> bool:
        return bool(fold_words(self.text)) or bool(self.country)


@dataclass
class TableRow:
    id: int
    cells: list[str] = field(default_factory=list)


def _date(key: str, title: str, col: str, indexed: bool = False) -> Column:
    return Column(key, title, (f't."{col}"', f't."{col}_approx"'), f't."{col}"', "date",
                  indexed=indexed)


def _text(key: str, title: str, expr: str, sort: str | None = None, joins=(), **kw) -> Column:
    return Column(key, title, (expr,), sort or expr, "text", tuple(joins), **kw)


def _country(key: str, title: str, alias: str, joins=()) -> Column:
    return Column(key, title, (f"{alias}.name",), f"{alias}.name", "text", (*joins, alias))


def _people(alias: str, col: str) -> str:
    return f"LEFT JOIN people {alias} ON {alias}.id = t.{col}"


def _countries(alias: str, expr: str) -> str:
    return f"LEFT JOIN countries {alias} ON {alias}.code = {expr}"


_PARTIES = ("(SELECT group_concat(coalesce(pc.name, po.name, pp.name, ''), ', ') "
            "FROM agreement_parties ap LEFT JOIN countries pc ON pc.code = ap.country "
            "LEFT JOIN organisations po ON po.id = ap.organisation_id "
            "LEFT JOIN people pp ON pp.id = ap.person_id "
            "WHERE ap.agreement_id = t.id AND ap.role = 'party' ORDER BY ap.position)")
_TOPICS = ("(SELECT group_concat(tp.name, ', ') FROM record_topics rt "
           "JOIN topics tp ON tp.id = rt.topic_id "
           "WHERE rt.record_kind = '{kind}' AND rt.record_id = t.id)")

TABLES: dict[Kind, TableDef] = {
    Kind.STATEMENT: TableDef(
        Kind.STATEMENT,
        (
            _date("date", "Date", "date", indexed=True),
            _text("speaker", "Speaker", "sp.name", joins=["sp"]),
            _country("country", "Country", "spc", joins=["sp"]),
            _text("text", "Statement", "t.text", "t.text"),
            _text("occasion", "Occasion",
                  "CASE WHEN ov.id IS NOT NULL THEN coalesce(ovg.name, ovgc.name, '') "
                  "|| ' in ' || coalesce(nullif(ov.place, ''), ovhc.name, '') ELSE t.occasion END",
                  "coalesce(ov.place, t.occasion)", joins=["ov", "ovg", "ovgc", "ovhc"]),
            _text("topics", "Topics", _TOPICS.format(kind="statement")),
            _text("kind", "Kind", "t.statement_kind"),
            _text("language", "Language", "t.language"),
        ),
        {
            "sp": _people("sp", "speaker_id"),
            "spc": _countries("spc", "sp.country"),
            "ov": "LEFT JOIN visits ov ON ov.id = t.occasion_visit_id",
            "ovg": "LEFT JOIN people ovg ON ovg.id = ov.guest_id",
            "ovgc": _countries("ovgc", "ov.guest_country"),
            "ovhc": _countries("ovhc", "ov.host_country"),
        },
        "date", True,
        "sp.country = {cc}", ("sp",),
    ),
    Kind.VISIT: TableDef(
        Kind.VISIT,
        (
            _date("start", "Start", "start", indexed=True),
            _date("end", "End", "end"),
            _text("guest", "Guest", "g.name", joins=["g"]),
            _country("from", "From", "gc"),
            _country("to", "To", "hc"),
            _text("host", "Host", "h.name", joins=["h"]),
            _text("place", "Place", "t.place"),
            _text("kind", "Kind", "t.visit_kind"),
            _text("purpose", "Purpose", "t.purpose"),
        ),
        {
            "g": _people("g", "guest_id"), "h": _people("h", "host_id"),
            "gc": _countries("gc", "t.guest_country"), "hc": _countries("hc", "t.host_country"),
        },
        "start", True,
        "(t.guest_country = {cc} OR t.host_country = {cc})",
    ),
    Kind.AGREEMENT: TableDef(
        Kind.AGREEMENT,
        (
            _date("signed", "Signed", "signed", indexed=True),
            _text("title", "Title", "t.title", indexed=True),
            _text("parties", "Parties", _PARTIES),
            _text("kind", "Kind", "t.agreement_kind"),
            _text("sector", "Sector", "t.sector"),
            _text("status", "Status", "t.status"),
            _date("in_force", "In force", "in_force"),
            _text("place", "Place", "t.place"),
        ),
        {},
        "signed", True,
        "EXISTS (SELECT 1 FROM agreement_parties x WHERE x.agreement_id = t.id "
        "AND x.country = {cc})",
    ),
    Kind.PERSON: TableDef(
        Kind.PERSON,
        (
            _text("name", "Name", "t.name", indexed=True),
            _country("country", "Country", "c"),
            _text("office", "Office", "t.office"),
            _text("aliases", "Also known as",
                  "(SELECT group_concat(a.alias, ', ') FROM aliases a WHERE a.entity_kind = "
                  "'person' AND a.entity_id = CAST(t.id AS TEXT) AND a.alias <> t.name)"),
        ),
        {"c": _countries("c", "t.country")},
        "name", False,
        "t.country = {cc}",
    ),
    Kind.ORGANISATION: TableDef(
        Kind.ORGANISATION,
        (
            _text("name", "Name", "t.name", indexed=True),
            _text("kind", "Kind", "t.org_kind"),
            _country("country", "Country", "c"),
        ),
        {"c": _countries("c", "t.country")},
        "name", False,
        "t.country = {cc}",
    ),
    Kind.SOURCE: TableDef(
        Kind.SOURCE,
        (
            _date("published", "Published", "published", indexed=True),
            _text("title", "Title", "t.title"),
            _text("outlet", "Outlet", "t.outlet"),
            _text("author", "Author", "t.author"),
            _text("language", "Language", "t.language"),
            _text("url", "Address", "t.url"),
        ),
        {},
        "published", True,
        "0 = {cc}",  # sources have no country
    ),
    Kind.FIGURE: TableDef(
        Kind.FIGURE,
        (
            _date("as_of", "As of", "as_of", indexed=True),
            _text("metric", "Metric", "t.metric"),
            Column("value", "Value", ("t.qualifier", "t.value"), "t.value", "number"),
            _text("unit", "Unit", "t.unit"),
            _country("from", "From", "fc"),
            _country("to", "To", "tc"),
            _text("period", "Period", "t.period"),
        ),
        {"fc": _countries("fc", "t.from_country"), "tc": _countries("tc", "t.to_country")},
        "as_of", True,
        "(t.from_country = {cc} OR t.to_country = {cc})",
    ),
    Kind.STANCE: TableDef(
        Kind.STANCE,
        (
            _text("holder", "Holder", "coalesce(hp.name, hc.name, t.holder_country)",
                  joins=["hp", "hc"]),
            _text("topic", "Topic", "t.topic"),
            _text("text", "Position", "t.text"),
        ),
        {"hp": _people("hp", "holder_person_id"), "hc": _countries("hc", "t.holder_country")},
        "holder", False,
        "(t.holder_country = {cc} OR hp.country = {cc})", ("hp",),
    ),
    Kind.BRIEFING: TableDef(
        Kind.BRIEFING,
        (
            _date("date", "Date", "date", indexed=True),
            _text("title", "Title", "t.title"),
            _text("counterpart", "Counterpart", "coalesce(cp.name, '')", joins=["cp"]),
            _country("country", "Country", "cc"),
            _text("status", "Status", "t.status"),
            _text("classification", "Classification", "t.classification"),
        ),
        {"cp": _people("cp", "counterpart_person_id"),
         "cc": _countries("cc", "t.counterpart_country")},
        "date", True,
        "(t.counterpart_country = {cc} OR t.our_country = {cc})",
    ),
}


# --- filters and ordering -----------------------------------------------------------------
def fold_words(text: str) -> list[str]:
    """The folded index tokens of a filter text (``"Вучић trade"`` → ``vucic trade``)."""
    return _TOKEN.findall(fold(text or ""))[:16]


def _match_expression(kind: Kind, words: list[str]) -> str:
    """An FTS5 expression: the kind's facet and every word as a quoted prefix."""
    parts = [f'facets : "xk{kind.value}"']
    parts += ['{title names body} : "' + w.replace('"', '""') + '" *' for w in words]
    return " AND ".join(parts)


def _where(q: TableQuery) -> tuple[str, list, tuple[str, ...]]:
    """WHERE clause, its arguments and the joins it needs."""
    sql, args, joins = "t.deleted_at IS NULL", [], ()
    words = fold_words(q.text)
    if words:
        sql += (" AND t.id IN (SELECT rowid / ? FROM search_index WHERE search_index MATCH ? "
                "AND rowid % ? = ?)")
        args += [ROWID_STRIDE, _match_expression(q.kind, words), ROWID_STRIDE,
                 KIND_NUMBER[q.kind]]
    if q.country:
        cond = q.table.country_filter
        sql += " AND " + cond.replace("{cc}", "?")
        args += [q.country.upper()] * cond.count("{cc}")
        joins = q.table.country_joins
    return sql, args, joins


def _from(q: TableQuery, joins: Sequence[str]) -> str:
    table = q.table
    wanted: list[str] = []
    for key in joins:
        if key not in wanted:
            wanted.append(key)
    clauses = [table.joins[k] for k in wanted]
    return f"{SPECS[q.kind].table} t " + " ".join(clauses)


def _order(q: TableQuery) -> str:
    direction = "DESC" if q.is_descending else "ASC"
    return f"{q.sort_column.sort} {direction}, t.id {direction}"


def can_window(q: TableQuery) -> bool:
    """Whether :func:`window_rows` is fast for this query (unfiltered, indexed order)."""
    return not q.filtered and q.sort_column.indexed


# --- the verbs ---------------------------------------------------------------------------
def count_rows(store, q: TableQuery) -> int:
    """The number of rows the table shows."""
    table = SPECS[q.kind].table
    if not q.filtered:
        return store.conn.execute(
            f"SELECT (SELECT count(*) FROM {table}) - "
            f"(SELECT count(*) FROM {table} WHERE deleted_at IS NOT NULL)"
        ).fetchone()[0]
    where, args, joins = _where(q)
    return store.conn.execute(
        f"SELECT count(*) FROM {_from(q, joins)} WHERE {where}", args
    ).fetchone()[0]


def sorted_ids(store, q: TableQuery, *, cancelled: Callable[[], bool] | None = None) -> array:
    """Every id the table shows, in sort order (an ``array('q')``: 8 bytes a row).
    ``cancelled()`` is polled every 50 000 rows; when it says so an empty array
    comes back."""
    where, args, joins = _where(q)
    col = q.sort_column
    sql = (f"SELECT t.id FROM {_from(q, (*col.joins, *joins))} WHERE {where} "
           f"ORDER BY {_order(q)}")
    cur = store.conn.cursor()
    cur.row_factory = None
    cur.execute(sql, args)
    out = array("q")
    while True:
        chunk = cur.fetchmany(50_000)
        if not chunk:
            break
        out.extend(r[0] for r in chunk)
        if cancelled is not None and cancelled():
            cur.close()
            return array("q")
    return out


def _select(q_kind: Kind) -> tuple[str, list[Column]]:
    table = TABLES[q_kind]
    exprs = ["t.id"]
    for col in table.columns:
        exprs.extend(col.cell)
    return ", ".join(exprs), list(table.columns)


def _all_joins(kind: Kind) -> str:
    table = TABLES[kind]
    wanted: list[str] = []
    for col in table.columns:
        for key in col.joins:
            if key not in wanted:
                wanted.append(key)
    return " ".join(table.joins[k] for k in wanted)


@lru_cache(maxsize=8192)
def _date_text(iso: str | None, approximate: int) -> str:
    return date_display(iso, approximate)


def _format(columns: list[Column], values: Sequence) -> TableRow:
    row = TableRow(values[0])
    i = 1
    for col in columns:
        n = len(col.cell)
        part = values[i:i + n]
        i += n
        if col.fmt == "date":
            text = _date_text(part[0], part[1])
        elif col.fmt == "number":
            qualifier, value = part
            if value is None:
                text = ""
            else:
                num = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
                text = f"{qualifier} {num}".strip()
        else:
            text = "" if part[0] is None else str(part[0])
            if len(text) > MAX_CELL:
                text = text[:MAX_CELL - 1] + "…"
            if "\n" in text:
                text = " ".join(text.split())
        row.cells.append(text)
    return row


def window_rows(store, q: TableQuery, offset: int, limit: int) -> list[TableRow]:
    """Rows ``offset …`` in sort order (fast when :func:`can_window`)."""
    where, args, joins = _where(q)
    col = q.sort_column
    ids_sql = (f"SELECT t.id FROM {_from(q, (*col.joins, *joins))} WHERE {where} "
               f"ORDER BY {_order(q)} LIMIT ? OFFSET ?")
    ids = [r[0] for r in store.conn.execute(ids_sql, (*args, int(limit), int(offset)))]
    return rows_for_ids(store, q.kind, ids)


def rows_for_ids(store, kind: Kind, ids: Sequence[int]) -> list[TableRow]:
    """Display rows for these ids, in their order (missing or trashed ids are left out)."""
    kind = Kind(kind)
    ids = [int(i) for i in ids]
    if not ids:
        return []
    select, columns = _select(kind)
    found: dict[int, TableRow] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        sql = (f"SELECT {select} FROM {SPECS[kind].table} t {_all_joins(kind)} "
               f"WHERE t.id IN ({','.join('?' * len(chunk))}) AND t.deleted_at IS NULL")
        cur = store.conn.cursor()
        cur.row_factory = None
        for values in cur.execute(sql, chunk):
            found[values[0]] = _format(columns, values)
    return [found[i] for i in ids if i in found]


def columns(kind: Kind) -> tuple[Column, ...]:
    return TABLES[Kind(kind)].columns
