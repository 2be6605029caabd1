"""Who is who in one article: person mentions merged into entities.

"President Kassym-Jomart Tokayev", "Tokayev"; "Serbian President Aleksandar Vučić",
"Vučić", "Vucic", "Vučić’s": one entity each, named by its longest form, with the
other spellings as aliases.  Each entity either resolves to a person in the
:class:`Gazetteer` (``record_id``) or becomes a proposed new person.  Organisations
get the same treatment, more simply (by folded name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.fold import fold_key
from briefing.services.capture.candidates import (
    EntityRef,
    ProposedOrganisation,
    ProposedPerson,
)
from briefing.services.capture.gazetteer import Gazetteer
from briefing.services.capture.names import Mention

__all__ = ["PersonEntity", "PeopleBook"]

_SPEAKS_AFTER = re.compile(r"^(?:,[^,]{1,60},)?\s+(?:\w+ly\s+)?(?:said|says|told|added|stated|"
                           r"wrote|asked|explained|noted|recalled|insisted|argued|warned|called|"
                           r"described|reported|predicted|announced|posted|tweeted)\b")
_SPEAKS_BEFORE = re.compile(r"\b(?:said|says|told|added|stated|according to)\s+$")


@dataclass
class PersonEntity:
    key: str
    name: str
    variants: list[str] = field(default_factory=list)
    title: str = ""
    country: str | None = None
    record_id: int | None = None
    record_name: str = ""
    mentions: int = 0
    first_start: int = 0
    confirmed: bool = False  # titled, known, speaking, or named more than once

    @property
    def surname(self) -> str:
        return fold_key(self.name).split()[-1]

    def ref(self, mention: str = "") -> EntityRef:
        if self.record_id is not None:
            return EntityRef(name=self.record_name or self.name, kind="person",
                             record_id=self.record_id, mention=mention)
        return EntityRef(name=self.name, kind="person", new=True, key=self.key, mention=mention)


class PeopleBook:
    """The people (and organisations) of one article."""

    def __init__(self, mentions: list[Mention], gaz: Gazetteer, text: str = "") -> None:
        self.gaz = gaz
        self.text = text
        self.entities: list[PersonEntity] = []
        self._by_mention: dict[int, PersonEntity] = {}  # mention start -> entity
        self._surnames: dict[str, PersonEntity] = {}
        self.orgs: dict[str, ProposedOrganisation] = {}
        self.org_records: dict[str, EntityRef] = {}
        multi = [m for m in mentions if m.kind == "person"]
        for m in sorted(multi, key=lambda m: -len(m.text.split())):
            self._register(m)
        for m in mentions:  # single words: surnames of people already seen
            if m.kind == "unknown" and (e := self._surnames.get(fold_key(m.text))):
                m.kind = "person"
                self._attach(e, m)
        for m in mentions:
            if m.kind == "organisation":
                self.organisation(m.text, m.start, m.record_id)

    # --- people ---------------------------------------------------------------------
    def _register(self, m: Mention) -> PersonEntity:
        key = fold_key(m.text)
        words = key.split()
        for e in self.entities:
            ekey = fold_key(e.name)
            if key == ekey or any(key == fold_key(v) for v in e.variants):
                return self._attach(e, m)
            if words and words[-1] == e.surname and _first_names_fit(words, ekey.split()):
                return self._attach(e, m)
        e = PersonEntity(key=f"person:{key}", name=m.text, first_start=m.start)
        record = self.gaz.person(m.text)
        if record is not None:
            e.record_id, e.record_name = record.id, record.name
            e.country = record.country
        self.entities.append(e)
        self._surnames.setdefault(e.surname, e)
        return self._attach(e, m)

    def _attach(self, e: PersonEntity, m: Mention) -> PersonEntity:
        text = m.text
        if len(text.split()) > len(e.name.split()):
            e.variants.append(e.name)
            e.name = text
        elif text != e.name and text not in e.variants:
            e.variants.append(text)
        e.title = e.title or m.title
        e.country = e.country or m.country
        e.mentions += 1
        e.first_start = min(e.first_start, m.start)
        if not m.weak or e.mentions > 1 or e.record_id is not None or self._speaks(m):
            e.confirmed = True
        self._by_mention[m.start] = e
        self._surnames.setdefault(fold_key(text).split()[-1], e)
        if e.record_id is None and (record := self.gaz.person(text)) is not None:
            e.record_id, e.record_name = record.id, record.name
        return e

    def _speaks(self, m: Mention) -> bool:
        after = self.text[m.end:m.end + 40]
        before = self.text[max(0, m.full_start - 25):m.full_start]
        return bool(_SPEAKS_AFTER.match(after) or _SPEAKS_BEFORE.search(before))

    def entity_for(self, m: Mention) -> PersonEntity | None:
        return self._by_mention.get(m.start)

    def person_named(self, name: str, start: int) -> PersonEntity:
        """The entity for a speaker/guest name found by a rule (registering it if new)."""
        e = self._by_mention.get(start)
        if e is not None:
            return e
        key = fold_key(name)
        if key and (e := self._surnames.get(key.split()[-1])) is not None:
            return self._attach(e, Mention(start, start + len(name), name, "person"))
        return self._register(Mention(start, start + len(name), name, "person"))

    # --- organisations ----------------------------------------------------------------
    def organisation(self, name: str, start: int = 0, record_id: int | None = None) -> EntityRef:
        key = fold_key(name)
        if key in self.org_records:
            return self.org_records[key]
        record = self.gaz.organisation(name)
        if record is not None or record_id is not None:
            ref = EntityRef(name=record.name if record else name, kind="organisation",
                            record_id=record.id if record else record_id, mention=name)
            self.org_records[key] = ref
            return ref
        org = self.orgs.get(key)
        if org is None:
            org = self.orgs[key] = ProposedOrganisation(
                key=f"organisation:{key}", name=name, first_start=start)
        return EntityRef(name=org.name, kind="organisation", new=True, key=org.key, mention=name)

    # --- proposals ------------------------------------------------------------------
    def proposed_people(self, used: set[str] | None = None) -> list[ProposedPerson]:
        """New people to propose (those not in the gazetteer); with ``used``, only
        those some candidate refers to."""
        out = []
        for e in sorted(self.entities, key=lambda e: e.first_start):
            if e.record_id is not None or (used is not None and e.key not in used):
                continue
            out.append(ProposedPerson(key=e.key, name=e.name, aliases=sorted(set(e.variants) - {e.name}),
                                      country=e.country, office=e.title, mentions=e.mentions,
                                      first_start=e.first_start))
        return out

    def proposed_organisations(self, used: set[str] | None = None) -> list[ProposedOrganisation]:
        return [o for o in sorted(self.orgs.values(), key=lambda o: o.first_start)
                if used is None or o.key in used]


def _first_names_fit(words: list[str], other: list[str]) -> bool:
    """"Tokayev" fits "Kassym-Jomart Tokayev"; "Jennifer Peterson" does not fit
    "Mark Peterson"; "J. Peterson" fits "Jennifer Peterson"."""
    if len(words) == 1 or len(other) == 1:
        return True
    a, b = words[0], other[0]
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))
