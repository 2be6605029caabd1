"""Name resolution for capture: who and what the article's names refer to.

A :class:`Gazetteer` is built from plain lists of people, organisations and
countries (from the store, from a demo bundle, or none at all), so extraction runs
and is tested without a store.  Every lookup is folded (``Vucic`` = ``Vučić`` =
``Вучић``); a single surname resolves to a person when exactly one known person has
it.  Countries also resolve from their capitals/major cities and adjectives
("Belgrade", "Serbian" → ``RS``).
"""

from __future__ import annotations

from collections.abc import Iterable

from briefing.domain import Country, Organisation, Person
from briefing.fold import fold_key
from briefing.services.capture.places import DEMONYMS, PLACES

__all__ = ["Gazetteer"]

# short all-capital aliases that are country names in running text (others — "AI",
# "AND", "IT" — are words or acronyms far more often than they are countries)
_ACRONYMS = {"US": "US", "USA": "US", "U.S.": "US", "U.S.A.": "US", "UK": "GB",
             "U.K.": "GB", "UAE": "AE", "DRC": "CD", "PRC": "CN", "ROK": "KR", "DPRK": "KP"}
_EXTRA_NAMES = {"America": "US", "Britain": "GB", "Great Britain": "GB", "Russia": "RU",
                "Turkey": "TR", "Holland": "NL", "Kosovo": "XK", "Czech Republic": "CZ",
                "Ivory Coast": "CI", "Burma": "MM", "Vatican": "VA", "South Korea": "KR",
                "North Korea": "KP", "Macedonia": "MK", "Palestine": "PS"}


def _is_code_like(alias: str, country: Country) -> bool:
    plain = alias.replace(".", "")
    return alias in (country.code, country.alpha3) or (plain.isupper() and len(plain) <= 4)


class Gazetteer:
    """Known people, organisations and countries, looked up by folded name."""

    def __init__(self, people: Iterable[Person] = (), organisations: Iterable[Organisation] = (),
                 countries: Iterable[Country] = (), *, folded: dict[str, dict[int, set[str]]] | None = None
                 ) -> None:
        """``folded`` (``{"person": {id: keys}, "organisation": …}``) gives the folded
        names already known (the store keeps them), so they need not be folded again."""
        self.people = list(people)
        self.organisations = list(organisations)
        self.countries = {c.code: c for c in countries}
        self._people_full: dict[str, list[Person]] = {}
        self._people_last: dict[str, list[Person]] = {}
        known = folded or {}
        for p in self.people:  # each person once per key (no scans: 50 000 people are fine)
            keys = _keys(p, known.get("person", {}))
            for key in keys:
                self._people_full.setdefault(key, []).append(p)
            for last in {k.split()[-1] for k in keys}:
                self._people_last.setdefault(last, []).append(p)
        self._orgs: dict[str, list[Organisation]] = {}
        for o in self.organisations:
            for key in _keys(o, known.get("organisation", {})):
                self._orgs.setdefault(key, []).append(o)
        self._countries: dict[str, str] = {}
        for c in self.countries.values():
            for name in (c.name, c.official_name, *c.aliases):
                if name and not _is_code_like(name, c):
                    self._countries.setdefault(fold_key(name), c.code)
        for name, code in {**_ACRONYMS, **_EXTRA_NAMES}.items():
            if code in self.countries:
                self._countries.setdefault(fold_key(name), code)
        self._places = {fold_key(k): v for k, v in PLACES.items() if v in self.countries}
        self._demonyms = {fold_key(k): v for k, v in DEMONYMS.items() if v in self.countries}

    @classmethod
    def with_countries(cls, people: Iterable[Person] = (),
                       organisations: Iterable[Organisation] = ()) -> "Gazetteer":
        """A gazetteer over the shipped country list (``briefing.countries``)."""
        from briefing.countries import load_countries

        return cls(people, organisations, load_countries())

    @classmethod
    def from_store(cls, store) -> "Gazetteer":
        """The people and organisations in ``store`` (not those in the trash) and its
        countries, so that names in an article resolve to the records already there."""
        from briefing.domain import Kind

        folded = {"person": store.folded_names(Kind.PERSON),
                  "organisation": store.folded_names(Kind.ORGANISATION)}
        return cls(store.name_records(Kind.PERSON), store.name_records(Kind.ORGANISATION),
                   store.countries(), folded=folded)

    # --- people and organisations ---------------------------------------------------
    def person(self, name: str) -> Person | None:
        """The known person ``name`` means: a full name or alias, else a surname that
        exactly one known person has."""
        key = fold_key(name)
        if not key:
            return None
        found = self._people_full.get(key)
        if found and len(found) == 1:
            return found[0]
        if found:
            return None
        last = self._people_last.get(key.split()[-1], [])
        if len(last) == 1 and (len(key.split()) == 1 or _first_names_agree(key, last[0])):
            return last[0]
        return None

    def organisation(self, name: str) -> Organisation | None:
        found = self._orgs.get(fold_key(name))
        return found[0] if found and len(found) == 1 else None

    # --- countries ------------------------------------------------------------------
    def country(self, name: str) -> str | None:
        """ISO code of the country ``name`` names (not its capital or adjective)."""
        stripped = name.strip()
        if stripped in _ACRONYMS:
            return _ACRONYMS[stripped] if _ACRONYMS[stripped] in self.countries else None
        return self._countries.get(fold_key(stripped))

    def place_country(self, place: str) -> str | None:
        """The country of a capital or major city ("Belgrade" → ``RS``)."""
        return self._places.get(fold_key(place))

    def demonym(self, word: str) -> str | None:
        """The country of an adjective ("Serbian", "Kazakh" → ``RS``, ``KZ``)."""
        return self._demonyms.get(fold_key(word))

    def country_name(self, code: str | None) -> str:
        c = self.countries.get(code or "")
        return c.name if c else (code or "")

    def any_country(self, text: str) -> str | None:
        """A country by name, adjective or city, in that order."""
        return self.country(text) or self.demonym(text) or self.place_country(text)


def _keys(record: Person | Organisation, known: dict[int, set[str]]) -> set[str]:
    """The folded forms of a record's name and aliases (from ``known`` if there)."""
    return known.get(record.id) or {k for k in map(fold_key, {record.name, *record.aliases}) if k}


def _first_names_agree(key: str, person: Person) -> bool:
    """"Ilham Aliyev" may mean the known "Ilham Heydar oglu Aliyev"; "Heydar Aliyev" not."""
    first = key.split()[0]
    return any(fold_key(n).split()[0] == first for n in (person.name, *person.aliases) if n)
