"""Resolving the names in CSV cells against the store: countries by code or any name,
people and organisations by any alias (folded for case, diacritics and script), and
sources by URL or title.  What is missing is staged as a :class:`NewEntity` and
created only when the import is written."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.countries import UnknownCountry
from briefing.domain import Organisation, Person, Source
from briefing.fold import fold_key
from briefing.store import Store


class CellError(ValueError):
    """A problem with one cell: ``column`` and a plain ``reason``."""

    def __init__(self, column: str, reason: str):
        self.column = column
        self.reason = reason
        super().__init__(f"{column}: {reason}")


@dataclass(eq=False)
class NewEntity:
    """A person, organisation or source the import will create."""

    record: Person | Organisation | Source
    id: int | None = None
    used: bool = False


Ref = int | NewEntity


@dataclass
class Resolver:
    store: Store
    people: dict[tuple[str, str], Ref] = field(default_factory=dict)
    staged_people: dict[str, list[tuple[str, NewEntity]]] = field(default_factory=dict)
    raw_people: dict[tuple[str, str], Ref] = field(default_factory=dict)
    # folded name -> the country of the first resolution cached for it in ``people``
    first_country: dict[str, str] = field(default_factory=dict)
    organisations: dict[str, Ref] = field(default_factory=dict)
    sources: dict[tuple[str, str], Ref] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)

    # --- countries ------------------------------------------------------------------------
    def country(self, text: str, column: str, required: bool = False) -> str | None:
        text = (text or "").strip()
        if not text:
            if required:
                raise CellError(column, "is required")
            return None
        if text in self.countries:
            return self.countries[text]
        try:
            code = self.store.country_index.require(text).code
        except UnknownCountry as exc:
            raise CellError(column, str(exc)) from None
        self.countries[text] = code
        return code

    # --- people ---------------------------------------------------------------------------
    def person(self, name: str, column: str, country: str | None = None,
               office: str = "") -> Ref:
        """The person known by ``name`` (``country`` picks among namesakes); a new
        person is staged when nobody has that name."""
        raw_key = (name, country or "")
        if raw_key in self.raw_people:  # the same spelling again: no folding needed
            return self.raw_people[raw_key]
        key = fold_key(name)
        if not key:
            raise CellError(column, "is required")
        cache_key = (key, country or "")
        if cache_key in self.people:
            self.raw_people[raw_key] = self.people[cache_key]
            return self.people[cache_key]
        ref: Ref
        candidates = self.store.people_named(name)
        if country and len(candidates) > 1:
            same = [p for p in candidates if p.country == country]
            candidates = same or candidates
        if len(candidates) == 1:
            ref = candidates[0].id
        elif len(candidates) > 1:
            ids = ", ".join(str(p.id) for p in candidates[:5])
            raise CellError(
                column,
                f"'{name}' could be any of {len(candidates)} people (ids {ids}); "
                "add their country to tell them apart",
            )
        else:
            staged = self._staged_person(key, country)
            ref = staged or NewEntity(Person(name=name.strip(), country=country, office=office))
        self.remember(key, country, ref)
        self.raw_people[raw_key] = ref
        return ref

    def _staged_person(self, key: str, country: str | None) -> NewEntity | None:
        for c, ref in self.staged_people.get(key, []):
            if not country or not c or c == country:
                if country and not ref.record.country:
                    ref.record.country = country
                return ref
        return None

    def remember(self, name_key: str, country: str | None, ref: "Ref") -> None:
        """Cache a resolution (and index a staged person by its folded name)."""
        self.people[(name_key, country or "")] = ref
        self.first_country.setdefault(name_key, country or "")
        if isinstance(ref, NewEntity):
            pool = self.staged_people.setdefault(name_key, [])
            if all(r is not ref for _, r in pool):
                pool.append((country or "", ref))

    # --- organisations --------------------------------------------------------------------
    def organisation(self, name: str, column: str, country: str | None = None) -> Ref:
        key = fold_key(name)
        if not key:
            raise CellError(column, "is empty")
        if key in self.organisations:
            return self.organisations[key]
        found = self.store.organisations_named(name)
        ref: Ref = found[0].id if found else NewEntity(
            Organisation(name=name.strip(), country=country))
        self.organisations[key] = ref
        return ref

    def person_if_known(self, name: str) -> Ref | None:
        """An existing or already staged person by this name, without staging one."""
        key = fold_key(name)
        if key in self.first_country:
            return self.people[(key, self.first_country[key])]
        return self.store.person_id_named(name)

    # --- sources --------------------------------------------------------------------------
    def source(self, url: str, title: str) -> Ref | None:
        url, title = (url or "").strip(), (title or "").strip()
        if not url and not title:
            return None
        key = (url, "" if url else title)
        if key in self.sources:
            return self.sources[key]
        found = self.store.find_source(url=url) if url else self.store.find_source(title=title)
        ref: Ref = found if found is not None else NewEntity(Source(title=title or url, url=url))
        self.sources[key] = ref
        return ref

    # --- writing --------------------------------------------------------------------------
    def create_staged(self, add, which: tuple[str, ...] = ("organisations", "sources", "people"),
                      before_create=None) -> dict[str, int]:
        """Create every staged entity that a kept row uses (inside the caller's
        transaction) with ``add(record) -> id`` (``Store.add`` or a bulk loader's),
        organisations and sources before people; returns how many of each were made.
        ``before_create(entity)`` may fill in ids first."""
        made: dict[str, int] = {}
        pools = {"organisations": self.organisations, "sources": self.sources,
                 "people": self.people}
        staged = [r for name in which for r in pools[name].values()
                  if isinstance(r, NewEntity) and r.id is None and r.used]
        for entity in dict.fromkeys(staged):
            if before_create:
                before_create(entity)
            entity.id = add(entity.record)
            label = entity.record.kind.plural
            made[label] = made.get(label, 0) + 1
        return made


def real_id(ref: Ref | None) -> int | None:
    if ref is None:
        return None
    if isinstance(ref, NewEntity):
        if ref.id is None:
            raise RuntimeError("a staged record was not created before use")
        return ref.id
    return ref
