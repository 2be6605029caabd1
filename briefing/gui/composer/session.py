"""One open briefing in the composer: every edit written to the store at once
(autosave), one entry on the window's undo stack, and one ``changed`` signal.

    session = ComposerSession(store, briefing_id)
    session.set_included(item_id, False)        # saved now; Ctrl+Z ticks it again
    session.set_annotation(item_id, "Ask …")    # typing into one item merges into one undo
    session.move([item_id], Section.VISITS, 0)
    session.refresh()                           # new suggestions, user's choices kept

Writes go through :mod:`briefing.services.composer` (no SQL here).  An edit another
window made first is never overwritten: the service refuses it
(:class:`~briefing.services.composer.StaleEditError`), ``problem`` says so in plain
words, and the views reload to show what the store holds now.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from briefing.domain import AssembledBriefing, BriefingItem, Kind, Section
from briefing.services import composer
from briefing.store import StoreError

_MERGE_ANNOTATION = 4101
_MERGE_TEXT = 4102


class _Command(QUndoCommand):
    """An edit already written; ``undo``/``redo`` replay it through the session.  The
    first ``redo`` (Qt calls it on push) does nothing."""

    def __init__(self, session: "ComposerSession", text: str,
                 undo: Callable[[], None], redo: Callable[[], None]):
        super().__init__(text)
        self.session = session
        self._undo, self._redo = undo, redo
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self.session._replay(self._redo)

    def undo(self) -> None:
        self.session._replay(self._undo)


class _FieldCommand(_Command):
    """Typing into one item's annotation (or text) is one undo step until another
    item or field is edited."""

    def __init__(self, session, text, merge_id: int, item_id: int, field: str,
                 old: str, new: str):
        self.item_id, self.field, self.old, self.new = item_id, field, old, new
        self._merge_id = merge_id
        super().__init__(session, text, self._apply_old, self._apply_new)

    def _apply_old(self) -> None:
        self.session._write_field(self.item_id, self.field, self.old, expected=self.new)

    def _apply_new(self) -> None:
        self.session._write_field(self.item_id, self.field, self.new, expected=self.old)

    def id(self) -> int:
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _FieldCommand) or other.item_id != self.item_id \
                or other.field != self.field:
            return False
        self.new = other.new
        return True


class ComposerSession(QObject):
    changed = Signal()  # the briefing (details or items) changed: views reload
    problem = Signal(str)  # a plain message for the user
    closed = Signal()  # the briefing is gone (deleted here or elsewhere)

    def __init__(self, store, briefing_id: int, undo_stack: QUndoStack | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.briefing_id = int(briefing_id)
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._assembled: AssembledBriefing | None = None
        self._signature: str | None = None
        self.reload()

    # --- reading ------------------------------------------------------------------------
    @property
    def assembled(self) -> AssembledBriefing:
        if self._assembled is None:
            self.reload(emit=False)
        return self._assembled

    @property
    def briefing(self):
        return self.assembled.briefing

    def reload(self, emit: bool = True) -> bool:
        """Read the briefing again; False (and ``closed``) if it is gone."""
        try:
            self._assembled = composer.assemble(self.store, self.briefing_id)
        except composer.ComposerError:
            self._assembled = None
            self.closed.emit()
            return False
        self._signature = composer.signature(self.store, self.briefing_id)
        if emit:
            self.changed.emit()
        return True

    def changed_elsewhere(self) -> bool:
        """Whether another window or program edited the briefing since we last read it."""
        return composer.signature(self.store, self.briefing_id) != self._signature

    def item(self, item_id: int) -> BriefingItem | None:
        for sec in self.assembled.sections:
            for ai in sec.items:
                if ai.item.id == item_id:
                    return ai.item
        return None

    # --- plumbing -------------------------------------------------------------------------
    def _run(self, fn: Callable[[], object]):
        """Run one write; report a refusal in plain words; reload either way."""
        try:
            result = fn()
        except composer.StaleEditError as exc:
            self.problem.emit(f"{exc} (the briefing was reloaded)")
            self.reload()
            return None
        except (composer.ComposerError, StoreError) as exc:
            self.problem.emit(str(exc))
            self.reload()
            return None
        self.reload()
        return result if result is not None else True

    def _replay(self, fn: Callable[[], None]) -> None:
        self._run(fn)

    def _push(self, text: str, undo: Callable[[], None], redo: Callable[[], None]) -> None:
        self.undo_stack.push(_Command(self, text, undo, redo))

    def _write_field(self, item_id: int, field: str, value: str, *, expected: str) -> None:
        if field == "annotation":
            composer.annotate(self.store, item_id, value, expected=expected)
        else:
            composer.set_text(self.store, item_id, value, expected=expected)

    # --- item edits ------------------------------------------------------------------------
    def set_included(self, item_id: int, included: bool) -> bool:
        old = self.item(item_id)
        if old is None or old.included == bool(included):
            return False
        if not self._run(lambda: composer.set_included(self.store, item_id, included)):
            return False
        self._push("Include item" if included else "Exclude item",
                   lambda: composer.set_included(self.store, item_id, not included),
                   lambda: composer.set_included(self.store, item_id, included))
        return True

    def _set_field(self, item_id: int, field: str, value: str, merge_id: int, label: str) -> bool:
        old = self.item(item_id)
        if old is None or getattr(old, field) == value:
            return False
        before = getattr(old, field)
        if not self._run(lambda: self._write_field(item_id, field, value, expected=before)):
            return False
        self.undo_stack.push(_FieldCommand(self, label, merge_id, item_id, field, before, value))
        return True

    def set_annotation(self, item_id: int, text: str) -> bool:
        return self._set_field(item_id, "annotation", text or "", _MERGE_ANNOTATION, "Annotate")

    def set_text(self, item_id: int, text: str) -> bool:
        return self._set_field(item_id, "text", text or "", _MERGE_TEXT, "Edit talking point")

    def move(self, item_ids: list[int], section: Section | str, position: int) -> bool:
        """Move items (in this order) to ``position`` of ``section``, the rest closing up."""
        section = composer.section_of(section)
        places = []
        for iid in item_ids:
            it = self.item(iid)
            if it is None:
                continue
            places.append((iid, it.section, it.position))
        if not places:
            return False

        def do() -> None:
            with self.store.transaction():
                if len(places) > 1:  # first line them up at the end, then put them in place
                    for iid, _sec, _pos in places:
                        composer.move_item(self.store, iid, section, 1 << 30)
                for n, (iid, _sec, _pos) in enumerate(places):
                    composer.move_item(self.store, iid, section, position + n)

        def undo() -> None:
            with self.store.transaction():
                for iid, sec, pos in sorted(places, key=lambda p: (p[1], p[2])):
                    composer.move_item(self.store, iid, sec, pos)

        if not self._run(do):
            return False
        self._push("Move item" if len(places) == 1 else f"Move {len(places)} items", undo, do)
        return True

    def _added(self, label: str, item_ids: list[int]) -> None:
        if not item_ids:
            return
        saved: list[BriefingItem] = []

        def undo() -> None:  # as before the add: the records are not "dismissed"
            saved[:] = composer.remove_items(self.store, item_ids, dismiss=False)

        def redo() -> None:
            composer.restore_items(self.store, saved)

        self._push(label, undo, redo)

    def add_point(self, text: str = "", section: Section | str = Section.TALKING_POINTS) -> int | None:
        """Add a talking point (empty text allowed: it is written in the editor next)."""
        def do():
            b = composer.section_of(section)
            return self.store.add_items(self.briefing_id, [BriefingItem(
                section=b.value, text=text or "")])[0]
        iid = self._run(do)
        if not iid:
            return None
        self._added("Add talking point", [iid])
        return iid

    def add_records(self, refs: list[str | tuple[Kind, int]]) -> composer.Added | None:
        """Add records (e.g. from a search result) to their sections."""
        done = self._run(lambda: composer.add_records(self.store, self.briefing_id, refs))
        if not done:
            return None
        self._added("Add to briefing", done.item_ids)
        return done

    def refresh(self) -> composer.Added | None:
        """Add the suggestions that are new since the draft; nothing the user chose changes."""
        done = self._run(lambda: composer.add_draft(self.store, self.briefing_id))
        if not done:
            return None
        self._added("Refresh suggestions" if self.undo_stack.count() else "Draft", done.item_ids)
        return done

    def remove(self, item_ids: list[int]) -> bool:
        saved: list[BriefingItem] = []

        def do() -> None:
            saved[:] = composer.remove_items(self.store, item_ids)

        if not self._run(do) or not saved:
            return False
        self._push("Remove item" if len(saved) == 1 else f"Remove {len(saved)} items",
                   lambda: composer.restore_items(self.store, saved), do)
        return True

    # --- details ------------------------------------------------------------------------
    def set_detail(self, field: str, value) -> bool:
        """Save one detail (title, date, place, purpose, classification, status …)."""
        b = self.briefing
        old = getattr(b, field)
        if isinstance(value, str) and field != "date":
            value = value.strip()
        new = self._run(lambda: composer.update_details(
            self.store, self.briefing_id, {field: value}, expected={field: old}))
        if not new:
            return False
        saved = getattr(new, field)
        if saved == old:
            return True
        self._push(f"Change {field.replace('_', ' ')}",
                   lambda: composer.update_details(self.store, self.briefing_id, {field: old},
                                                   expected={field: saved}),
                   lambda: composer.update_details(self.store, self.briefing_id, {field: saved},
                                                   expected={field: old}))
        return True

    def duplicate(self, title: str | None = None) -> int | None:
        new_id = self._run(lambda: composer.duplicate(self.store, self.briefing_id, title=title))
        return new_id or None
