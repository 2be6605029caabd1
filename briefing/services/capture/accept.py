"""Accepting reviewed candidates: they become records linked to the article.

    result = accept(store, capture, chosen, people_map={"person:vucic": 4})
    result.source_id                 # the article as a source (reused when already stored)
    result.added[Kind.STATEMENT]     # ids of the new records, by kind
    result.records                   # (candidate, kind, id): what each accepted one became
    result.duplicates                # (candidate, kind, existing id): not added again
    result.skipped                   # (candidate, problems): could not be stored as it is

Everything happens in one ``store.transaction()``: the source (the whole text, title,
outlet, date, URL, sha256) is reused when the store has the same text (or URL), else
added with the first record; only the proposed people and organisations that accepted candidates refer to
are created (or mapped to existing ones: by ``people_map``, by name or alias; a key
mapped to ``None`` is created even if namesakes exist); each
record cites the source.  Candidates the store already holds are skipped, so
accepting the same article twice adds nothing the second time.  Candidates that
lack something a record needs (a speaker, a visit's start date) are skipped and
reported, never guessed.  Only what the caller chose is stored: nothing without review.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from briefing.domain import Kind, Organisation, Person
from briefing.services.capture.candidates import Candidate, Capture, EntityRef
from briefing.services.capture.duplicates import natural_match
from briefing.services.capture.labels import label
from briefing.services.capture.records import kind_of, to_record
from briefing.services.capture.resolving import EntityResolver
from briefing.services.capture.reviewing import Review, review

__all__ = ["accept", "AcceptResult"]


@dataclass
class AcceptResult:
    source_id: int | None  # None when nothing was added and the store lacks the article
    source_added: bool = False
    added: dict[Kind, list[int]] = field(default_factory=dict)
    records: list[tuple[Candidate, Kind, int]] = field(default_factory=list)  # what each became
    duplicates: list[tuple[Candidate, Kind, int]] = field(default_factory=list)
    skipped: list[tuple[Candidate, list[str]]] = field(default_factory=list)

    @property
    def total_added(self) -> int:
        """Records added, the source and new people/organisations included."""
        return sum(len(ids) for ids in self.added.values())

    def summary(self) -> str:
        """One line: "added 5 statements, 3 people; 2 already in the store; 1 skipped"."""
        parts = [f"{len(ids)} {k.value if len(ids) == 1 else k.plural}"
                 for k, ids in self.added.items() if ids]
        text = "added " + ", ".join(parts) if parts else "added nothing"
        if self.duplicates:
            text += f"; {len(self.duplicates)} already in the store"
        if self.skipped:
            text += f"; {len(self.skipped)} skipped"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "source_id": self.source_id, "source_added": self.source_added,
            "added": {k.value: ids for k, ids in self.added.items()},
            "duplicates": [{"kind": k.value, "existing_id": rid, "text": label(c)}
                           for c, k, rid in self.duplicates],
            "skipped": [{"kind": c.KIND, "text": label(c), "problems": p} for c, p in self.skipped],
            "summary": self.summary(),
        }


def accept(store, capture: Capture, chosen: Iterable[Candidate], *,
           people_map: dict[str, int | None] | None = None) -> AcceptResult:
    """Store the ``chosen`` candidates of ``capture`` (see the module docstring)."""
    chosen_ids = {id(c) for c in chosen}
    with store.transaction():
        checked = review(store, capture, people_map=people_map)
        writer = _Writer(store, capture, checked)
        for verdict in checked.verdicts:
            c = verdict.candidate
            if id(c) not in chosen_ids:
                continue
            if verdict.duplicate:
                writer.result.duplicates.append((c, verdict.kind, verdict.existing_id))
            elif verdict.problems:
                writer.result.skipped.append((c, list(verdict.problems)))
            else:
                writer.add(c)
    return writer.result


class _Writer:
    def __init__(self, store, capture: Capture, checked: Review) -> None:
        self.store = store
        self.capture = capture
        self.resolver: EntityResolver = checked.resolver  # knows people_map and the namesakes
        self.proposed = self.resolver.proposed
        self.created: dict[tuple[str, str], int] = {}
        self.result = AcceptResult(source_id=checked.source_id)

    def source_id(self) -> int:
        """The article's source, added with the first record that needs it."""
        if self.result.source_id is None:
            self.result.source_id = self.store.add(self.capture.article.to_source())
            self.result.source_added = True
            self._added(Kind.SOURCE, self.result.source_id)
        return self.result.source_id

    def _added(self, kind: Kind, rid: int) -> None:
        self.result.added.setdefault(kind, []).append(rid)

    def ids(self, ref: EntityRef) -> int | None:
        """The stored id ``ref`` means, creating the proposed person/organisation once."""
        rid = self.resolver.existing(ref)
        if rid is not None or not self.resolver.will_create(ref):
            return rid
        key = (ref.kind, ref.key or ref.name)
        if key not in self.created:
            self.created[key] = self._create(ref)
        return self.created[key]

    def _create(self, ref: EntityRef) -> int:
        proposed = self.proposed.get(ref.key)
        name = ref.name.strip()
        aliases = [a for a in (proposed.aliases if proposed else []) if a != name]
        country = proposed.country if proposed else None
        if country is not None and self.store.country(country) is None:
            country = None
        src = [self.source_id()]
        if ref.kind == "person":
            office = getattr(proposed, "office", "") if proposed else ""
            record = Person(name=name, aliases=aliases, country=country, office=office, source_ids=src)
            kind = Kind.PERSON
        else:
            record = Organisation(name=name, aliases=aliases, country=country, source_ids=src)
            kind = Kind.ORGANISATION
        rid = self.store.add(record)
        self._added(kind, rid)
        return rid

    def add(self, candidate: Candidate) -> None:
        record = to_record(candidate, self.capture.article, self.ids)
        # the same fact twice in one article: the first one added is the record
        if (m := natural_match(self.store, candidate, record)) is not None:
            self.result.duplicates.append((candidate, m.kind, m.record_id))
            return
        record.source_ids = [self.source_id()]
        kind = kind_of(candidate)
        rid = self.store.add(record)
        self._added(kind, rid)
        self.result.records.append((candidate, kind, rid))
