"""One candidate record for a briefing (:class:`Suggestion`), and the numbers that
tune the ranking: the weight of each reason and how much of each kind the default
draft takes."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.dates import PartialDate
from briefing.domain import AgreementStatus, Kind, Section

# weights of the reasons
W_PERSON = 6.0  # involves the counterpart person
W_COUNTERPART = 4.0  # involves the counterpart country
W_OURS = 2.0  # involves our country
W_BETWEEN = 2.0  # involves both countries
W_OCCASION = 3.0  # said during a visit between the two countries
W_PURPOSE_TOPIC = 1.5  # shares a topic with the purpose (each)
W_MEETING_TOPIC = 0.5  # shares a topic with the counterpart's records (each)
W_RECENCY = 1.0  # at most, for a record of the meeting's date

# how much of each kind the default draft takes
COUNTERPART_STATEMENTS = 5
OUR_STATEMENTS = 5
DRAFT_AGREEMENTS = 40  # "all agreements between the two" — up to this many, by status then newest
DRAFT_VISITS = 30  # the most recent visits both ways, shown in date order
DRAFT_STANCES = 12
STATEMENT_WINDOWS = (1, 3, None)  # years back from the meeting: widen until enough are found

KIND_ORDER = {k: i for i, k in enumerate(Kind)}
SECTION_ORDER = {sec: i for i, sec in enumerate(Section)}
STATUS_ORDER = {s.value: i for i, s in enumerate(
    (AgreementStatus.IN_FORCE, AgreementStatus.SIGNED, AgreementStatus.NEGOTIATING,
     AgreementStatus.TERMINATED))}


@dataclass
class Suggestion:
    """One candidate record for a briefing."""

    kind: Kind
    record_id: int
    section: Section
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    default: bool = False  # taken by the default draft
    date: PartialDate | None = None
    title: str = ""
    order: tuple = ()  # place in its section in the draft
    topics: list[str] = field(default_factory=list)

    @property
    def ref(self) -> str:
        return f"{self.kind.value}:{self.record_id}"

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)

    def because(self, reason: str, weight: float) -> None:
        if reason not in self.reasons:
            self.reasons.append(reason)
            self.score += weight


def newer_first(s: Suggestion) -> tuple:
    """Sort key: dated suggestions newest first, undated last."""
    return (tuple(-x for x in s.date.sort_key()) if s.date else (1, 0, 0),)
