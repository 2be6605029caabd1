"""One-line descriptions of briefing items and their records, for the CLI and the
composer window (the dossier has its own, richer layout; figure values, holders and
guests read the same in both: :mod:`briefing.services.record_labels`)."""

from __future__ import annotations

from briefing.domain import (
    Agreement, AssembledItem, Figure, Kind, Organisation, Person, Record, Source, Stance,
    Statement, Visit,
)
from briefing.services.record_labels import affiliation, figure_value, stance_holder, visit_guest

REMOVED = "removed from the store"


def _date(d) -> str:
    return d.display() if d else ""


def describe(rec: Record, country_name=lambda c: c or "") -> str:
    """A short line saying what a record is: "Tokayev (c. November 2025): “We put …”"."""
    match rec:
        case Statement():
            when = f" ({_date(rec.date)})" if rec.date else ""
            text = rec.text if rec.statement_kind == "paraphrase" else f"\u201c{rec.text}\u201d"
            return f"{rec.speaker_name or 'Unknown speaker'}{when}: {text}"
        case Visit():
            who = visit_guest(rec, country_name)
            where = rec.place or country_name(rec.host_country)
            if rec.place and rec.host_country:
                where = f"{rec.place}, {country_name(rec.host_country)}"
            when = _date(rec.start) or "date unknown"
            return f"{when}: {who} visits {where}"
        case Agreement():
            bits = [x for x in (rec.status, _date(rec.signed)) if x]
            return f"{rec.title} [{', '.join(bits)}]" if bits else rec.title
        case Figure():
            head = ": ".join(x for x in (rec.metric, figure_value(rec)) if x)
            extra = ", ".join(x for x in (rec.period, _date(rec.as_of)) if x)
            return head + (f" ({extra})" if extra else "")
        case Stance():
            topic = f" on {rec.topic}" if rec.topic else ""
            return f"{stance_holder(rec, country_name)}{topic}: {rec.text}"
        case Person() | Organisation():
            extra = affiliation(rec, country_name)
            return f"{rec.name} ({extra})" if extra else rec.name
        case Source():
            bits = [x for x in (rec.outlet, _date(rec.published)) if x]
            title = rec.title or rec.url or "(untitled)"
            return f"{title}, {', '.join(bits)}" if bits else title
    return str(getattr(rec, "title", "") or getattr(rec, "name", "") or rec.kind.value)


def item_label(ai: AssembledItem, country_names: dict[str, str] | None = None) -> str:
    """What an item shows in a list: its record, its free text, or what was removed."""
    names = country_names or {}
    if ai.removed:
        kind = Kind(ai.item.ref_kind).label if ai.item.ref_kind else "Item"
        what = f": {ai.item.text}" if ai.item.text else ""
        return f"{kind}{what} ({REMOVED})"
    if ai.record is None:
        return ai.item.text
    return describe(ai.record, lambda c: names.get(c, c or ""))
