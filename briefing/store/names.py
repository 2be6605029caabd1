"""Names: the country table, and finding people, organisations and topics by any of
their names (folded for case, diacritics and script)."""

from __future__ import annotations

import difflib
import hashlib

from briefing.countries import CountryIndex, countries_file, country_index, load_countries
from briefing.domain import Change, Country, Kind, Organisation, Person
from briefing.fold import fold_key
from briefing.store import links


class NamesMixin:
    # --- countries ------------------------------------------------------------------------
    def _after_open(self) -> None:
        super()._after_open()
        self.sync_countries()

    def sync_countries(self) -> bool:
        """Load the country list shipped with the app into the store when it changed.
        Returns whether anything was written."""
        digest = hashlib.sha256(countries_file().read_bytes()).hexdigest()
        if self.get_setting("countries_digest") == digest:
            return False
        countries = load_countries()
        with self.transaction() as c:
            c.executemany(
                "INSERT INTO countries (code, alpha3, name, official_name, former) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET alpha3 = excluded.alpha3, "
                "name = excluded.name, official_name = excluded.official_name, "
                "former = excluded.former",
                [(k.code, k.alpha3, k.name, k.official_name, int(k.former)) for k in countries],
            )
            c.execute("DELETE FROM aliases WHERE entity_kind = 'country'")
            for k in countries:
                links.write_aliases(
                    c, "country", k.code, [k.code, k.alpha3, k.name, k.official_name, *k.aliases]
                )
            c.execute(
                "INSERT INTO settings (key, value) VALUES ('countries_digest', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (digest,),
            )
        self._notify(Change("country", (), "update"))
        return True

    @property
    def country_index(self) -> CountryIndex:
        """The shipped country list's index (built once per process, shared by stores)."""
        return country_index()

    def countries(self, *, include_former: bool = True) -> list[Country]:
        return [c for c in self.country_index.countries if include_former or not c.former]

    def country(self, text: str | None) -> Country | None:
        """The country for a code, alpha-3 code or any name; ``None`` if unknown."""
        if not text or not str(text).strip():
            return None
        return self.country_index.resolve(str(text))

    def country_name(self, code: str | None) -> str:
        if not code:
            return ""
        c = self.country_index.resolve(code)
        return c.name if c else code

    # --- people and organisations ---------------------------------------------------------
    def _ids_by_alias(self, entity_kind: str, name: str) -> list[int]:
        key = fold_key(name or "")
        if not key:
            return []
        table = "people" if entity_kind == "person" else "organisations"
        rows = self.conn.execute(
            f"SELECT DISTINCT a.entity_id FROM aliases a JOIN {table} t "
            f"ON t.id = CAST(a.entity_id AS INTEGER) "
            f"WHERE a.folded = ? AND a.entity_kind = ? AND +t.deleted_at IS NULL "
            f"ORDER BY CAST(a.entity_id AS INTEGER)",
            (key, entity_kind),
        )
        return [int(r[0]) for r in rows]

    def people_named(self, name: str) -> list[Person]:
        """People known by this name or alias (any script, any case)."""
        return self.get_many(Kind.PERSON, self._ids_by_alias("person", name))

    def organisations_named(self, name: str) -> list[Organisation]:
        return self.get_many(Kind.ORGANISATION, self._ids_by_alias("organisation", name))

    def person_id_named(self, name: str) -> int | None:
        """The id of the one person known by this name; ``None`` if none (or several)."""
        ids = self._ids_by_alias("person", name)
        return ids[0] if len(ids) == 1 else None

    def organisation_id_named(self, name: str) -> int | None:
        ids = self._ids_by_alias("organisation", name)
        return ids[0] if len(ids) == 1 else None

    def similar_names(self, entity_kind: str, name: str, n: int = 3) -> list[str]:
        """Close matches for an unknown name (for "did you mean …?" messages)."""
        key = fold_key(name or "")
        if not key:
            return []
        first = key.split()[0][:3]
        rows = self.conn.execute(
            "SELECT alias, folded FROM aliases WHERE entity_kind = ? AND "
            "(folded LIKE ? OR folded LIKE ?) LIMIT 5000",
            (entity_kind, f"{first}%", f"% {first}%"),
        ).fetchall()
        by_key = {r[1]: r[0] for r in rows}
        close = difflib.get_close_matches(key, list(by_key), n=n, cutoff=0.6)
        return [by_key[k] for k in close]

    def name_completions(self, entity_kind: str, prefix: str, limit: int = 20) -> list[str]:
        """Names and aliases starting with ``prefix`` (folded), for completers."""
        key = fold_key(prefix or "")
        if not key:
            return []
        rows = self.conn.execute(
            "SELECT DISTINCT alias FROM aliases WHERE entity_kind = ? AND folded >= ? AND folded < ? "
            "ORDER BY folded LIMIT ?",
            (entity_kind, key, key + "\uffff", limit),
        )
        return [r[0] for r in rows]

    # --- topics ---------------------------------------------------------------------------
    def topics(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM topics ORDER BY folded")]

    def topic_id(self, name: str) -> int | None:
        """The id of an existing topic (folded match), or ``None``."""
        return links.topic_id(self.conn, name, create=False)
