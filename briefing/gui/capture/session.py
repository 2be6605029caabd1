"""The state of one review: the capture, what the store says about each candidate,
and what the user decided (no Qt, so it is easy to test and reason about).

    session = ReviewSession(store, capture)      # reviews against the store
    session.state(c)        # "new" | "duplicate" | "incomplete" | "accepted" | "rejected"
    session.accept([c])     # stores it now (one transaction), re-reviews the rest
    session.reject(c); session.unreject(c)
    session.accept_all()    # every candidate that is new and not rejected
    session.edited(c)       # after the user changed a field: re-review

Accepted candidates keep the record they became (``session.record_of(c)``).
Proposed people can be mapped to existing ones (``map_person(key, id)``) or renamed
before anything is stored (``rename_proposed``).
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.domain import Kind
from briefing.fold import fold_key
from briefing.services.capture import AcceptResult, Capture, EntityRef, ProposedPerson, accept, review
from briefing.services.capture.candidates import Candidate, ProposedOrganisation
from briefing.services.capture.reviewing import Review, Verdict

STATE_LABELS = {"new": "New", "duplicate": "In store", "incomplete": "Incomplete",
                "accepted": "Accepted", "rejected": "Rejected"}


@dataclass(frozen=True)
class NameKey:
    """Stands for a proposed person/organisation (by its key) in lists and forms."""

    key: str


class ReviewSession:
    def __init__(self, store, capture: Capture) -> None:
        self.store = store
        self.capture = capture
        self.people_map: dict[str, int | None] = {}
        self.review: Review = review(store, capture)
        self.accepted: dict[int, tuple[Kind, int]] = {}  # id(candidate) -> record
        self.rejected: set[int] = set()
        self.last_result: AcceptResult | None = None

    # --- reading ------------------------------------------------------------------------
    @property
    def candidates(self) -> list[Candidate]:
        return [v.candidate for v in self.review.verdicts]

    def verdict(self, c: Candidate) -> Verdict:
        return self.review.verdict(c)

    def state(self, c: Candidate) -> str:
        if id(c) in self.accepted:
            return "accepted"
        if id(c) in self.rejected:
            return "rejected"
        return self.verdict(c).status

    def record_of(self, c: Candidate) -> tuple[Kind, int] | None:
        return self.accepted.get(id(c))

    def is_new(self, ref: EntityRef) -> bool:
        """Would accepting create this person/organisation?"""
        return self.review.is_new(ref)

    def can_accept(self, c: Candidate) -> bool:
        return self.state(c) in ("new", "rejected") and not self.verdict(c).problems \
            and not self.store.readonly

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATE_LABELS, 0)
        for c in self.candidates:
            out[self.state(c)] += 1
        return out

    def pending(self) -> list[Candidate]:
        """New, complete candidates nobody has decided on yet (what Accept all stores)."""
        return [c for c in self.candidates if self.state(c) == "new"]

    # --- deciding -----------------------------------------------------------------------
    def accept(self, chosen: list[Candidate]) -> AcceptResult:
        chosen = [c for c in chosen if self.can_accept(c)]
        result = accept(self.store, self.capture, chosen, people_map=self.people_map)
        for c, kind, rid in result.records:
            self.accepted[id(c)] = (kind, rid)
            self.rejected.discard(id(c))
        self.last_result = result
        self.refresh()
        return result

    def accept_all(self) -> AcceptResult:
        return self.accept(self.pending())

    def reject(self, c: Candidate) -> None:
        if id(c) not in self.accepted:
            self.rejected.add(id(c))

    def unreject(self, c: Candidate) -> None:
        self.rejected.discard(id(c))

    def edited(self, _c: Candidate | None = None) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Review again (after an edit, an accept, or a change in the store)."""
        self.review = review(self.store, self.capture, people_map=self.people_map)

    # --- people and organisations --------------------------------------------------------
    def map_person(self, key: str, record_id: int | None) -> None:
        """Say that a proposed person/organisation is this existing record (or, with
        ``None``, someone new even though namesakes exist)."""
        self.people_map[key] = record_id
        self.refresh()

    def unmap(self, key: str) -> None:
        """Let the name resolve by itself again."""
        self.people_map.pop(key, None)
        self.refresh()

    def proposed(self, key: str) -> ProposedPerson | ProposedOrganisation | None:
        for p in [*self.capture.people, *self.capture.organisations]:
            if p.key == key:
                return p
        return None

    def proposed_named(self, kind: str, name: str) -> ProposedPerson | ProposedOrganisation | None:
        """The article's proposed person/organisation with this name or spelling (folded)."""
        key = fold_key(name)
        pool = self.capture.people if kind == "person" else self.capture.organisations
        return next((p for p in pool if key in {fold_key(n) for n in (p.name, *p.aliases)}), None)

    def ref_for_name(self, kind: str, name: str) -> EntityRef:
        """A reviewer typed a name nobody in the store has: the article's proposed
        person/organisation with that name or spelling, else a new one."""
        if (p := self.proposed_named(kind, name)) is not None:
            return EntityRef(name=p.name, kind=kind, new=True, key=p.key, mention=name)
        new_key = f"{kind}:{fold_key(name)}"
        if kind == "person":
            self.capture.people.append(ProposedPerson(key=new_key, name=name.strip()))
        else:
            self.capture.organisations.append(ProposedOrganisation(key=new_key, name=name.strip()))
        return EntityRef(name=name.strip(), kind=kind, new=True, key=new_key, mention=name)

    def rename_proposed(self, key: str, name: str) -> None:
        """Correct a proposed name before it is created ("Vucic" → "Aleksandar Vučić");
        every candidate that refers to it follows."""
        item = self.proposed(key)
        name = name.strip()
        if item is None or not name or name == item.name:
            return
        if item.name not in item.aliases:
            item.aliases.append(item.name)
        item.name = name
        for c in self.candidates:
            for ref in c.refs():
                if ref.key == key:
                    ref.name = name
        self.refresh()

    def referrer_counts(self) -> dict[str, int]:
        """``{proposed key: how many candidates refer to it}`` in one pass."""
        out: dict[str, int] = {}
        for c in self.candidates:
            for k in {ref.key for ref in c.refs() if ref.key}:
                out[k] = out.get(k, 0) + 1
        return out

    def referrers(self, key: str) -> list[Candidate]:
        """The candidates that refer to a proposed person/organisation."""
        return [c for c in self.candidates if any(ref.key == key for ref in c.refs())]
