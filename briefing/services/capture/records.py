"""Candidates as store records: what accepting a candidate would write.

:func:`to_record` turns a candidate into the :class:`~briefing.domain.Record` it
stands for, given how its people and organisations resolve (``ids``: a function from
an :class:`EntityRef` to a record id, or ``None`` when it has none yet).  Nothing is
invented: an undated candidate gives an undated record (and a visit, which needs a
start date, then has a problem to show rather than a guessed date).
"""

from __future__ import annotations

from collections.abc import Callable

from briefing.domain import Agreement, Figure, Kind, Party, Record, Statement, Visit
from briefing.services.capture.article import Article
from briefing.services.capture.candidates import (
    AgreementCandidate,
    Candidate,
    EntityRef,
    FigureCandidate,
    StatementCandidate,
    VisitCandidate,
)
from briefing.validation import problems as record_problems

__all__ = ["KIND_OF", "kind_of", "to_record", "problems", "NEW_ID"]

Ids = Callable[[EntityRef], "int | None"]
NEW_ID = -1  # stands for "a record accepting will create" when checking for problems
CONTEXT_LIMIT = 600  # characters of the sentence kept as a statement's context

KIND_OF: dict[str, Kind] = {"statement": Kind.STATEMENT, "visit": Kind.VISIT,
                            "agreement": Kind.AGREEMENT, "figure": Kind.FIGURE}


def kind_of(candidate: Candidate) -> Kind:
    return KIND_OF[candidate.KIND]


def _person_id(ref: EntityRef | None, ids: Ids) -> int | None:
    if ref is None or ref.kind != "person":
        return None
    return ids(ref)


def to_record(candidate: Candidate, article: Article, ids: Ids) -> Record:
    """The record ``candidate`` stands for (no id, no sources yet)."""
    match candidate:
        case StatementCandidate():
            c = candidate
            context = c.sentence.strip() if c.sentence.strip() != c.text.strip() else ""
            if len(context) > CONTEXT_LIMIT:
                context = context[:CONTEXT_LIMIT - 1].rsplit(" ", 1)[0] + "…"
            return Statement(speaker_id=_person_id(c.speaker, ids), date=c.date, text=c.text.strip(),
                             statement_kind=c.statement_kind, language=article.language,
                             occasion=c.occasion, context=context)
        case VisitCandidate():
            c = candidate
            return Visit(guest_id=_person_id(c.guest, ids), guest_country=c.guest_country,
                         host_country=c.host_country, host_id=_person_id(c.host, ids),
                         start=c.date, place=c.place, visit_kind=c.visit_kind, ordinal=c.ordinal)
        case AgreementCandidate():
            c = candidate
            return Agreement(title=c.title.strip(), agreement_kind=c.agreement_kind, sector=c.sector,
                             status=c.status, signed=c.date if c.status != "negotiating" else None,
                             place=c.place, summary=c.sentence.strip(),
                             parties=_parties(c.parties, ids))
        case FigureCandidate():
            c = candidate
            return Figure(metric=c.metric.strip(), value=c.value, unit=c.unit, qualifier=c.qualifier,
                          from_country=c.from_country, to_country=c.to_country, as_of=c.date)
    raise TypeError(f"not a record candidate: {type(candidate).__name__}")


def _parties(refs: list[EntityRef], ids: Ids) -> list[Party]:
    out: list[Party] = []
    seen: set[tuple[str, str | int]] = set()
    for ref in refs:
        if ref.kind == "country":
            key: tuple[str, str | int] | None = ("country", ref.code) if ref.code else None
        else:
            rid = ids(ref)
            key = (ref.kind, rid) if rid is not None else None
        if key is None or key in seen:
            continue
        seen.add(key)
        out.append(Party(party_kind=key[0], ref=key[1], name=ref.name))
    return out


def problems(candidate: Candidate, record: Record) -> list[str]:
    """What keeps ``candidate`` (as ``record``, from :func:`to_record`) from being
    stored, in words a reviewer understands (empty when it can be accepted as it is)."""
    out: list[str] = []
    speaker = candidate.speaker if isinstance(candidate, StatementCandidate) else None
    if speaker is not None and speaker.kind != "person":
        out.append(f"the speaker '{speaker.name}' is {_a(speaker.kind)}, not a person")
    for text in record_problems(record):
        if text == "start date is required" and candidate.date_text:
            text = f"a visit needs a start date (the article only says '{candidate.date_text}')"
        elif text == "start date is required":
            text = "a visit needs a start date (the article gives none)"
        elif text == "speaker is required" and out:
            continue
        elif text == "speaker is required":
            text = "no speaker: say who said it"
        out.append(text)
    return out


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"
