"""The queries the briefing composer needs: candidate records that involve a country,
a person or a topic, with the few facts ranking needs (dates, countries, speakers).

Plain functions taking the :class:`~briefing.store.Store` (no Qt).  Every query is
bounded by an index on the country, person or visit it starts from, so suggestions
stay fast on a store with a million statements (``bench/bench_composer.py``).
Trashed records are never candidates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from briefing.dates import PartialDate
from briefing.domain import Kind
from briefing.store.specs import SPECS

_CHUNK = 500


@dataclass(frozen=True)
class AgreementFacts:
    id: int
    title: str
    status: str
    signed: PartialDate | None
    visit_id: int | None
    countries: frozenset[str]  # countries of every party (directly, or of its organisation/person)
    person_ids: frozenset[int]
    organisation_ids: frozenset[int]


@dataclass(frozen=True)
class VisitFacts:
    id: int
    start: PartialDate | None
    guest_country: str | None  # the visit's, else the guest's country
    host_country: str | None
    guest_id: int | None
    host_id: int | None
    place: str
    ordinal: int | None


@dataclass(frozen=True)
class StatementFacts:
    id: int
    date: PartialDate | None
    speaker_id: int | None
    speaker_country: str | None
    occasion_visit_id: int | None


@dataclass(frozen=True)
class FigureFacts:
    id: int
    metric: str
    as_of: PartialDate | None
    from_country: str | None
    to_country: str | None


@dataclass(frozen=True)
class StanceFacts:
    id: int
    holder_country: str | None
    holder_person_id: int | None
    topic: str


def _marks(values: Iterable) -> str:
    return ",".join("?" * len(list(values)))


@lru_cache(maxsize=65536)
def _date(iso, approx) -> PartialDate | None:
    try:
        return PartialDate.from_store(iso, approx)
    except ValueError:
        return None


def _chunks(ids: list[int]):
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


# --------------------------------------------------------------------------- agreements
_PARTY_HITS = (
    "SELECT agreement_id FROM agreement_parties WHERE country = {c} "
    "UNION SELECT ap.agreement_id FROM organisations o JOIN agreement_parties ap "
    "ON ap.organisation_id = o.id WHERE o.country = {c} "
    "UNION SELECT ap.agreement_id FROM people p JOIN agreement_parties ap "
    "ON ap.person_id = p.id WHERE p.country = {c}"
)


_OURS_PARTY = (
    "EXISTS (SELECT 1 FROM agreement_parties ap LEFT JOIN organisations o "
    "ON o.id = ap.organisation_id LEFT JOIN people p ON p.id = ap.person_id "
    "WHERE ap.agreement_id = g.id AND coalesce(ap.country, o.country, p.country) = :o)"
)


def agreement_candidates(store, counterpart: str | None, ours: str | None,
                         person_id: int | None = None, *, between_limit: int = 45,
                         open_limit: int = 20, person_limit: int = 40,
                         others: int = 30) -> list[AgreementFacts]:
    """Agreements for a meeting, each with all its parties' countries: the newest
    ``between_limit`` between ``counterpart`` and ``ours`` (a party of each, directly or
    through one of their organisations or people) and the newest ``open_limit`` of those
    still being negotiated (often undated), the newest ``person_limit`` the
    counterpart person is a party to, and the newest ``others`` of the counterpart's
    other agreements.

    The counterpart's agreements are walked newest first (the (deleted_at, signed)
    index) and each is checked for a party of ours until enough are found — never a
    list of all of our country's agreements, which is most of a store."""
    args = {"a": counterpart, "o": ours, "p": person_id, "bl": between_limit,
            "nl": open_limit, "pl": person_limit, "ol": others}
    newest = ("SELECT g.id FROM agreements g WHERE g.deleted_at IS NULL AND +g.id IN a_hits "
              "AND {cond} ORDER BY g.signed DESC, g.id DESC LIMIT {limit}")
    rows = store.conn.execute(
        f"WITH a_hits(id) AS MATERIALIZED ({_PARTY_HITS.format(c=':a')}), "
        "chosen(id) AS ("
        f" SELECT id FROM ({newest.format(cond=_OURS_PARTY, limit=':bl')})"
        # open negotiations between the two always (they often have no date)
        " UNION SELECT id FROM (SELECT g.id FROM agreements g WHERE g.status = 'negotiating' "
        f"  AND g.deleted_at IS NULL AND +g.id IN a_hits AND {_OURS_PARTY} "
        "  ORDER BY g.signed DESC, g.id DESC LIMIT :nl)"
        " UNION SELECT id FROM (SELECT g.id FROM agreement_parties ap "
        "  JOIN agreements g ON g.id = ap.agreement_id "
        "  WHERE ap.person_id = :p AND g.deleted_at IS NULL "
        "  ORDER BY g.signed DESC, g.id DESC LIMIT :pl)"
        f" UNION SELECT id FROM ({newest.format(cond='NOT ' + _OURS_PARTY, limit=':ol')})) "
        "SELECT a.id, a.title, a.status, a.signed, a.signed_approx, a.visit_id, "
        "coalesce(ap.country, o.country, p.country) AS party_country, "
        "ap.organisation_id, ap.person_id "
        "FROM chosen h JOIN agreements a ON a.id = h.id "
        "JOIN agreement_parties ap ON ap.agreement_id = a.id "
        "LEFT JOIN organisations o ON o.id = ap.organisation_id "
        "LEFT JOIN people p ON p.id = ap.person_id "
        "ORDER BY a.id",
        args,
    ).fetchall()
    out: dict[int, dict] = {}
    for r in rows:
        d = out.setdefault(r["id"], {
            "row": r, "countries": set(), "people": set(), "orgs": set(),
        })
        if r["party_country"]:
            d["countries"].add(r["party_country"])
        if r["person_id"] is not None:
            d["people"].add(r["person_id"])
        if r["organisation_id"] is not None:
            d["orgs"].add(r["organisation_id"])
    return [
        AgreementFacts(
            id=aid, title=d["row"]["title"], status=d["row"]["status"],
            signed=_date(d["row"]["signed"], d["row"]["signed_approx"]),
            visit_id=d["row"]["visit_id"], countries=frozenset(d["countries"]),
            person_ids=frozenset(d["people"]), organisation_ids=frozenset(d["orgs"]),
        )
        for aid, d in out.items()
    ]


# --------------------------------------------------------------------------- visits
def visits_involving(store, countries: Iterable[str], person_ids: Iterable[int] = (), *,
                     limit: int = 80, person_limit: int = 40) -> list[VisitFacts]:
    """The newest ``limit`` visits between any two of ``countries`` (either way) and
    the newest ``person_limit`` where one of ``person_ids`` was the guest or the host;
    oldest first."""
    countries = sorted({c for c in countries if c})
    person_ids = sorted({int(p) for p in person_ids if p is not None})
    parts, args = [], []
    if len(countries) >= 2:
        q = _marks(countries)
        parts.append(
            "SELECT id FROM (SELECT v.id FROM visits v LEFT JOIN people g ON g.id = v.guest_id "
            f"WHERE (v.guest_country IN ({q}) OR (v.guest_country IS NULL AND g.country IN ({q}))) "
            f"AND v.host_country IN ({q}) AND coalesce(v.guest_country, g.country) != v.host_country "
            "AND v.deleted_at IS NULL ORDER BY v.start DESC, v.id DESC LIMIT ?)")
        args += countries * 3 + [limit]
    if person_ids:
        q = _marks(person_ids)
        parts.append(
            "SELECT id FROM (SELECT id FROM visits WHERE deleted_at IS NULL AND id IN "
            f"(SELECT id FROM visits WHERE guest_id IN ({q}) UNION "
            f"SELECT id FROM visits WHERE host_id IN ({q})) "
            "ORDER BY start DESC, id DESC LIMIT ?)")
        args += person_ids * 2 + [person_limit]
    if not parts:
        return []
    rows = store.conn.execute(
        f"WITH hits(id) AS ({' UNION '.join(parts)}) "
        "SELECT v.id, v.start, v.start_approx, coalesce(v.guest_country, g.country) AS gc, "
        "v.host_country, v.guest_id, v.host_id, v.place, v.ordinal "
        "FROM hits h JOIN visits v ON v.id = h.id "
        "LEFT JOIN people g ON g.id = v.guest_id "
        "ORDER BY v.start, v.id",
        args,
    ).fetchall()
    return [
        VisitFacts(
            id=r["id"], start=_date(r["start"], r["start_approx"]), guest_country=r["gc"],
            host_country=r["host_country"], guest_id=r["guest_id"], host_id=r["host_id"],
            place=r["place"] or "", ordinal=r["ordinal"],
        )
        for r in rows
    ]


# --------------------------------------------------------------------------- statements
_STATEMENT_COLS = (
    "s.id, s.date, s.date_approx, s.speaker_id, p.country AS speaker_country, "
    "s.occasion_visit_id"
)


def _statements(rows) -> list[StatementFacts]:
    return [
        StatementFacts(
            id=r["id"], date=_date(r["date"], r["date_approx"]), speaker_id=r["speaker_id"],
            speaker_country=r["speaker_country"], occasion_visit_id=r["occasion_visit_id"],
        )
        for r in rows
    ]


def statements_by_speakers(store, person_ids: Iterable[int], limit: int = 50) -> list[StatementFacts]:
    """The most recent statements of these speakers, newest first."""
    person_ids = sorted({int(p) for p in person_ids if p is not None})
    if not person_ids:
        return []
    rows = store.conn.execute(
        f"SELECT {_STATEMENT_COLS} FROM statements s LEFT JOIN people p ON p.id = s.speaker_id "
        f"WHERE s.speaker_id IN ({_marks(person_ids)}) AND s.deleted_at IS NULL "
        "ORDER BY s.date DESC, s.id DESC LIMIT ?",
        [*person_ids, limit],
    ).fetchall()
    return _statements(rows)


def statements_by_country(store, country: str, limit: int = 50,
                          since: str | None = None) -> list[StatementFacts]:
    """The most recent statements of speakers from ``country``, newest first; with
    ``since`` (an ISO partial date), only those dated then or later.  The newest are
    picked from the (speaker, date) index alone, one seek per speaker, and only
    they are read — so a recent window stays cheap however many statements the
    country has."""
    if not country:
        return []
    args: list = [country]
    since_filter = ""
    if since:
        since_filter = " AND s2.date >= ?"
        args.append(since)
    rows = store.conn.execute(
        f"SELECT {_STATEMENT_COLS} FROM ("
        f" SELECT s2.id AS id FROM people p JOIN statements s2 ON s2.speaker_id = p.id "
        f" WHERE p.country = ?{since_filter} ORDER BY s2.date DESC, s2.id DESC LIMIT ?) c "
        "JOIN statements s ON s.id = c.id JOIN people p ON p.id = s.speaker_id "
        "WHERE s.deleted_at IS NULL ORDER BY s.date DESC, s.id DESC",
        [*args, limit],
    ).fetchall()
    return _statements(rows)


def statements_on_visits(store, visit_ids: Iterable[int], limit: int = 60) -> list[StatementFacts]:
    """Statements made on the occasion of these visits, newest first."""
    visit_ids = sorted({int(v) for v in visit_ids})
    if not visit_ids:
        return []
    rows = store.conn.execute(
        f"SELECT {_STATEMENT_COLS} FROM statements s LEFT JOIN people p ON p.id = s.speaker_id "
        f"WHERE s.occasion_visit_id IN ({_marks(visit_ids)}) AND s.deleted_at IS NULL "
        "ORDER BY s.date DESC, s.id DESC LIMIT ?",
        [*visit_ids, limit],
    ).fetchall()
    return _statements(rows)


# --------------------------------------------------------------------------- figures, stances
def figure_candidates(store, counterpart: str | None, ours: str | None, *,
                      between_limit: int = 60, others: int = 20) -> list[FigureFacts]:
    """The newest ``between_limit`` figures between ``counterpart`` and ``ours`` (either
    way) and the newest ``others`` other figures from or to the counterpart."""
    if not counterpart:
        return []
    cols = "f.id, f.metric, f.as_of, f.as_of_approx, f.from_country, f.to_country"
    rows = store.conn.execute(
        f"SELECT * FROM (SELECT {cols} FROM figures f WHERE f.deleted_at IS NULL AND "
        "((f.from_country = :a AND f.to_country = :o) OR (f.from_country = :o AND f.to_country = :a)) "
        "ORDER BY f.as_of DESC, f.id DESC LIMIT :bl) "
        f"UNION SELECT * FROM (SELECT {cols} FROM figures f WHERE f.deleted_at IS NULL AND "
        "f.id IN (SELECT id FROM figures WHERE from_country = :a UNION "
        "SELECT id FROM figures WHERE to_country = :a) "
        "AND coalesce(f.from_country, '') != coalesce(:o, '') "
        "AND coalesce(f.to_country, '') != coalesce(:o, '') "
        "ORDER BY f.as_of DESC, f.id DESC LIMIT :ol) "
        "ORDER BY 3 DESC, 1 DESC",
        {"a": counterpart, "o": ours, "bl": between_limit, "ol": others},
    ).fetchall()
    return [
        FigureFacts(id=r["id"], metric=r["metric"], as_of=_date(r["as_of"], r["as_of_approx"]),
                    from_country=r["from_country"], to_country=r["to_country"])
        for r in rows
    ]


def stances_of(store, countries: Iterable[str], person_ids: Iterable[int] = (),
               limit_each: int = 60) -> list[StanceFacts]:
    """Stances held by each of ``countries`` and ``person_ids`` (at most ``limit_each``
    per holder, the latest recorded first)."""
    countries = sorted({c for c in countries if c})
    person_ids = sorted({int(p) for p in person_ids if p is not None})
    parts, args = [], []
    for c in countries:
        parts.append("SELECT id FROM (SELECT id FROM stances WHERE holder_country = ? "
                     "AND deleted_at IS NULL ORDER BY id DESC LIMIT ?)")
        args += [c, limit_each]
    for pid in person_ids:
        parts.append("SELECT id FROM (SELECT id FROM stances WHERE holder_person_id = ? "
                     "AND deleted_at IS NULL ORDER BY id DESC LIMIT ?)")
        args += [pid, limit_each]
    if not parts:
        return []
    rows = store.conn.execute(
        f"WITH hits(id) AS ({' UNION '.join(parts)}) "
        "SELECT s.id, s.holder_country, s.holder_person_id, s.topic FROM hits h "
        "JOIN stances s ON s.id = h.id ORDER BY s.id",
        args,
    ).fetchall()
    return [
        StanceFacts(id=r["id"], holder_country=r["holder_country"],
                    holder_person_id=r["holder_person_id"], topic=r["topic"] or "")
        for r in rows
    ]


# --------------------------------------------------------------------------- links
def topics_of(store, kind: Kind | str, ids: Iterable[int]) -> dict[int, list[str]]:
    """Topic names of each record (records without topics are left out)."""
    kind = Kind(kind).value
    ids = sorted({int(i) for i in ids})
    out: dict[int, list[str]] = {}
    for chunk in _chunks(ids):
        # CROSS JOIN: read each record's topics by the primary key (kind, id, topic),
        # never each topic's records
        for r in store.conn.execute(
            "SELECT rt.record_id, t.name FROM record_topics rt CROSS JOIN topics t "
            f"ON t.id = rt.topic_id WHERE rt.record_kind = ? AND rt.record_id IN ({_marks(chunk)})",
            [kind, *chunk],
        ):
            out.setdefault(r[0], []).append(r[1])
    for names in out.values():
        names.sort()
    return out


def sources_of(store, kind: Kind | str, ids: Iterable[int]) -> dict[int, list[int]]:
    """Live source ids of each record, in the record's order."""
    kind = Kind(kind).value
    ids = sorted({int(i) for i in ids})
    out: dict[int, list[int]] = {}
    for chunk in _chunks(ids):
        for r in store.conn.execute(
            "SELECT rs.record_id, rs.source_id FROM record_sources rs "
            "JOIN sources s ON s.id = rs.source_id AND s.deleted_at IS NULL "
            f"WHERE rs.record_kind = ? AND rs.record_id IN ({_marks(chunk)}) "
            "ORDER BY rs.record_id, rs.position",
            [kind, *chunk],
        ):
            out.setdefault(r[0], []).append(r[1])
    return out


def all_topics(store) -> list[tuple[int, str, str]]:
    """Every topic as ``(id, name, folded)``."""
    return [tuple(r) for r in store.conn.execute("SELECT id, name, folded FROM topics ORDER BY id")]


def titles_of(store, kind: Kind | str, ids: Iterable[int]) -> dict[int, str]:
    """Short display titles (as :meth:`Store.title_of`) for many records at once,
    trashed ones included."""
    spec = SPECS[Kind(kind)]
    ids = sorted({int(i) for i in ids})
    out: dict[int, str] = {}
    for chunk in _chunks(ids):
        for r in store.conn.execute(
            f"SELECT id, {spec.title_sql} FROM {spec.table} WHERE id IN ({_marks(chunk)})", chunk
        ):
            out[r[0]] = (r[1] or "").strip()
    return out
