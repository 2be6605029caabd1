"""Plain records and enums shared by every layer (no Qt, no SQL).

Records read from the store carry a few *display* fields (``speaker_name``,
``guest_name`` …) filled in by the store for convenience; they are ignored on write.
Dates are :class:`~briefing.dates.PartialDate` or ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum

from briefing.dates import PartialDate

__all__ = [
    "Kind", "Section", "VisitKind", "AgreementStatus", "StatementKind", "PartyRole",
    "Classification", "BriefingStatus", "Record", "Country", "Office", "Person",
    "Organisation", "Source", "Visit", "Party", "Agreement", "Statement", "Figure",
    "Stance", "Briefing", "BriefingItem", "AssembledItem", "AssembledSection",
    "AssembledBriefing", "Change", "RECORD_KINDS", "DISPLAY_FIELDS", "LINKED_FIELDS", "PartialDate",
]


class Kind(StrEnum):
    """The record kinds the store keeps (value = the word users type: ``--kind statement``)."""

    STATEMENT = "statement"
    VISIT = "visit"
    AGREEMENT = "agreement"
    PERSON = "person"
    ORGANISATION = "organisation"
    SOURCE = "source"
    FIGURE = "figure"
    STANCE = "stance"
    BRIEFING = "briefing"

    @property
    def plural(self) -> str:
        return {"person": "people"}.get(self.value, self.value + "s")

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @classmethod
    def parse(cls, text: str) -> "Kind":
        """Accept ``statement``, ``statements``, ``people``, ``organization`` …"""
        t = (text or "").strip().lower().replace("organization", "organisation")
        for k in cls:
            if t in (k.value, k.plural):
                return k
        choices = ", ".join(k.value for k in cls)
        raise ValueError(f"unknown record kind '{text}' (choose from {choices})")


class Section(StrEnum):
    """The sections of a briefing, in their default order."""

    TALKING_POINTS = "talking_points"
    PROFILE = "profile"
    FIGURES = "figures"
    VISITS = "visits"
    AGREEMENTS = "agreements"
    STATEMENTS = "statements"
    SENSITIVITIES = "sensitivities"
    SOURCES = "sources"

    @property
    def title(self) -> str:
        return {
            "talking_points": "Summary and talking points",
            "profile": "Counterpart profile",
            "figures": "Relations at a glance",
            "visits": "History of visits",
            "agreements": "Agreements",
            "statements": "Statements",
            "sensitivities": "Sensitivities",
            "sources": "Sources",
        }[self.value]


class VisitKind(StrEnum):
    STATE = "state"
    OFFICIAL = "official"
    WORKING = "working"
    PRIVATE = "private"
    TRANSIT = "transit"
    OTHER = "other"


class AgreementStatus(StrEnum):
    NEGOTIATING = "negotiating"
    SIGNED = "signed"
    IN_FORCE = "in force"
    TERMINATED = "terminated"


class StatementKind(StrEnum):
    DIRECT = "direct"
    PARAPHRASE = "paraphrase"


class PartyRole(StrEnum):
    PARTY = "party"
    SIGNATORY = "signatory"
    WITNESS = "witness"
    NEGOTIATOR = "negotiator"


class Classification(StrEnum):
    UNCLASSIFIED = "UNCLASSIFIED"
    RESTRICTED = "RESTRICTED"
    CONFIDENTIAL = "CONFIDENTIAL"
    SECRET = "SECRET"


class BriefingStatus(StrEnum):
    DRAFT = "draft"
    FINAL = "final"


# --------------------------------------------------------------------------- records
@dataclass(kw_only=True)
class Record:
    """Fields every record has.  ``id`` is ``None`` until stored."""

    id: int | None = None
    uuid: str = ""
    notes: str = ""
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None
    source_ids: list[int] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)

    KIND = None  # set on subclasses: the Kind this record is

    @property
    def kind(self) -> Kind:
        return type(self).KIND

    def data_fields(self) -> list[str]:
        """Field names that belong to this kind (not the common bookkeeping)."""
        common = {f.name for f in fields(Record)}
        return [f.name for f in fields(self) if f.name not in common]

    @classmethod
    def date_fields(cls) -> tuple[str, ...]:
        """Names of the fields that hold a :class:`PartialDate`."""
        return tuple(f.name for f in fields(cls) if "PartialDate" in str(f.type))


@dataclass(kw_only=True)
class Country:
    """ISO 3166-1 country (plus ``XK`` Kosovo and former countries from ISO 3166-3)."""

    code: str
    name: str
    alpha3: str = ""
    official_name: str = ""
    former: bool = False
    aliases: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Office:
    """A post a person held: "President of Kazakhstan", 2019 – ."""

    title: str
    country: str | None = None
    organisation_id: int | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    organisation_name: str = ""  # display


@dataclass(kw_only=True)
class Person(Record):
    KIND = Kind.PERSON
    name: str = ""
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    office: str = ""  # current office, free text
    offices: list[Office] = field(default_factory=list)


@dataclass(kw_only=True)
class Organisation(Record):
    KIND = Kind.ORGANISATION
    name: str = ""
    aliases: list[str] = field(default_factory=list)
    org_kind: str = ""  # ministry, company, fund, agency, media, …
    country: str | None = None


@dataclass(kw_only=True)
class Source(Record):
    KIND = Kind.SOURCE
    title: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    published: PartialDate | None = None
    language: str = ""
    text: str = ""
    sha256: str = ""


@dataclass(kw_only=True)
class Visit(Record):
    KIND = Kind.VISIT
    guest_id: int | None = None
    guest_country: str | None = None
    host_country: str | None = None
    host_id: int | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    place: str = ""
    visit_kind: str = ""  # VisitKind value or free text
    purpose: str = ""
    ordinal: int | None = None  # "fourth visit" -> 4
    guest_name: str = ""  # display
    host_name: str = ""  # display


@dataclass(kw_only=True)
class Party:
    """One party to an agreement: a country (``ref`` = ISO code), an organisation or a
    person (``ref`` = record id)."""

    party_kind: str  # "country" | "organisation" | "person"
    ref: str | int
    role: str = PartyRole.PARTY.value
    name: str = ""  # display


@dataclass(kw_only=True)
class Agreement(Record):
    KIND = Kind.AGREEMENT
    title: str = ""
    agreement_kind: str = ""  # treaty, MoU, framework agreement, contract, …
    sector: str = ""
    status: str = AgreementStatus.SIGNED.value
    signed: PartialDate | None = None
    in_force: PartialDate | None = None
    place: str = ""
    visit_id: int | None = None
    summary: str = ""
    parties: list[Party] = field(default_factory=list)


@dataclass(kw_only=True)
class Statement(Record):
    KIND = Kind.STATEMENT
    speaker_id: int | None = None
    date: PartialDate | None = None
    text: str = ""
    statement_kind: str = StatementKind.DIRECT.value
    language: str = ""
    occasion_visit_id: int | None = None
    occasion: str = ""  # free-text occasion ("EU Enlargement Summit")
    context: str = ""
    speaker_name: str = ""  # display
    speaker_country: str | None = None  # display (the speaker's country)


@dataclass(kw_only=True)
class Figure(Record):
    KIND = Kind.FIGURE
    metric: str = ""
    value: float | None = None
    unit: str = ""
    qualifier: str = ""  # "more than", "as much as", "about"
    from_country: str | None = None
    to_country: str | None = None
    period: str = ""
    as_of: PartialDate | None = None


@dataclass(kw_only=True)
class Stance(Record):
    KIND = Kind.STANCE
    holder_country: str | None = None
    holder_person_id: int | None = None
    topic: str = ""
    text: str = ""
    holder_name: str = ""  # display


@dataclass(kw_only=True)
class BriefingItem:
    id: int | None = None
    briefing_id: int | None = None
    section: str = Section.TALKING_POINTS.value
    position: int = 0
    ref_kind: str | None = None  # a Kind value, or None for free text
    ref_id: int | None = None
    text: str = ""  # free text (talking point, note)
    annotation: str = ""
    included: bool = True
    reason: str = ""  # why the composer suggested it


@dataclass(kw_only=True)
class Briefing(Record):
    KIND = Kind.BRIEFING
    title: str = ""
    counterpart_country: str | None = None
    counterpart_person_id: int | None = None
    our_country: str | None = None
    date: PartialDate | None = None
    place: str = ""
    purpose: str = ""
    classification: str = Classification.RESTRICTED.value
    author: str = ""
    status: str = BriefingStatus.DRAFT.value
    items: list[BriefingItem] = field(default_factory=list)
    counterpart_name: str = ""  # display


# Fields a record read from the store carries besides its own columns: the names shown
# beside an id (filled in on reading, ignored on writing) ...
DISPLAY_FIELDS = frozenset({
    "speaker_name", "speaker_country", "guest_name", "host_name", "holder_name",
    "counterpart_name",
})
# ... and the lists kept in tables of their own (written and read with the record).
LINKED_FIELDS = frozenset({"aliases", "offices", "parties", "items"})

RECORD_KINDS: dict[Kind, type[Record]] = {
    Kind.STATEMENT: Statement,
    Kind.VISIT: Visit,
    Kind.AGREEMENT: Agreement,
    Kind.PERSON: Person,
    Kind.ORGANISATION: Organisation,
    Kind.SOURCE: Source,
    Kind.FIGURE: Figure,
    Kind.STANCE: Stance,
    Kind.BRIEFING: Briefing,
}


# ------------------------------------------------------------------ assembled briefing
@dataclass(kw_only=True)
class AssembledItem:
    """One item of a briefing with its record already read from the store.

    ``record`` is ``None`` for free text, and for a reference whose record was
    deleted (then ``removed`` is true and ``text`` says what it was, if known)."""

    item: BriefingItem
    record: Record | None = None
    removed: bool = False
    source_numbers: list[int] = field(default_factory=list)  # 1-based, into sources


@dataclass(kw_only=True)
class AssembledSection:
    section: Section
    items: list[AssembledItem] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.section.title


@dataclass(kw_only=True)
class AssembledBriefing:
    """Everything the dossier renderer needs; it never reads the store itself."""

    briefing: Briefing
    sections: list[AssembledSection] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)  # numbered 1..n in this order
    country_names: dict[str, str] = field(default_factory=dict)  # code -> name
    counterpart: Person | None = None
    prepared: PartialDate | None = None  # date prepared (fixed, for reproducible output)


# ------------------------------------------------------------------------- changes
@dataclass(frozen=True)
class Change:
    """The one change notice the store emits after a committed write."""

    kind: str  # a Kind value, "country", or "*" for "reload everything"
    ids: tuple[int, ...] = ()
    action: str = "update"  # insert | update | trash | restore | purge | import
