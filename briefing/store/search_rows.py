"""Records for a page of search results, read in a few batched queries.

``Store.get_many`` reads every link of every record (a few queries each); a result
list needs less — the record's own fields, its topics and the names it shows
(speaker, guest and host, parties, aliases) — so a page of 50 takes a handful of
queries instead of 150.  Source links are not read.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefing.domain import Agreement, Kind, Office, Organisation, Person, Record, Stance, Statement, Visit
from briefing.store.specs import SPECS, from_row
from briefing.store.links import party_from_row


def _in(ids) -> str:
    return ",".join("?" * len(ids))


def result_records(store, kind: Kind, ids: Iterable[int]) -> dict[int, Record]:
    """Live records of one kind by id, with topics and display names filled in."""
    ids = sorted({int(i) for i in ids})
    if not ids:
        return {}
    c = store.conn
    spec = SPECS[kind]
    recs = {
        r["id"]: from_row(spec, r)
        for r in c.execute(
            f"SELECT * FROM {spec.table} WHERE id IN ({_in(ids)}) AND +deleted_at IS NULL", ids)
    }
    if not recs:
        return {}
    live = list(recs)
    # CROSS JOIN keeps SQLite from walking every topic's index (slow on a big store)
    for rid, name in sorted(c.execute(
        f"SELECT rt.record_id, t.name FROM record_topics rt CROSS JOIN topics t "
        f"ON t.id = rt.topic_id WHERE rt.record_kind = ? AND rt.record_id IN ({_in(live)})",
        (kind.value, *live),
    ), key=lambda r: r[1]):
        recs[rid].topics.append(name)
    _names(c, list(recs.values()))
    if kind in (Kind.PERSON, Kind.ORGANISATION):
        _aliases(c, kind, recs)
    if kind == Kind.PERSON:
        _offices(c, recs)
    if kind == Kind.AGREEMENT:
        _parties(c, recs)
    return recs


def _names(c, recs: list[Record]) -> None:
    """Speaker, guest, host, holder and counterpart names."""
    wanted = set()
    for r in recs:
        match r:
            case Statement():
                wanted.add(r.speaker_id)
            case Visit():
                wanted.update((r.guest_id, r.host_id))
            case Stance():
                wanted.add(r.holder_person_id)
            case _ if hasattr(r, "counterpart_person_id"):
                wanted.add(r.counterpart_person_id)
    wanted.discard(None)
    if not wanted:
        return
    ids = sorted(wanted)
    people = {row[0]: (row[1], row[2]) for row in c.execute(
        f"SELECT id, name, country FROM people WHERE id IN ({_in(ids)})", ids)}
    for r in recs:
        match r:
            case Statement():
                r.speaker_name, r.speaker_country = people.get(r.speaker_id, ("", None))
            case Visit():
                r.guest_name = people.get(r.guest_id, ("", None))[0]
                r.host_name = people.get(r.host_id, ("", None))[0]
            case Stance():
                r.holder_name = people.get(r.holder_person_id, ("", None))[0]
            case _ if hasattr(r, "counterpart_person_id"):
                r.counterpart_name = people.get(r.counterpart_person_id, ("", None))[0]


def _aliases(c, kind: Kind, recs: dict[int, Person | Organisation]) -> None:
    keys = [str(i) for i in recs]
    for entity_id, alias in c.execute(
        f"SELECT entity_id, alias FROM aliases WHERE entity_kind = ? AND entity_id IN ({_in(keys)}) "
        f"ORDER BY entity_id, alias",
        (kind.value, *keys),
    ):
        rec = recs[int(entity_id)]
        if alias != rec.name:
            rec.aliases.append(alias)


def _offices(c, recs: dict[int, Person]) -> None:
    ids = list(recs)
    for person_id, title, country in c.execute(
        f"SELECT person_id, title, country FROM offices WHERE person_id IN ({_in(ids)}) "
        f"ORDER BY person_id, position",
        ids,
    ):
        recs[person_id].offices.append(Office(title=title, country=country))


def _parties(c, recs: dict[int, Agreement]) -> None:
    ids = list(recs)
    for r in c.execute(
        "SELECT ap.agreement_id, ap.party_kind, ap.country, ap.organisation_id, ap.person_id, "
        "ap.role, c.name AS country_name, o.name AS org_name, p.name AS person_name "
        "FROM agreement_parties ap LEFT JOIN countries c ON c.code = ap.country "
        "LEFT JOIN organisations o ON o.id = ap.organisation_id "
        f"LEFT JOIN people p ON p.id = ap.person_id WHERE ap.agreement_id IN ({_in(ids)}) "
        "ORDER BY ap.agreement_id, ap.position",
        ids,
    ):
        recs[r["agreement_id"]].parties.append(party_from_row(r))
