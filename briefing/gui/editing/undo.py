"""Undo and redo for edits, deletes and restores, as ``QUndoCommand``\\ s over the
store's verbs.

A command holds *steps* (add, update, trash, restore), each knowing its inverse:

* undo of an add trashes the new record and then deletes it for good (if something
  else has come to refer to it meanwhile it stays in the trash); redo puts it back
  with the same id and uuid;
* undo of an edit saves the record as it was before; redo saves it as edited;
* undo of a delete restores; undo of a restore trashes again.

The first ``redo()`` (Qt calls it on ``push``) does nothing: the controller has
already written the change, so a write that fails never reaches the stack.  A step
that cannot be undone any more (the record was deleted for good since) reports a
plain message and drops the command from the stack.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from briefing.domain import Kind, Record
from briefing.store import StoreError

After = list[Callable[[], None]]


class Step:
    def redo(self, store, after: After) -> None:
        raise NotImplementedError

    def undo(self, store, after: After) -> None:
        raise NotImplementedError


class AddStep(Step):
    """A record that was added (``record`` is the stored record, with id and uuid)."""

    def __init__(self, record: Record):
        self.record = copy.deepcopy(record)

    def undo(self, store, after: After) -> None:
        kind, rid = self.record.kind, self.record.id
        store.trash(kind, rid)

        def purge() -> None:
            try:
                store.purge(kind, rid)
            except StoreError:
                pass  # still referred to by something added since: it stays in the trash
        after.append(purge)

    def redo(self, store, after: After) -> None:
        kind, rid = self.record.kind, self.record.id
        if store.find(kind, rid, include_deleted=True) is not None:
            store.restore(kind, rid)
        else:
            again = copy.deepcopy(self.record)
            again.deleted_at = None
            store.add_many([again], keep_timestamps=True)


class UpdateStep(Step):
    """A record saved with new values: ``before`` and ``after`` as stored."""

    def __init__(self, before: Record, after: Record):
        self.before = copy.deepcopy(before)
        self.after = copy.deepcopy(after)

    def undo(self, store, after: After) -> None:
        store.update(copy.deepcopy(self.before))

    def redo(self, store, after: After) -> None:
        store.update(copy.deepcopy(self.after))


class _DeletedStep(Step):
    def __init__(self, kind: Kind, ids: list[int]):
        self.kind = Kind(kind)
        self.ids = list(ids)

    def _trash(self, store) -> None:
        store.trash(self.kind, self.ids)

    def _restore(self, store) -> None:
        done = store.restore(self.kind, self.ids)
        missing = [i for i in self.ids
                   if i not in done and store.find(self.kind, i) is None]
        if missing:
            what = self.kind.value if len(missing) == 1 else self.kind.plural
            raise StoreError(f"{len(missing)} {what} can no longer be restored: "
                             "deleted for good since")


class TrashStep(_DeletedStep):
    """Records moved to the trash."""

    def undo(self, store, after: After) -> None:
        self._restore(store)

    def redo(self, store, after: After) -> None:
        self._trash(store)


class RestoreStep(_DeletedStep):
    """Records brought back from the trash."""

    def undo(self, store, after: After) -> None:
        self._trash(store)

    def redo(self, store, after: After) -> None:
        self._restore(store)


class StoreCommand(QUndoCommand):
    """One user action (possibly several steps, e.g. a new person and the statement
    that names them) as one entry on the undo stack."""

    def __init__(self, store, text: str, steps: list[Step],
                 report: Callable[[str], None] | None = None):
        super().__init__(text)
        self.store = store
        self.steps = list(steps)
        self.report = report
        self._skip_redo = True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._run("redo", lambda after: [s.redo(self.store, after) for s in self.steps])

    def undo(self) -> None:
        self._run("undo", lambda after: [s.undo(self.store, after) for s in reversed(self.steps)])

    def _run(self, verb: str, action: Callable[[After], object]) -> None:
        after: After = []
        try:
            with self.store.transaction():
                action(after)
        except StoreError as exc:
            self.setObsolete(True)  # the stack drops it: it cannot be replayed
            if self.report:
                self.report(f"Could not {verb} “{self.text()}”: {exc}")
            return
        for fn in after:
            fn()


def plural(kind: Kind, n: int) -> str:
    return f"{kind.value}" if n == 1 else f"{n} {kind.plural}"
