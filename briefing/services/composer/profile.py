"""The counterpart profile: a short text written from the person's offices and past
visits (the person record itself goes in the profile section beside it)."""

from __future__ import annotations

from briefing.dates import PartialDate
from briefing.domain import Kind, Person, Visit
from briefing.services.record_labels import ordinal, visit_guest
from briefing.store import composer_queries as q

PROFILE_REASON = "generated from the counterpart's offices and visits"
PROFILE_VISITS = 8  # the most recent visits spelled out; earlier ones are counted


def _when(d: PartialDate | None) -> str:
    return d.display() if d else "date unknown"


def _office_text(person: Person) -> str:
    parts = []
    for o in person.offices:
        where = o.organisation_name or ""
        title = o.title + (f", {where}" if where and where not in o.title else "")
        if o.start and o.end:
            title += f" ({o.start.display()} – {o.end.display()})"
        elif o.start:
            title += f" (since {o.start.display()})"
        elif o.end:
            title += f" (until {o.end.display()})"
        parts.append(title)
    if len(parts) < 2:
        return ""  # the person's one office is shown with the person already
    return "Career: " + "; ".join(parts) + "."


def _visit_line(store, person: Person, v: Visit) -> str:
    when = _when(v.start)
    where = v.place or store.country_name(v.host_country)
    if v.guest_id == person.id:
        text = f"{when}: visited {store.country_name(v.host_country)}"
        if v.place:
            text += f" ({v.place})"
        if v.host_name:
            text += f", hosted by {v.host_name}"
    else:
        text = f"{when}: hosted {visit_guest(v, store.country_name)} in {where}"
    extra = []
    if v.visit_kind:
        extra.append(f"{v.visit_kind} visit")
    if v.ordinal:
        guest = visit_guest(v, store.country_name)
        who = f"{guest}'s" if guest else "the guest's"
        extra.append(f"{who} {ordinal(v.ordinal)} visit")
    if extra:
        text += " — " + ", ".join(extra)
    return text


def profile_text(store, person: Person | None) -> str:
    """"Career: …" (when there is more than one office) and "Visits: …" for the
    counterpart, oldest first; empty when there is nothing to say."""
    if person is None:
        return ""
    facts = q.visits_involving(store, [], [person.id])
    visits = store.get_many(Kind.VISIT, [f.id for f in facts])
    lines = []
    offices = _office_text(person)
    if offices:
        lines.append(offices)
    if visits:
        shown = visits[-PROFILE_VISITS:]
        text = "; ".join(_visit_line(store, person, v) for v in shown)
        if len(visits) > len(shown):
            lines.append("Latest visits (earlier ones on the Timeline): " + text + ".")
        else:
            lines.append("Visits: " + text + ".")
    return "\n".join(lines)
