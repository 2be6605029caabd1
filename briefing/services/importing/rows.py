"""Turning one CSV row into a planned record: every cell checked, every name
resolved (or staged for creation), the row's natural key computed for duplicates."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from briefing.dates import DateError, PartialDate
from briefing.domain import (
    Agreement, AgreementStatus, Kind, Office, Party, Person, Record, Statement, StatementKind,
    Visit, VisitKind,
)
from briefing.fold import fold_key
from briefing.services.importing.resolver import CellError, NewEntity, Ref, Resolver, real_id


@dataclass
class Plan:
    """A row ready to write once the staged names exist."""

    record: Record
    refs: dict[str, Ref | None] = field(default_factory=dict)  # field -> reference
    parties: list[tuple[str, Ref | str, str]] = field(default_factory=list)
    sources: list[Ref] = field(default_factory=list)
    office_org: Ref | None = None  # people: the organisation of their office (marks it used)
    key: tuple = ()
    existing_id: int | None = None  # duplicate of this stored record
    merge_aliases: list[str] = field(default_factory=list)  # people: new aliases for existing
    staged: NewEntity | None = None  # people: the new person this row creates

    def refs_used(self) -> list[Ref]:
        out = [r for r in self.refs.values() if r is not None]
        out += [r for _, r, _ in self.parties if not isinstance(r, str)]
        out += list(self.sources)
        if self.office_org is not None:
            out.append(self.office_org)
        return out

    def finalise(self) -> Record:
        """The record with real ids (people rows never get here: new people are created
        from their staged entity, known ones merged)."""
        rec = self.record
        for name, ref in self.refs.items():
            setattr(rec, name, real_id(ref))
        if isinstance(rec, Agreement):
            rec.parties = [
                Party(party_kind=k, ref=(r if isinstance(r, str) else real_id(r)), role=role)
                for k, r, role in self.parties
            ]
        rec.source_ids = [real_id(s) for s in self.sources]
        return rec


def _split(cell: str) -> list[str]:
    return [p.strip() for p in (cell or "").split(";") if p.strip()]


@lru_cache(maxsize=65536)
def _parse_date(text: str) -> PartialDate | DateError:
    """Dates repeat a lot in a big file: parse each spelling once."""
    try:
        return PartialDate.parse(text)
    except DateError as exc:
        return exc


def _date(row: dict, column: str, required: bool = False) -> PartialDate | None:
    text = row.get(column, "")
    if not text.strip():
        if required:
            raise CellError(column, "is required")
        return None
    found = _parse_date(text)
    if isinstance(found, DateError):
        raise CellError(column, f"'{text}' is not a valid date: {found}")
    return found


def _text_key(text: str) -> str:
    """A cheap key for spotting the same text twice within one import."""
    return " ".join(text.casefold().split())


def _required(row: dict, column: str) -> str:
    value = row.get(column, "").strip()
    if not value:
        raise CellError(column, "is required")
    return value


def _choice(row: dict, column: str, choices: list[str], aliases: dict[str, str] | None = None,
            default: str = "") -> str:
    value = row.get(column, "").strip().lower()
    if not value:
        return default
    value = (aliases or {}).get(value, value)
    if value not in choices:
        raise CellError(column, f"'{row[column]}' is not one of: {', '.join(choices)}")
    return value


def _source(plan: Plan, row: dict, resolver: Resolver) -> None:
    ref = resolver.source(row.get("source_url", ""), row.get("source_title", ""))
    if ref is not None:
        plan.sources.append(ref)


def _key_ref(ref: Ref | None):
    return ("new", id(ref)) if isinstance(ref, NewEntity) else ref


def plan_statement(row: dict, r: Resolver) -> Plan:
    text = _required(row, "text")
    date = _date(row, "date", required=True)
    country = r.country(row.get("speaker_country", ""), "speaker_country")
    speaker = r.person(_required(row, "speaker"), "speaker", country)
    kind = _choice(row, "kind", [k.value for k in StatementKind],
                   {"quote": "direct", "indirect": "paraphrase", "reported": "paraphrase"},
                   StatementKind.DIRECT.value)
    rec = Statement(text=text, date=date, statement_kind=kind, language=row.get("language", ""),
                    occasion=row.get("occasion", ""), topics=_split(row.get("topics", "")))
    plan = Plan(rec, refs={"speaker_id": speaker})
    _source(plan, row, r)
    plan.key = (Kind.STATEMENT, _key_ref(speaker), date.iso, _text_key(text))
    if not isinstance(speaker, NewEntity):
        plan.existing_id = r.store.find_statement(speaker, date.iso, text)
    return plan


def plan_visit(row: dict, r: Resolver) -> Plan:
    start = _date(row, "start", required=True)
    end = _date(row, "end")
    if end and end < start:
        raise CellError("end", "the visit ends before it starts")
    guest_country = r.country(row.get("guest_country", ""), "guest_country", required=True)
    host_country = r.country(row.get("host_country", ""), "host_country", required=True)
    guest = r.person(_required(row, "guest"), "guest", guest_country)
    host = r.person(row["host"], "host", host_country) if row.get("host", "").strip() else None
    kind = _choice(row, "kind", [k.value for k in VisitKind], default="")
    rec = Visit(start=start, end=end, guest_country=guest_country, host_country=host_country,
                place=row.get("place", ""), visit_kind=kind, purpose=row.get("purpose", ""))
    plan = Plan(rec, refs={"guest_id": guest, "host_id": host})
    _source(plan, row, r)
    plan.key = (Kind.VISIT, _key_ref(guest), host_country, start.iso)
    if not isinstance(guest, NewEntity):
        plan.existing_id = r.store.find_visit(guest, guest_country, host_country, start.iso)
    return plan


def plan_agreement(row: dict, r: Resolver) -> Plan:
    title = _required(row, "title")
    names = _split(row.get("parties", ""))
    if not names:
        raise CellError("parties", "is required (names separated by ';')")
    parties: list[tuple[str, Ref | str, str]] = []
    for name in names:
        country = r.store.country(name)
        if country is not None:
            parties.append(("country", country.code, "party"))
            continue
        person = r.person_if_known(name)
        if person is not None:
            parties.append(("person", person, "party"))
        else:
            parties.append(("organisation", r.organisation(name, "parties"), "party"))
    signed = _date(row, "signed")
    status = _choice(row, "status", [s.value for s in AgreementStatus],
                     {"in_force": "in force", "in-force": "in force", "negotiation": "negotiating",
                      "under negotiation": "negotiating"},
                     AgreementStatus.SIGNED.value if signed else AgreementStatus.NEGOTIATING.value)
    rec = Agreement(title=title, signed=signed, in_force=_date(row, "in_force"),
                    agreement_kind=row.get("kind", ""), sector=row.get("sector", ""),
                    status=status, place=row.get("place", ""), summary=row.get("summary", ""))
    plan = Plan(rec, parties=parties)
    _source(plan, row, r)
    plan.key = (Kind.AGREEMENT, fold_key(title), signed.iso if signed else None)
    plan.existing_id = r.store.find_agreement(title, signed.iso if signed else None)
    return plan


def plan_person(row: dict, r: Resolver) -> Plan:
    name = _required(row, "name")
    country = r.country(row.get("country", ""), "country")
    aliases = _split(row.get("aliases", ""))
    office = row.get("office", "").strip()
    org_name = row.get("organisation", "").strip()
    org = r.organisation(org_name, "organisation", country) if org_name else None
    existing = r.store.people_named(name)
    if country and len(existing) > 1:
        existing = [p for p in existing if p.country == country] or existing
    rec = Person(name=name, country=country, office=office, aliases=aliases,
                 offices=[Office(title=office, country=country, organisation_id=org)]
                 if (office or org is not None) else [])
    plan = Plan(rec, office_org=org)
    plan.key = (Kind.PERSON, fold_key(name), country)
    if existing:
        plan.existing_id = existing[0].id
        known = {fold_key(a) for a in [existing[0].name, *existing[0].aliases]}
        plan.merge_aliases = [a for a in aliases if fold_key(a) not in known]
    else:
        staged = next((e for n in [name, *aliases]
                       if (e := r._staged_person(fold_key(n), country)) is not None), None)
        if staged is not None:
            # an earlier row (a speaker, a guest) already staged this new person: this
            # row describes the same one, so it becomes that record (one person, not two)
            old = staged.record
            known = {fold_key(a) for a in [name, *aliases]}
            rec.aliases = [*aliases, *(a for a in [old.name, *old.aliases]
                                       if fold_key(a) not in known)]
            rec.country = country or old.country
            staged.record = rec
        else:
            staged = NewEntity(rec)
        # make later rows naming this person (or an alias) use this record
        for n in [name, *aliases]:
            r.remember(fold_key(n), country, staged)
        plan.staged = staged
    return plan


PLANNERS = {
    Kind.STATEMENT: plan_statement,
    Kind.VISIT: plan_visit,
    Kind.AGREEMENT: plan_agreement,
    Kind.PERSON: plan_person,
}
