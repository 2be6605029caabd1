"""What a search result shows for each kind of record: title, date, who, and the
original text its snippet is cut from."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from briefing.countries import load_countries
from briefing.dates import PartialDate
from briefing.domain import (
    Agreement, Briefing, Figure, Organisation, Person, Record, Source, Stance, Statement, Visit,
)
from briefing.services.record_labels import (
    affiliation, figure_flow, figure_value, stance_holder, visit_guest,
)

TITLE_CHARS = 90
BODY_CHARS = 20_000  # snippets come from the first part of very long texts (sources)


@dataclass(frozen=True)
class Shown:
    title: str
    date: PartialDate | None
    who: str  # speaker, parties, guest and host, holder …
    lead: str  # names that may head the snippet when they hold the match
    body: str  # the original text the snippet is cut from


def shorten(text: str, limit: int = TITLE_CHARS) -> str:
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit].rstrip(" ,;:.") + "…"


def _join(parts, sep: str = " · ") -> str:
    return sep.join(p for p in (str(x).strip() for x in parts if x) if p)


def _tail(rec: Record) -> list[str]:
    out = [rec.notes]
    if rec.topics:
        out.append("Topics: " + ", ".join(rec.topics))
    return out


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return {c.code: c.name for c in load_countries()}


def country_name(code: str | None) -> str:
    """A country's name by code (without building the alias index: fast on first use)."""
    return _country_names().get(code or "", code or "")


def show(store, rec: Record) -> Shown:
    """How ``rec`` appears in a result list."""
    country = country_name
    match rec:
        case Statement():
            body = _join([rec.text, rec.context, rec.occasion, *_tail(rec)], " — ")
            return Shown(shorten(rec.text), rec.date, rec.speaker_name, rec.speaker_name, body)
        case Visit():
            guest = visit_guest(rec, country)
            where = _join([country(rec.host_country), rec.place], ", ")
            title = _join([guest, where], " → ")
            who = _join([rec.guest_name, rec.host_name], " / ")
            lead = _join([rec.guest_name, rec.host_name, country(rec.guest_country),
                          country(rec.host_country)], ", ")
            body = _join([rec.purpose, rec.visit_kind and f"{rec.visit_kind} visit", rec.place,
                          *_tail(rec)])
            return Shown(title, rec.start, who, lead, body)
        case Agreement():
            who = _join([p.name for p in rec.parties], "; ")
            body = _join([rec.summary, rec.agreement_kind, rec.sector, rec.status, rec.place,
                          *_tail(rec)])
            return Shown(shorten(rec.title), rec.signed, who, who, body)
        case Person():
            body = _join([rec.office, *(o.title for o in rec.offices if o.title != rec.office),
                          rec.aliases and "Also known as " + ", ".join(rec.aliases), *_tail(rec)])
            return Shown(rec.name, None, affiliation(rec, country), "", body)
        case Organisation():
            body = _join([rec.org_kind, rec.aliases and "Also known as " + ", ".join(rec.aliases),
                          *_tail(rec)])
            return Shown(rec.name, None, affiliation(rec, country), "", body)
        case Source():
            who = _join([rec.outlet, rec.author], ", ")
            text = rec.text[:BODY_CHARS]
            return Shown(shorten(rec.title), rec.published, who, who, _join([text, *_tail(rec)]))
        case Figure():
            who = figure_flow(rec, country)
            body = _join([_join([figure_value(rec, exact=True), rec.period], ", "), *_tail(rec)])
            return Shown(shorten(rec.metric), rec.as_of, who, who, body)
        case Stance():
            who = stance_holder(rec, country)
            title = shorten(rec.topic or rec.text)
            return Shown(title, None, who, who, _join([rec.text, *_tail(rec)]))
        case Briefing():
            who = rec.counterpart_name or country(rec.counterpart_country)
            body = _join([rec.purpose, rec.place, *_tail(rec)])
            return Shown(shorten(rec.title), rec.date, who, who, body)
    return Shown(str(rec.id), None, "", "", rec.notes)
