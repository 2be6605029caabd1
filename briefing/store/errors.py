"""Errors the store raises; every message is one plain sentence a user can act on."""

from __future__ import annotations


class StoreError(Exception):
    """Something about the store went wrong; ``str(err)`` is the message to show."""


class StoreOpenError(StoreError):
    """The file cannot be opened as a Briefing store (missing, a folder, not SQLite,
    corrupt, locked).  The file has not been modified."""


class StoreCorruptError(StoreOpenError):
    """The file is not a SQLite database, or is damaged."""


class StoreLockedError(StoreOpenError):
    """Another program holds a lock on the store."""


class StoreTooNewError(StoreOpenError):
    """The store was written by a newer version of Briefing."""


class StoreReadOnlyError(StoreError):
    """A write was attempted on a store opened read-only."""


class ValidationError(StoreError):
    """A record is missing a required field or has an impossible value."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))


class NotFoundError(StoreError):
    """No record with that kind and id (or it is in the trash)."""
