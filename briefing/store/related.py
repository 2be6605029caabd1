"""The SQL behind the detail pane and the relations timeline: which records are tied
to a record (a person's statements, visits and agreements; a visit's statements and
agreements; the records a source backs …), the sources behind a record, and the
events between two countries or around one person, on a time axis.

Plain functions over a store; light rows (kind, id, title, date), never whole records.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.dates import display as date_display
from briefing.domain import Kind
from briefing.store.specs import SPECS

TIMELINE_LIMIT = 400  # events per kind on one timeline (the newest)


@dataclass(frozen=True)
class RelatedItem:
    kind: Kind
    id: int
    title: str
    date: str = ""  # at its own precision
    detail: str = ""  # who / where, one short line


@dataclass(frozen=True)
class RelatedGroup:
    title: str
    items: tuple[RelatedItem, ...]
    total: int  # all of them (items holds at most the limit, newest first)


@dataclass(frozen=True)
class SourceRef:
    id: int
    title: str
    outlet: str
    published: str  # at its own precision
    url: str


@dataclass(frozen=True)
class TimelineEvent:
    kind: Kind
    id: int
    start: str  # ISO partial date
    start_approx: bool
    end: str | None
    title: str
    who: str = ""
    from_country: str | None = None  # visits: the guest's country
    to_country: str | None = None  # visits: the host country


def _clean(text: str | None, limit: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


# --- groups of related records --------------------------------------------------------------
_STATEMENT_ROW = ("SELECT s.id, s.text, s.date, s.date_approx, p.name FROM statements s "
                  "LEFT JOIN people p ON p.id = s.speaker_id ")
_VISIT_ROW = ("SELECT v.id, coalesce(g.name, gc.name, '') || ' → ' || coalesce(nullif(v.place, ''), "
              "hc.name, ''), v.start, v.start_approx, coalesce(h.name, hc.name, '') FROM visits v "
              "LEFT JOIN people g ON g.id = v.guest_id LEFT JOIN people h ON h.id = v.host_id "
              "LEFT JOIN countries gc ON gc.code = v.guest_country "
              "LEFT JOIN countries hc ON hc.code = v.host_country ")
_AGREEMENT_ROW = ("SELECT a.id, a.title, a.signed, a.signed_approx, a.status FROM agreements a ")

_PERSON_VISITS = "SELECT id FROM visits WHERE guest_id = ?1 UNION SELECT id FROM visits WHERE host_id = ?1"

# Live-record tests are written "+x.deleted_at IS NULL": the unary plus keeps SQLite
# from walking a (deleted_at, …) index of the whole table instead of the few rows asked.
_QUERIES: dict[str, tuple[Kind, str, str]] = {
    # name: (kind, row query + WHERE with ? for the id, ORDER BY)
    "person_statements": (Kind.STATEMENT, _STATEMENT_ROW + "WHERE s.speaker_id = ?",
                          "s.date DESC, s.id DESC"),
    "person_visits": (Kind.VISIT, _VISIT_ROW + f"WHERE v.id IN ({_PERSON_VISITS})",
                      "v.start DESC, v.id DESC"),
    "person_agreements": (Kind.AGREEMENT, _AGREEMENT_ROW + "WHERE a.id IN (SELECT agreement_id "
                          "FROM agreement_parties WHERE person_id = ?1 UNION SELECT id FROM "
                          f"agreements WHERE visit_id IN ({_PERSON_VISITS}))",
                          "a.signed DESC, a.id DESC"),
    "person_stances": (Kind.STANCE, "SELECT t.id, coalesce(nullif(t.topic, '') || ': ', '') || t.text, "
                       "NULL, 0, '' FROM stances t WHERE t.holder_person_id = ?", "t.id"),
    "visit_statements": (Kind.STATEMENT, _STATEMENT_ROW + "WHERE s.occasion_visit_id = ?",
                         "s.date DESC, s.id DESC"),
    "visit_agreements": (Kind.AGREEMENT, _AGREEMENT_ROW + "WHERE a.visit_id = ?",
                         "a.signed DESC, a.id DESC"),
    "organisation_agreements": (Kind.AGREEMENT, _AGREEMENT_ROW + "WHERE a.id IN (SELECT agreement_id "
                                "FROM agreement_parties WHERE organisation_id = ?)",
                                "a.signed DESC, a.id DESC"),
    "organisation_people": (Kind.PERSON, "SELECT p.id, p.name, NULL, 0, p.office FROM people p "
                            "WHERE p.id IN (SELECT person_id FROM offices WHERE organisation_id = ?)",
                            "p.name"),
}

_GROUPS: dict[Kind, tuple[tuple[str, str], ...]] = {
    Kind.PERSON: (("Statements", "person_statements"), ("Visits", "person_visits"),
                  ("Agreements", "person_agreements"), ("Stances", "person_stances")),
    Kind.VISIT: (("Statements made during the visit", "visit_statements"),
                 ("Agreements signed during the visit", "visit_agreements")),
    Kind.ORGANISATION: (("Agreements", "organisation_agreements"),
                        ("People", "organisation_people")),
}


def _group(store, name: str, record_id: int, limit: int) -> tuple[list[RelatedItem], int]:
    kind, base, order = _QUERIES[name]
    alias = order.split(".")[0]  # the table's alias, as the ORDER BY names it
    live = f" AND +{alias}.deleted_at IS NULL"
    args = (record_id,)
    total = store.conn.execute(
        f"SELECT count(*) FROM ({base}{live})", args).fetchone()[0]
    rows = store.conn.execute(f"{base}{live} ORDER BY {order} LIMIT {int(limit)}", args)
    items = [
        RelatedItem(kind, r[0], _clean(r[1]), date_display(r[2], r[3]), _clean(r[4] or "", 80))
        for r in rows
    ]
    return items, total


def related_groups(store, kind: Kind | str, record_id: int, limit: int = 25) -> list[RelatedGroup]:
    """The records tied to this one, in groups (empty groups left out)."""
    out = []
    for title, name in _GROUPS.get(Kind(kind), ()):
        items, total = _group(store, name, record_id, limit)
        if total:
            out.append(RelatedGroup(title, tuple(items), total))
    if Kind(kind) == Kind.SOURCE:
        group = _source_records(store, record_id, limit)
        if group.total:
            out.append(group)
    return out


def _source_records(store, source_id: int, limit: int) -> RelatedGroup:
    """The live records citing a source (by kind, then id): all counted, the first
    ``limit`` read with one query per kind."""
    citing = store.records_citing(source_id)
    items: list[RelatedItem] = []
    for kind_value, ids in citing.items():
        wanted = ids[:limit - len(items)]
        if not wanted:
            break
        kind = Kind(kind_value)
        spec = SPECS[kind]
        date_sql = (f"{spec.date_column}, {spec.date_column}_approx" if spec.date_column
                    else "NULL, 0")
        rows = {r[0]: r for r in store.conn.execute(
            f"SELECT id, {spec.title_sql}, {date_sql} FROM {spec.table} "
            f"WHERE id IN ({','.join('?' * len(wanted))})", wanted)}
        items += [RelatedItem(kind, i, _clean(rows[i][1]), date_display(rows[i][2], rows[i][3]),
                              kind.label) for i in wanted if i in rows]
    total = sum(len(ids) for ids in citing.values())
    return RelatedGroup("Records from this source", tuple(items), total)


def sources_of(store, kind: Kind | str, record_id: int) -> list[SourceRef]:
    """The live sources behind a record, in the record's order."""
    rows = store.conn.execute(
        "SELECT s.id, s.title, s.outlet, s.published, s.published_approx, s.url "
        "FROM record_sources rs JOIN sources s ON s.id = rs.source_id "
        "WHERE rs.record_kind = ? AND rs.record_id = ? AND s.deleted_at IS NULL "
        "ORDER BY rs.position", (Kind(kind).value, record_id))
    return [SourceRef(r[0], r[1] or "", r[2] or "", date_display(r[3], r[4]), r[5] or "")
            for r in rows]


# --- the relations timeline -------------------------------------------------------------------
_TL_VISITS = ("SELECT v.id, v.start, v.start_approx, v.\"end\", "
              "coalesce(g.name, gc.name, '') || ' in ' || coalesce(nullif(v.place, ''), hc.name, ''), "
              "coalesce(v.visit_kind, ''), v.guest_country, v.host_country FROM visits v "
              "LEFT JOIN people g ON g.id = v.guest_id "
              "LEFT JOIN countries gc ON gc.code = v.guest_country "
              "LEFT JOIN countries hc ON hc.code = v.host_country "
              "WHERE +v.deleted_at IS NULL AND v.start IS NOT NULL AND ")
_TL_AGREEMENTS = ("SELECT a.id, a.signed, a.signed_approx, NULL, a.title, a.status, NULL, NULL "
                  "FROM agreements a WHERE +a.deleted_at IS NULL AND a.signed IS NOT NULL AND ")
_TL_STATEMENTS = ("SELECT s.id, s.date, s.date_approx, NULL, s.text, coalesce(p.name, ''), "
                  "p.country, NULL FROM statements s LEFT JOIN people p ON p.id = s.speaker_id "
                  "WHERE +s.deleted_at IS NULL AND s.date IS NOT NULL AND ")


def _events(store, kind: Kind, sql: str, args: tuple, order: str) -> list[TimelineEvent]:
    rows = store.conn.execute(f"{sql} ORDER BY {order} LIMIT {TIMELINE_LIMIT}", args)
    return [
        TimelineEvent(kind, r[0], r[1], bool(r[2]), r[3], _clean(r[4], 200), r[5] or "",
                      r[6], r[7])
        for r in rows
    ]


def pair_timeline(store, a: str, b: str) -> list[TimelineEvent]:
    """Visits between two countries (either way), agreements both are party to (or
    signed during those visits) and statements made during those visits."""
    a, b = a.upper(), b.upper()
    visit_ids = ("SELECT id FROM visits WHERE +deleted_at IS NULL AND guest_country = ?1 AND "
                 "host_country = ?2 UNION SELECT id FROM visits WHERE +deleted_at IS NULL AND "
                 "guest_country = ?2 AND host_country = ?1")
    events = _events(store, Kind.VISIT, _TL_VISITS + f"v.id IN ({visit_ids})", (a, b),
                     "v.start DESC")
    events += _events(
        store, Kind.AGREEMENT,
        _TL_AGREEMENTS + "a.id IN (SELECT x.agreement_id FROM agreement_parties x "
        "JOIN agreement_parties y ON y.agreement_id = x.agreement_id "
        f"WHERE x.country = ?1 AND y.country = ?2 UNION SELECT id FROM agreements WHERE "
        f"visit_id IN ({visit_ids}))",
        (a, b), "a.signed DESC")
    events += _events(store, Kind.STATEMENT,
                      _TL_STATEMENTS + f"s.occasion_visit_id IN ({visit_ids})",
                      (a, b), "s.date DESC")
    return events


def person_timeline(store, person_id: int) -> list[TimelineEvent]:
    """A person's visits (as guest or host), agreements and statements."""
    events = _events(store, Kind.VISIT, _TL_VISITS + f"v.id IN ({_PERSON_VISITS})",
                     (person_id,), "v.start DESC")
    events += _events(
        store, Kind.AGREEMENT,
        _TL_AGREEMENTS + "a.id IN (SELECT agreement_id FROM agreement_parties WHERE "
        f"person_id = ?1 UNION SELECT id FROM agreements WHERE visit_id IN ({_PERSON_VISITS}))",
        (person_id,), "a.signed DESC")
    events += _events(store, Kind.STATEMENT, _TL_STATEMENTS + "s.speaker_id = ?1",
                      (person_id,), "s.date DESC")
    return events


def busiest_pairs(store, limit: int = 12) -> list[tuple[str, str, int]]:
    """Country pairs with the most visits between them (either way), busiest first.
    All visits are counted in the countries index, then the trashed ones taken off
    (much faster than reading every live row)."""
    pair = "min(guest_country, host_country), max(guest_country, host_country)"
    pair_as = "min(guest_country, host_country) AS a, max(guest_country, host_country) AS b"
    cond = "guest_country IS NOT NULL AND host_country IS NOT NULL AND guest_country <> host_country"
    rows = store.conn.execute(
        f"SELECT a, b, sum(n) AS total FROM ("
        f"SELECT {pair_as}, count(*) AS n FROM visits WHERE {cond} "
        f"GROUP BY guest_country, host_country "
        f"UNION ALL SELECT {pair}, -count(*) FROM visits INDEXED BY visits_live_start "
        f"WHERE deleted_at IS NOT NULL AND {cond} "
        f"GROUP BY guest_country, host_country) "
        f"GROUP BY a, b HAVING total > 0 ORDER BY total DESC, a, b LIMIT ?", (int(limit),))
    return [(r[0], r[1], r[2]) for r in rows]


def busiest_partners(store, country: str, limit: int = 5) -> list[tuple[str, int]]:
    """The countries with the most live visits to or from ``country``, busiest first."""
    code = country.upper()
    rows = store.conn.execute(
        "SELECT other, count(*) AS n FROM ("
        "SELECT host_country AS other FROM visits WHERE guest_country = ?1 AND +deleted_at IS NULL "
        "UNION ALL SELECT guest_country FROM visits WHERE host_country = ?1 AND +deleted_at IS NULL"
        ") WHERE other IS NOT NULL AND other <> ?1 GROUP BY other ORDER BY n DESC, other LIMIT ?2",
        (code, int(limit)))
    return [(r[0], r[1]) for r in rows]
