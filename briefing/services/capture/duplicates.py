"""Is a candidate already in the store?  Two ways to know.

**Natural keys** (the same lookups the CSV importer uses, ``briefing.store.lookups``):
a statement by the same speaker with the same folded text (same date, or either
undated); a visit by the same guest to the same host country on the same date; an
agreement with the same folded title and date whose parties overlap (a bare kind —
"Agreement", "Deal" — is not a title and never matches on its own); a figure with the
same metric, value, unit and date.

**Same source**: when the article itself is already a source in the store, the
records that cite it were taken from it (by hand or by an earlier capture), so a
candidate matches one of them more loosely — a statement by the same speaker of the
same kind sharing most of its words, a visit by the same guest to the same country,
an agreement sharing most words of its title and summary, a figure with the same
value and unit.  Each record is matched at most once, best match first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from briefing.domain import Agreement, Figure, Kind, Record, Statement, Visit
from briefing.fold import fold_key
from briefing.services.capture.candidates import AgreementCandidate, Candidate

__all__ = ["Match", "natural_match", "SourceMatcher", "MATCHED_KINDS", "words", "overlap"]

_STOP = set("""the a an and or of to in on for with by at from as is are was were be been
has have had that this these those it its his her their our we they he she will would
can could also not but which who whom than then there here into over about after before
during while such said says""".split())
_WORD = re.compile(r"[a-z0-9]+")
STATEMENT_OVERLAP = 0.5  # share of the shorter text's words both texts have
AGREEMENT_OVERLAP = 0.45


@dataclass(frozen=True)
class Match:
    kind: Kind
    record_id: int
    reason: str


def words(text: str) -> set[str]:
    """The folded content words of ``text`` (no short or very common words)."""
    return {w for w in _WORD.findall(fold_key(text or "")) if len(w) > 2 and w not in _STOP}


def overlap(a: set[str], b: set[str]) -> float:
    """Share of the smaller set's words that the other has (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _iso(date) -> str | None:
    return date.iso if date is not None else None


def _party_keys(record: Agreement) -> set[tuple[str, str]]:
    return {(p.party_kind, str(p.ref)) for p in record.parties}


def is_bare_title(candidate: AgreementCandidate) -> bool:
    return fold_key(candidate.title) == fold_key(candidate.agreement_kind)


def natural_match(store, candidate: Candidate, record: Record) -> Match | None:
    """The record ``record`` (built from ``candidate``) duplicates, by natural key."""
    match record:
        case Statement() if record.speaker_id not in (None, -1):
            rid = store.find_statement(record.speaker_id, _iso(record.date), record.text)
            if rid is not None:
                return Match(Kind.STATEMENT, rid, "same speaker and words")
        case Visit() if record.start is not None and record.host_country:
            guest = record.guest_id if record.guest_id != -1 else None
            if guest is None and not record.guest_country:
                return None
            rid = store.find_visit(guest, record.guest_country, record.host_country, record.start.iso)
            if rid is not None:
                return Match(Kind.VISIT, rid, "same guest, host country and date")
        case Agreement() if not is_bare_title(candidate):
            rid = store.find_agreement(record.title, _iso(record.signed))
            if rid is not None:
                existing = store.find(Kind.AGREEMENT, rid)
                mine, theirs = _party_keys(record), _party_keys(existing) if existing else set()
                if not mine or not theirs or mine & theirs:
                    return Match(Kind.AGREEMENT, rid, "same title" + (" and parties" if mine & theirs else ""))
        case Figure():
            rid = store.find_figure(record.metric, record.value, record.unit, _iso(record.as_of))
            if rid is not None:
                return Match(Kind.FIGURE, rid, "same metric, value and date")
    return None


MATCHED_KINDS = (Kind.STATEMENT, Kind.VISIT, Kind.AGREEMENT, Kind.FIGURE)


class SourceMatcher:
    """Matches candidates to the records that already cite the article's source
    (``records``: those of :data:`MATCHED_KINDS`, by kind)."""

    def __init__(self, records: dict[Kind, list[Record]]) -> None:
        self.records = records
        self.used: set[tuple[Kind, int]] = set()

    def claim(self, match: Match) -> None:
        self.used.add((match.kind, match.record_id))

    def best(self, pairs: list[tuple[Candidate, Record]]) -> dict[int, Match]:
        """``{index in pairs: match}``, best scores first, each record used once."""
        scored: list[tuple[float, int, Record]] = []
        for i, (candidate, record) in enumerate(pairs):
            for existing in self.records.get(record.kind, []):
                if (record.kind, existing.id) in self.used:
                    continue
                score = _SCORERS[record.kind](candidate, record, existing)
                if score > 0:
                    scored.append((score, i, existing))
        out: dict[int, Match] = {}
        for score, i, existing in sorted(scored, key=lambda t: (-t[0], t[1], t[2].id)):
            if i in out or (existing.kind, existing.id) in self.used:
                continue
            self.used.add((existing.kind, existing.id))
            out[i] = Match(existing.kind, existing.id,
                           f"already taken from this article, {round(min(score, 1.0) * 100)}% alike")
        return out


def _statement(candidate, record: Statement, existing: Statement) -> float:
    if record.speaker_id in (None, -1) or record.speaker_id != existing.speaker_id:
        return 0.0
    if record.statement_kind != existing.statement_kind:
        return 0.0
    score = overlap(words(record.text), words(existing.text))
    return score if score >= STATEMENT_OVERLAP else 0.0


def _visit(candidate, record: Visit, existing: Visit) -> float:
    if record.host_country != existing.host_country:
        return 0.0
    if record.guest_id not in (None, -1):
        same = record.guest_id == existing.guest_id
    else:
        same = bool(record.guest_country) and record.guest_country == existing.guest_country
    if not same:
        return 0.0
    if record.start is not None and existing.start is not None \
            and not (existing.start.iso.startswith(record.start.iso)
                     or record.start.iso.startswith(existing.start.iso)):
        return 0.0  # the article tells of two visits at different times
    return 1.0


def _agreement(candidate, record: Agreement, existing: Agreement) -> float:
    mine = words(f"{record.title} {record.summary}")
    theirs = words(f"{existing.title} {existing.summary}")
    score = overlap(mine, theirs)
    if fold_key(record.title) == fold_key(existing.title):
        score = max(score, 1.0)
    shared = _party_keys(record) & _party_keys(existing)
    if any(kind == "organisation" for kind, _ in shared):
        score += 0.1
    return score if score >= AGREEMENT_OVERLAP else 0.0


def _figure(candidate, record: Figure, existing: Figure) -> float:
    if record.value != existing.value or record.unit != existing.unit:
        return 0.0
    return 0.5 + 0.5 * overlap(words(record.metric), words(existing.metric))


_SCORERS: dict[Kind, Callable[[Candidate, Record, Record], float]] = {
    Kind.STATEMENT: _statement, Kind.VISIT: _visit, Kind.AGREEMENT: _agreement,
    Kind.FIGURE: _figure,
}
