"""What makes a record complete enough to store.  Pure; used by the store (which
refuses incomplete records), the importer and the GUI's forms (which show the same
messages next to the fields)."""

from __future__ import annotations

from briefing.domain import (
    Agreement, AgreementStatus, Briefing, Figure, Organisation, Person, Record, Source,
    Stance, Statement, StatementKind, Visit,
)


def problems(record: Record) -> list[str]:
    """Plain-language problems with ``record``; empty when it can be stored."""
    out: list[str] = []

    def need(value, label: str) -> None:
        if value is None or (isinstance(value, str) and not value.strip()):
            out.append(f"{label} is required")

    match record:
        case Person():
            need(record.name, "name")
        case Organisation():
            need(record.name, "name")
        case Source():
            if not (record.title.strip() or record.url.strip() or record.text.strip()):
                out.append("a source needs a title, a URL or its text")
        case Visit():
            need(record.start, "start date")
            if record.guest_id is None and not record.guest_country:
                out.append("guest or guest country is required")
            need(record.host_country, "host country")
            if record.start and record.end and record.end < record.start:
                out.append("the visit ends before it starts")
            if record.ordinal is not None and record.ordinal < 1:
                out.append("ordinal must be 1 or more")
        case Agreement():
            need(record.title, "title")
            if record.status and record.status not in {s.value for s in AgreementStatus}:
                choices = ", ".join(s.value for s in AgreementStatus)
                out.append(f"status '{record.status}' is not one of: {choices}")
        case Statement():
            need(record.text, "text")
            need(record.speaker_id, "speaker")
            if record.statement_kind not in {k.value for k in StatementKind}:
                out.append(f"kind '{record.statement_kind}' is not 'direct' or 'paraphrase'")
        case Figure():
            need(record.metric, "metric")
            if record.value is None:
                out.append("value is required")
        case Stance():
            need(record.text, "text")
            if not record.holder_country and record.holder_person_id is None:
                out.append("holder (a country or a person) is required")
        case Briefing():
            need(record.title, "title")
    return out
