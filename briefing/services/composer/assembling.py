"""Assembling a briefing: its items with their records read from the store, sources
numbered, country names resolved — everything the dossier renderer (and ``brief
show``) needs, so they never read the store themselves.

A record deleted (or trashed) after it was added is not dropped: its item stays,
``removed=True``, with the record's last known title as its text.
"""

from __future__ import annotations

from dataclasses import replace

from briefing.dates import PartialDate
from briefing.domain import (
    Agreement, AssembledBriefing, AssembledItem, AssembledSection, Figure, Kind, Person,
    Record, Section, Source, Stance, Statement, Visit,
)
from briefing.services.composer.meeting import ComposerError
from briefing.store import composer_queries as q


def _countries_of(rec: Record | None) -> list[str | None]:
    match rec:
        case Person():
            return [rec.country, *(o.country for o in rec.offices)]
        case Visit():
            return [rec.guest_country, rec.host_country]
        case Agreement():
            return [p.ref for p in rec.parties if p.party_kind == "country"]
        case Figure():
            return [rec.from_country, rec.to_country]
        case Stance():
            return [rec.holder_country]
        case Statement():
            return [rec.speaker_country]
    return []


def _prepared(stamp: str) -> PartialDate | None:
    try:
        return PartialDate.parse(stamp[:10])
    except (ValueError, TypeError):
        return None


def assemble(store, briefing_id: int) -> AssembledBriefing:
    """The briefing with every item's record, in section order then position.

    Sources are numbered 1..n in the order included items first cite them (an
    included source item counts as citing itself); excluded items keep their records
    but get no numbers.  ``prepared`` is the day of the last edit, so the same
    briefing always assembles (and prints) the same."""
    briefing = store.find(Kind.BRIEFING, int(briefing_id))
    if briefing is None:
        raise ComposerError(f"no briefing with id {briefing_id}")
    items = briefing.items
    wanted: dict[Kind, list[int]] = {}
    for it in items:
        if it.ref_kind and it.ref_id is not None:
            wanted.setdefault(Kind(it.ref_kind), []).append(it.ref_id)
    records: dict[tuple[Kind, int], Record] = {}
    gone_titles: dict[tuple[Kind, int], str] = {}
    for kind, ids in wanted.items():
        for rec in store.get_many(kind, ids):
            records[(kind, rec.id)] = rec
        missing = [i for i in ids if (kind, i) not in records]
        for rid, title in q.titles_of(store, kind, missing).items():
            gone_titles[(kind, rid)] = title

    # sources, numbered by first citation among included items
    numbers: dict[int, int] = {}
    source_ids: list[int] = []

    def number(sid: int) -> int:
        if sid not in numbers:
            numbers[sid] = len(numbers) + 1
            source_ids.append(sid)
        return numbers[sid]

    sections = {s: AssembledSection(section=s) for s in Section}
    cited: list[tuple[AssembledItem, list[int]]] = []
    for it in items:
        sec = Section(it.section)
        rec = None
        removed = False
        if it.ref_kind:
            key = (Kind(it.ref_kind), it.ref_id)
            rec = records.get(key)
            if rec is None:
                removed = True
                title = gone_titles.get(key) or it.text
                it = replace(it, text=title or "")
        ai = AssembledItem(item=it, record=rec, removed=removed)
        sections[sec].items.append(ai)
        if it.included and rec is not None:
            own = [rec.id] if isinstance(rec, Source) else []
            cited.append((ai, own + [s for s in rec.source_ids if s not in own]))
    # number in section order (items are already in that order)
    live_sources = {s.id: s for s in store.get_many(
        Kind.SOURCE, {sid for _, sids in cited for sid in sids})}
    for ai, sids in cited:
        ai.source_numbers = [number(s) for s in sids if s in live_sources]

    codes = {briefing.counterpart_country, briefing.our_country}
    for ai in (a for sec in sections.values() for a in sec.items):
        codes.update(_countries_of(ai.record))
    counterpart = None
    if briefing.counterpart_person_id is not None:  # usually read already: a profile item
        counterpart = records.get((Kind.PERSON, briefing.counterpart_person_id)) or store.find(
            Kind.PERSON, briefing.counterpart_person_id)
    return AssembledBriefing(
        briefing=briefing,
        sections=[sections[s] for s in Section],
        sources=[live_sources[s] for s in source_ids],
        country_names={c: store.country_name(c) for c in sorted(c for c in codes if c)},
        counterpart=counterpart,
        prepared=_prepared(briefing.updated_at),
    )
