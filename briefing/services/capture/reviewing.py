"""Review: what of a capture is new, what the store already holds, what is missing.

    result = review(store, capture)
    result.source_id            # the article is already a source (same sha256, else URL)
    v = result.verdict(candidate)
    v.status                    # "new" | "duplicate" | "incomplete"
    v.existing_id, v.reason     # the record it duplicates, and why
    v.problems                  # what it lacks ("no speaker: say who said it")
    result.people               # proposed person key -> existing person id (or None: new)

Names resolve to existing people and organisations by name or alias (any script,
folded; see :mod:`.resolving`); ``people_map`` (key → id) overrides that, as a
reviewer choosing "this is the Vučić we already have" would.  A name several stored
records have is a problem to solve, never a new namesake.  Nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefing.domain import Agreement, Figure, Kind, Record, Visit
from briefing.services.capture.candidates import Candidate, Capture, EntityRef
from briefing.services.capture.duplicates import MATCHED_KINDS, Match, SourceMatcher, natural_match
from briefing.services.capture.records import kind_of, problems, to_record
from briefing.services.capture.resolving import EntityResolver, linked_to_source

__all__ = ["Verdict", "Review", "review", "EntityResolver"]


@dataclass
class Verdict:
    """What review says about one candidate."""

    candidate: Candidate
    kind: Kind
    existing_id: int | None = None  # the stored record it duplicates
    reason: str = ""  # why it is a duplicate
    problems: list[str] = field(default_factory=list)  # what keeps it from being stored

    @property
    def duplicate(self) -> bool:
        return self.existing_id is not None

    @property
    def status(self) -> str:
        if self.duplicate:
            return "duplicate"
        return "incomplete" if self.problems else "new"

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "existing_id": self.existing_id,
                "existing_kind": self.kind.value if self.duplicate else None,
                "reason": self.reason, "problems": list(self.problems)}


@dataclass
class Review:
    capture: Capture
    source_id: int | None = None  # the article's source, when the store has it already
    source_reason: str = ""
    verdicts: list[Verdict] = field(default_factory=list)  # in capture.candidates() order
    people: dict[str, int | None] = field(default_factory=dict)  # proposed key -> person id
    organisations: dict[str, int | None] = field(default_factory=dict)
    ambiguous: dict[str, list[int]] = field(default_factory=dict)  # proposed key -> namesakes
    resolver: EntityResolver | None = field(default=None, repr=False)  # what accept uses

    def verdict(self, candidate: Candidate) -> Verdict:
        index = self.__dict__.get("_index")
        if index is None or len(index) != len(self.verdicts):
            index = self.__dict__["_index"] = {id(v.candidate): v for v in self.verdicts}
        v = index.get(id(candidate))
        if v is None or v.candidate is not candidate:
            raise KeyError("this candidate is not part of the reviewed capture")
        return v

    def is_new(self, ref: EntityRef) -> bool:
        """Would accepting create this person/organisation (nobody in the store is it)?"""
        if ref.kind not in ("person", "organisation") or ref.record_id is not None:
            return False
        table = self.people if ref.kind == "person" else self.organisations
        if ref.key in table:
            return table[ref.key] is None and ref.key not in self.ambiguous
        return ref.new

    def count(self, status: str) -> int:
        return sum(1 for v in self.verdicts if v.status == status)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": {"existing_id": self.source_id, "reason": self.source_reason},
            "candidates": [{**v.candidate.to_dict(), "review": v.to_dict()} for v in self.verdicts],
            "people": [{**p.to_dict(), "existing_id": self.people.get(p.key),
                        "namesakes": self.ambiguous.get(p.key, [])} for p in self.capture.people],
            "organisations": [{**o.to_dict(), "existing_id": self.organisations.get(o.key),
                               "namesakes": self.ambiguous.get(o.key, [])}
                              for o in self.capture.organisations],
        }


def review(store, capture: Capture, *, people_map: dict[str, int | None] | None = None) -> Review:
    """Mark each candidate new, duplicate or incomplete against ``store`` (no writes)."""
    article = capture.article
    out = Review(capture=capture)
    if article.sha256 and (sid := store.find_source(sha256=article.sha256)) is not None:
        out.source_id, out.source_reason = sid, "the same text"
    elif article.url and (sid := store.find_source(url=article.url)) is not None:
        out.source_id, out.source_reason = sid, "the same URL"
    # the records already taken from this article, read once for both uses below
    citing = store.records_citing(out.source_id) if out.source_id is not None else {}
    cited = {Kind(k): store.get_many(Kind(k), ids) for k, ids in citing.items()
             if Kind(k) in MATCHED_KINDS}
    resolver = EntityResolver(store, capture, people_map, linked_to_source(citing, cited))
    out.resolver = resolver
    for items, kind, table in ((capture.people, "person", out.people),
                               (capture.organisations, "organisation", out.organisations)):
        for p in items:
            ref = EntityRef(name=p.name, kind=kind, new=True, key=p.key)
            table[p.key] = resolver.existing(ref)
            if namesakes := resolver.ambiguous(ref):
                out.ambiguous[p.key] = namesakes
    candidates = capture.candidates()
    records = [to_record(c, article, resolver.ids) for c in candidates]
    matches: dict[int, Match] = {}
    for i, (c, r) in enumerate(zip(candidates, records)):
        if (m := natural_match(store, c, r)) is not None:
            matches[i] = m
    if out.source_id is not None:
        same = SourceMatcher(cited)
        for m in matches.values():
            same.claim(m)
        rest = [i for i in range(len(candidates)) if i not in matches]
        found = same.best([(candidates[i], records[i]) for i in rest])
        for j, m in found.items():
            matches[rest[j]] = m
    for i, c in enumerate(candidates):
        v = Verdict(candidate=c, kind=kind_of(c))
        if (m := matches.get(i)) is not None:
            v.existing_id, v.reason = m.record_id, m.reason
        v.problems = _ambiguities(c, resolver) or problems(c, records[i])
        v.problems += _unknown_countries(store, records[i])
        out.verdicts.append(v)
    return out


def _unknown_countries(store, record: Record) -> list[str]:
    """Country codes the store does not know (e.g. typed in by hand while reviewing)."""
    match record:
        case Visit():
            codes = [record.guest_country, record.host_country]
        case Figure():
            codes = [record.from_country, record.to_country]
        case Agreement():
            codes = [p.ref for p in record.parties if p.party_kind == "country"]
        case _:
            codes = []
    out = []
    for code in codes:
        found = store.country(str(code)) if code else None
        if code and (found is None or found.code != code):
            out.append(f"unknown country '{code}'")
    return out


def _ambiguities(c: Candidate, resolver: EntityResolver) -> list[str]:
    """"3 people are called 'Aleksandar Vučić'": the reviewer must say which."""
    out = []
    for ref in c.refs():
        if namesakes := resolver.ambiguous(ref):
            noun = "people" if ref.kind == "person" else "organisations"
            out.append(f"{len(namesakes)} {noun} are called '{ref.name}': choose which one")
    return out
