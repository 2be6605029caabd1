"""The store: the only code with SQL (no Qt).

    from briefing.store import Store
    with Store.open(path) as store:            # creates, migrates, refuses bad files
        pid = store.add(Person(name="Aleksandar Vučić", aliases=["Вучић", "Vucic"]))
        store.get(Kind.PERSON, pid)            # -> Person (NotFoundError if missing/trashed)
        store.update(person); store.trash(Kind.PERSON, pid); store.restore(Kind.PERSON, pid)
        store.people_named("Вучић")            # alias lookup, folded for case/diacritics/script
        store.country("Србија")                # -> Country RS
        store.on_change(callback)              # callback(Change) after each committed write
        with store.transaction(): ...          # batch several writes into one

Verbs by module: ``records`` (get/add/update/trash/restore/purge), ``names``
(countries, people/organisations by name, topics), ``briefings`` (briefing items),
``maintenance`` (trash list, check, backup), ``lookups`` (natural-key duplicates), ``search_index`` (FTS5 upkeep),
``tables`` (sorted, filtered, paged rows for record tables).
A ``Store`` belongs to one thread: workers call :meth:`Store.clone`.
"""

from __future__ import annotations

from briefing.store.briefings import BriefingsMixin
from briefing.store.core import StoreBase
from briefing.store.errors import (
    NotFoundError,
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreOpenError,
    StoreReadOnlyError,
    StoreTooNewError,
    ValidationError,
)
from briefing.store.lookups import LookupsMixin
from briefing.store.maintenance import CheckReport, MaintenanceMixin, TrashEntry
from briefing.store.names import NamesMixin
from briefing.store.records import RecordsMixin

__all__ = [
    "Store", "StoreError", "StoreOpenError", "StoreCorruptError", "StoreLockedError",
    "StoreTooNewError", "StoreReadOnlyError", "ValidationError", "NotFoundError",
    "CheckReport", "TrashEntry",
]


class Store(NamesMixin, RecordsMixin, BriefingsMixin, LookupsMixin, MaintenanceMixin, StoreBase):
    """One Briefing store file.  See the module docstring for the verbs."""
