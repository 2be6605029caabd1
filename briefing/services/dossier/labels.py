"""How records read in a dossier: dates, country names, parties, visits.  Figure
values, stance holders and ordinals read as everywhere else
(:mod:`briefing.services.record_labels`).

Plain strings (not markup); callers pass them through :mod:`.text` before printing.
"""

from __future__ import annotations

from briefing.dates import MONTHS, PartialDate
from briefing.domain import Agreement, Briefing, Party, Person, Stance, Visit
from briefing.services import record_labels


class Labels:
    """Country names and wording for one briefing."""

    def __init__(self, country_names: dict[str, str]):
        self._names = dict(country_names or {})

    def country(self, code: str | None) -> str:
        if not code:
            return ""
        return self._names.get(code) or self._names.get(code.upper()) or code

    def person(self, name: str, country: str | None = None) -> str:
        place = self.country(country)
        if name and place:
            return f"{name} ({place})"
        return name or place

    def parties(self, agreement: Agreement) -> list[str]:
        return [self.party(p) for p in agreement.parties]

    def party(self, party: Party) -> str:
        if party.party_kind == "country":
            name = party.name or self.country(str(party.ref))
        else:
            name = party.name or f"{party.party_kind} #{party.ref}"
        role = (party.role or "").strip()
        return f"{name} ({role})" if role and role != "party" else name

    def stance_holder(self, stance: Stance) -> str:
        return record_labels.stance_holder(stance, self.country)

    def visit_route(self, visit: Visit) -> str:
        """``Kassym-Jomart Tokayev (Kazakhstan) to Serbia, hosted by Aleksandar Vučić``."""
        guest = self.person(visit.guest_name, visit.guest_country) or "A delegation"
        text = guest
        if visit.host_country:
            text += f" to {self.country(visit.host_country)}"
        if visit.host_name:
            text += f", hosted by {visit.host_name}"
        return text

    def counterpart(self, briefing: Briefing, person: Person | None) -> str:
        name = (person.name if person else "") or briefing.counterpart_name
        country = self.country(briefing.counterpart_country)
        office = person.office if person else ""
        if name and office:
            return f"{name}, {office}"
        if name and country:
            return f"{name} ({country})"
        return name or country


def date(value: PartialDate | None) -> str:
    return value.display() if value else ""


def short_date(value: PartialDate | None) -> str:
    """``Nov 2024`` / ``2024`` for chart labels."""
    if not value:
        return ""
    text = f"{MONTHS[value.month - 1][:3]} {value.year}" if value.month else str(value.year)
    return f"c. {text}" if value.approximate else text


def compact_date(value: PartialDate | None) -> str:
    """``10 Nov 2025`` / ``Nov 2025`` / ``2025`` for narrow table columns."""
    if not value:
        return ""
    text = short_date(value)
    if value.day:
        text = f"{value.day} {text}" if not value.approximate else f"c. {value.day} {text[3:]}"
    return text


def date_range(start: PartialDate | None, end: PartialDate | None) -> str:
    """``27–28 November 2024``, ``30 November – 2 December 2024``, ``2019 – 2021``."""
    if not (start and end) or end == start:
        return date(start or end)
    if start.approximate or end.approximate or not (start.day and end.day):
        return f"{start.display()} – {end.display()}"
    if start.year == end.year and start.month == end.month:
        return f"{start.day}–{end.display()}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} – {end.display()}"
    return f"{start.display()} – {end.display()}"


def ordinal(n: int | None) -> str:
    """``Fourth visit``."""
    word = record_labels.ordinal(n)
    return f"{word.capitalize()} visit" if word else ""
