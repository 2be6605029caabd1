"""Which stored person or organisation a name in an article means.

A ref with a ``record_id`` that is still live keeps it; a key the reviewer mapped
(``people_map``: key → id, or → ``None`` for "someone new, whatever the namesakes")
wins; otherwise the name is looked up among names and aliases (any script, folded).  One match: that record.  Several (namesakes): the one already tied
to this article (a record citing its source names it), else the name is
*ambiguous* — the reviewer must choose, nothing is created.  No match: the
article's other spellings are tried; still nothing, and the ref is ``new``: accepting
creates it.
"""

from __future__ import annotations

from briefing.domain import Agreement, Kind, Record, Statement, Visit
from briefing.fold import fold_key
from briefing.services.capture.candidates import Capture, EntityRef

__all__ = ["EntityResolver", "linked_to_source"]


def linked_to_source(citing: dict[str, list[int]],
                     records: dict[Kind, list[Record]]) -> set[tuple[str, int]]:
    """(kind, id) of the people and organisations that cite a source themselves
    (``citing``: ``store.records_citing``) or that the records citing it name
    (``records``: those records, loaded)."""
    out: set[tuple[str, int]] = set()
    for kind in ("person", "organisation"):
        out.update((kind, i) for i in citing.get(kind, []))
    for recs in records.values():
        for rec in recs:
            match rec:
                case Statement():
                    people = [rec.speaker_id]
                case Visit():
                    people = [rec.guest_id, rec.host_id]
                case Agreement():
                    people = [p.ref for p in rec.parties if p.party_kind == "person"]
                    out.update(("organisation", int(p.ref)) for p in rec.parties
                               if p.party_kind == "organisation")
                case _:
                    people = []
            out.update(("person", int(i)) for i in people if i is not None)
    return out


class EntityResolver:
    def __init__(self, store, capture: Capture, people_map: dict[str, int | None] | None = None,
                 preferred: set[tuple[str, int]] | None = None) -> None:
        self.store = store
        self.map = dict(people_map or {})
        self.preferred = preferred or set()
        self.proposed = {p.key: p for p in [*capture.people, *capture.organisations]}
        self._cache: dict[tuple[str, str, int | None], int | None] = {}
        self._ambiguous: dict[tuple[str, str, int | None], list[int]] = {}

    @staticmethod
    def _cache_key(ref: EntityRef) -> tuple[str, str, int | None]:
        return (ref.kind, ref.key or fold_key(ref.name), ref.record_id)

    def existing(self, ref: EntityRef | None) -> int | None:
        """The stored record ``ref`` means, or ``None`` (new, ambiguous or nobody)."""
        if ref is None or ref.kind not in ("person", "organisation"):
            return None
        key = self._cache_key(ref)
        if key not in self._cache:
            self._cache[key] = self._lookup(ref, key)
        return self._cache[key]

    def ambiguous(self, ref: EntityRef | None) -> list[int]:
        """The namesakes ``ref`` could be, when it could be several (else ``[]``)."""
        if ref is None or ref.kind not in ("person", "organisation"):
            return []
        self.existing(ref)
        return self._ambiguous.get(self._cache_key(ref), [])

    def _narrow(self, kind: str, ids: list[int]) -> list[int]:
        if len(ids) > 1:
            mine = [i for i in ids if (kind, i) in self.preferred]
            if mine:
                return mine
        return ids

    def _lookup(self, ref: EntityRef, cache_key) -> int | None:
        kind = Kind.PERSON if ref.kind == "person" else Kind.ORGANISATION
        if ref.key and ref.key in self.map:
            return self.map[ref.key]
        if ref.record_id is not None and self.store.find(kind, ref.record_id) is not None:
            return ref.record_id
        if not (ref.new or ref.record_id is not None):
            return None  # "the Kazakh president": nobody the article names
        ids = self._narrow(ref.kind, self.store.ids_named(kind, ref.name)) if ref.name.strip() else []
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            self._ambiguous[cache_key] = ids
            return None
        proposed = self.proposed.get(ref.key)
        aliases = sorted(proposed.aliases if proposed else [], key=lambda a: -len(a.split()))
        for alias in aliases:  # the article's other spellings: only an unmistakable one
            found = self._narrow(ref.kind, self.store.ids_named(kind, alias))
            if len(found) == 1:
                return found[0]
        return None

    def will_create(self, ref: EntityRef | None) -> bool:
        return (ref is not None and ref.kind in ("person", "organisation") and ref.new
                and bool(ref.name.strip()) and self.existing(ref) is None
                and not self.ambiguous(ref))

    def ids(self, ref: EntityRef) -> int | None:
        """For checking a record before it is stored: new ones count as ``NEW_ID``."""
        from briefing.services.capture.records import NEW_ID

        rid = self.existing(ref)
        if rid is None and self.will_create(ref):
            return NEW_ID
        return rid
