"""One-line descriptions of briefing items and their records, for the CLI and the
composer window (the dossier has its own, richer layout)."""

from __future__ import annotations

from briefing.domain import (
    Agreement, AssembledItem, Figure, Kind, Organisation, Person, Record, Source, Stance,
    Statement, Visit,
)

REMOVED = "removed from the store"


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


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
            who = rec.guest_name or country_name(rec.guest_country)
            where = rec.place or country_name(rec.host_country)
            if rec.place and rec.host_country:
                where = f"{rec.place}, {country_name(rec.host_country)}"
            when = _date(rec.start) or "date unknown"
            return f"{when}: {who} visits {where}"
        case Agreement():
            bits = [x for x in (rec.status, _date(rec.signed)) if x]
            return f"{rec.title} [{', '.join(bits)}]" if bits else rec.title
        case Figure():
            value = " ".join(x for x in (rec.qualifier, _num(rec.value)) if x)
            unit = rec.unit if rec.unit in ("%",) else f" {rec.unit}" if rec.unit else ""
            extra = ", ".join(x for x in (rec.period, _date(rec.as_of)) if x)
            return f"{rec.metric}: {value}{unit}" + (f" ({extra})" if extra else "")
        case Stance():
            holder = rec.holder_name or country_name(rec.holder_country)
            topic = f" on {rec.topic}" if rec.topic else ""
            return f"{holder}{topic}: {rec.text}"
        case Person():
            extra = ", ".join(x for x in (rec.office, country_name(rec.country)) if x)
            return f"{rec.name} ({extra})" if extra else rec.name
        case Organisation():
            extra = ", ".join(x for x in (rec.org_kind, country_name(rec.country)) if x)
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
