"""What capture proposes: candidates for review, each with its evidence.

Every candidate says where it came from — the character span in the article text,
the sentence(s) around it, and the name of the rule that found it — so the review
window can highlight it and a user can see why it was proposed.  Nothing here is a
store record yet; :meth:`to_dict` gives the JSON the CLI prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from briefing.dates import PartialDate
from briefing.services.capture.article import Article

__all__ = [
    "EntityRef", "Candidate", "StatementCandidate", "AgreementCandidate",
    "VisitCandidate", "FigureCandidate", "DateMention", "ProposedPerson",
    "ProposedOrganisation", "Capture",
]


@dataclass(kw_only=True)
class EntityRef:
    """A person, organisation or country a candidate refers to.

    ``record_id`` is set when the name resolved to a record already in the store;
    ``new`` when it did not and capture proposes creating it (``key`` then names the
    :class:`ProposedPerson`/:class:`ProposedOrganisation` in the same capture).
    Countries carry their ISO ``code``."""

    name: str
    kind: str  # person | organisation | country
    record_id: int | None = None
    code: str | None = None
    new: bool = False
    key: str = ""
    mention: str = ""  # the words in the text ("Vucic", "the Kazakh president")

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(kw_only=True)
class Candidate:
    start: int  # span of the candidate in the article text
    end: int
    sentence: str  # the sentence(s) it came from
    rule: str  # the rule that found it
    date: PartialDate | None = None
    date_text: str = ""  # the words the date came from ("In November 2024")
    flags: list[str] = field(default_factory=list)  # "relative date", "no speaker" …

    KIND = ""

    def refs(self) -> list[EntityRef]:
        """The people, organisations and countries it refers to (speaker, guest, host,
        parties), in field order."""
        out: list[EntityRef] = []
        for value in vars(self).values():
            for ref in value if isinstance(value, list) else [value]:
                if isinstance(ref, EntityRef):
                    out.append(ref)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.KIND, **_plain(self)}


@dataclass(kw_only=True)
class StatementCandidate(Candidate):
    KIND = "statement"
    text: str
    statement_kind: str = "direct"  # direct | paraphrase
    speaker: EntityRef | None = None
    speaker_rule: str = ""  # how the speaker was found
    occasion: str = ""


@dataclass(kw_only=True)
class AgreementCandidate(Candidate):
    KIND = "agreement"
    title: str
    agreement_kind: str = "agreement"
    sector: str = ""
    status: str = "signed"  # signed | negotiating
    parties: list[EntityRef] = field(default_factory=list)
    place: str = ""


@dataclass(kw_only=True)
class VisitCandidate(Candidate):
    KIND = "visit"
    guest: EntityRef | None = None
    guest_country: str | None = None
    host_country: str | None = None
    host: EntityRef | None = None
    place: str = ""
    visit_kind: str = ""
    ordinal: int | None = None


@dataclass(kw_only=True)
class FigureCandidate(Candidate):
    KIND = "figure"
    metric: str
    value: float
    unit: str = ""
    qualifier: str = ""
    from_country: str | None = None
    to_country: str | None = None
    text: str = ""  # the words of the figure ("increased by more than 7%")


@dataclass(kw_only=True)
class DateMention:
    start: int
    end: int
    text: str
    date: PartialDate | None
    relative: bool = False
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(kw_only=True)
class ProposedPerson:
    """A person the article names who is not in the store (yet)."""

    key: str
    name: str
    aliases: list[str] = field(default_factory=list)  # other spellings in the text
    country: str | None = None
    office: str = ""
    mentions: int = 0
    first_start: int = 0

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(kw_only=True)
class ProposedOrganisation:
    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    first_start: int = 0

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(kw_only=True)
class Capture:
    """Everything capture proposes for one article, for review."""

    article: Article
    statements: list[StatementCandidate] = field(default_factory=list)
    agreements: list[AgreementCandidate] = field(default_factory=list)
    visits: list[VisitCandidate] = field(default_factory=list)
    figures: list[FigureCandidate] = field(default_factory=list)
    people: list[ProposedPerson] = field(default_factory=list)
    organisations: list[ProposedOrganisation] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)

    @property
    def quotes(self) -> list[StatementCandidate]:
        return [s for s in self.statements if s.statement_kind == "direct"]

    @property
    def paraphrases(self) -> list[StatementCandidate]:
        return [s for s in self.statements if s.statement_kind == "paraphrase"]

    def candidates(self) -> list[Candidate]:
        """All record candidates in text order."""
        out: list[Candidate] = [*self.statements, *self.agreements, *self.visits, *self.figures]
        return sorted(out, key=lambda c: (c.start, c.KIND))

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "statements": [c.to_dict() for c in self.statements],
            "agreements": [c.to_dict() for c in self.agreements],
            "visits": [c.to_dict() for c in self.visits],
            "figures": [c.to_dict() for c in self.figures],
            "people": [p.to_dict() for p in self.people],
            "organisations": [o.to_dict() for o in self.organisations],
            "dates": [d.to_dict() for d in self.dates],
        }


def _plain(obj: Any) -> Any:
    if isinstance(obj, PartialDate):
        return obj.iso
    if isinstance(obj, list):
        return [_plain(x) for x in obj]
    if hasattr(obj, "__dataclass_fields__"):
        return {f.name: _plain(getattr(obj, f.name)) for f in fields(obj)}
    return obj
