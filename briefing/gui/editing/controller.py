"""Adding, editing, deleting and restoring records from the GUI, with undo.

    edits = EditController(store, main_window, undo_stack)
    new_id = edits.new_record(Kind.STATEMENT)          # opens the form; None if cancelled
    edits.edit_record(Kind.PERSON, 12)                 # True when saved
    edits.delete_records(Kind.STATEMENT, [3, 4])       # to the trash; Ctrl+Z brings them back

Every change is one store write (one transaction, committed at once) and one entry on
the undo stack.  A write the store refuses shows the store's plain message and changes
nothing; the form stays open with everything typed.

For tests and scripts: ``ask`` is the one message-box function (replace it to answer
questions), and ``exec_dialog(dialog) -> bool`` runs a form (replace it to fill and
save the form without a modal loop).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from briefing.domain import RECORD_KINDS, Kind, Office, Organisation, Party, Person, Record
from briefing.gui.editing import messages
from briefing.gui.editing.forms import FORMS, FormContext, RecordDialog
from briefing.gui.editing.forms.dialog import new_names, replace_new_names
from briefing.gui.editing.pickers import NewName
from briefing.gui.editing.undo import (
    AddStep, RestoreStep, StoreCommand, TrashStep, UpdateStep, plural,
)
from briefing.store import StoreError


def _content(record: Record) -> tuple:
    """What a user can change in a record (not the display names and timestamps)."""
    def plain(value):
        if isinstance(value, list):
            return tuple(plain(v) for v in value)
        if isinstance(value, Party):
            return (value.party_kind, value.ref, value.role)
        if isinstance(value, Office):
            return (value.title, value.country, value.organisation_id, value.start, value.end)
        return value
    names = [*record.data_fields(), "notes", "topics", "source_ids"]
    display = {"speaker_name", "speaker_country", "guest_name", "host_name", "holder_name",
               "counterpart_name"}
    return tuple(plain(getattr(record, n)) for n in names if n not in display)


def _run_modal(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


class EditController(QObject):
    """Record forms and the store verbs behind them, with undo."""

    #: (kind value, id) after a record was added or saved
    saved = Signal(str, int)
    #: a short message for the status bar ("Moved 2 statements to the trash")
    status = Signal(str)

    def __init__(self, store, parent: QWidget | None, undo_stack: QUndoStack):
        super().__init__(parent)
        self.store = store
        self.parent_widget = parent
        self.undo_stack = undo_stack
        self.ask = messages.ask
        self.exec_dialog = _run_modal
        self.last_dialog: RecordDialog | None = None

    # --- forms -------------------------------------------------------------------------
    def can_edit(self, kind: Kind | str) -> bool:
        return Kind(kind) in FORMS

    def context(self) -> FormContext:
        return FormContext(self.store, self._ask_via_self, self._create_from_field)

    def form_for_new(self, kind: Kind | str, values: dict | None = None,
                     parent: QWidget | None = None) -> RecordDialog:
        kind = Kind(kind)
        record = RECORD_KINDS[kind](**(values or {}))
        return self._dialog(kind, record, parent)

    def form_for_edit(self, kind: Kind | str, record_id: int,
                      parent: QWidget | None = None) -> RecordDialog | None:
        kind = Kind(kind)
        record = self.store.find(kind, record_id)
        if record is None:
            self._tell("Not found", f"This {kind.value} is no longer in the store "
                       "(it may have been deleted).")
            return None
        return self._dialog(kind, record, parent, self.store.title_of(kind, record_id))

    def new_record(self, kind: Kind | str, values: dict | None = None) -> int | None:
        """Open an empty form for ``kind`` (``values`` pre-filled); the new id, or
        ``None`` if the user cancelled."""
        kind = Kind(kind)
        if not self._writable(kind):
            return None
        dialog = self.form_for_new(kind, values)
        return dialog.saved_id if self.exec_dialog(dialog) else None

    def edit_record(self, kind: Kind | str, record_id: int) -> bool:
        """Open the record's form; true when the user saved it."""
        kind = Kind(kind)
        if not self._writable(kind):
            return False
        dialog = self.form_for_edit(kind, record_id)
        if dialog is None:
            return False
        return bool(self.exec_dialog(dialog))

    # --- deleting and restoring -------------------------------------------------------------
    def delete_records(self, kind: Kind | str, ids: list[int]) -> None:
        """Move records to the trash (one undo step)."""
        kind = Kind(kind)
        ids = [int(i) for i in ids]
        if not ids or not self._writable(kind, check_form=False):
            return
        try:
            done = self.store.trash(kind, ids)
        except StoreError as exc:
            self._tell("Could not delete", str(exc))
            return
        if done:
            what = plural(kind, len(done))
            self._push(f"Delete {what}", [TrashStep(kind, done)])
            self.status.emit(f"Moved {what} to the trash (Ctrl+Z to undo)")

    def restore_records(self, kind: Kind | str, ids: list[int]) -> list[int]:
        """Bring records back from the trash (one undo step); the ids restored."""
        kind = Kind(kind)
        ids = [int(i) for i in ids]
        if not ids or not self._writable(kind, check_form=False):
            return []
        try:
            done = self.store.restore(kind, ids)
        except StoreError as exc:
            self._tell("Could not restore", str(exc))
            return []
        if done:
            what = plural(kind, len(done))
            self._push(f"Restore {what}", [RestoreStep(kind, done)])
            self.status.emit(f"Restored {what}")
        return done

    # --- saving (the forms' on_save) ----------------------------------------------------------
    def save_record(self, dialog: RecordDialog | None, record: Record) -> bool:
        """Write what a form holds: ask before creating people or organisations named
        in it, then add or update in one transaction and push one undo step."""
        kind = record.kind
        pending = new_names(record)
        if pending and not self._confirm_new_names(dialog, pending):
            return False
        is_new = record.id is None
        try:
            before = None if is_new else self.store.get(kind, record.id)
            if before is not None and not pending and _content(before) == _content(record):
                return True  # nothing changed: nothing to write, nothing to undo
            steps = []
            with self.store.transaction():
                made: dict[NewName, int] = {}
                for name in pending:
                    rec = Person(name=name.name) if name.kind == Kind.PERSON else Organisation(name=name.name)
                    made[name] = self.store.add(rec)
                    steps.append(AddStep(self.store.get(name.kind, made[name])))
                replace_new_names(record, made)
                if is_new:
                    self.store.add(record)
                    steps.append(AddStep(self.store.get(kind, record.id)))
                else:
                    self.store.update(record)
                    steps.append(UpdateStep(before, self.store.get(kind, record.id)))
        except StoreError as exc:
            if is_new:
                record.id = None
            self._tell("Could not save", f"The {kind.value} was not saved: {exc}",
                       parent=dialog)
            return False
        title = self.store.title_of(kind, record.id)
        short = title if len(title) <= 40 else title[:39] + "…"
        verb = "Add" if is_new else "Edit"
        self._push(f"{verb} {kind.value} “{short}”", steps)
        self.status.emit(f"{'Added' if is_new else 'Saved'} {kind.value} “{short}”")
        self.saved.emit(kind.value, record.id)
        return True

    # --- internals -----------------------------------------------------------------------------
    def _dialog(self, kind: Kind, record: Record, parent: QWidget | None,
                title: str = "") -> RecordDialog:
        dialog = RecordDialog(self.context(), FORMS[kind], record, self.save_record,
                              parent or self.parent_widget, title)
        self.last_dialog = dialog
        return dialog

    def _create_from_field(self, kind: Kind, values: dict) -> int | None:
        """"Create person…" in a name field: a nested form over the open one."""
        parent = self.last_dialog
        dialog = self.form_for_new(kind, values, parent)
        ok = self.exec_dialog(dialog)
        self.last_dialog = parent
        return dialog.saved_id if ok else None

    def _confirm_new_names(self, parent: QWidget | None, pending: list[NewName]) -> bool:
        if len(pending) == 1:
            n = pending[0]
            text = (f"There is no {n.kind.value} called “{n.name}” yet. "
                    f"Create a new {n.kind.value} with this name and save?")
        else:
            listed = "\n".join(f"• {n.kind.value}: {n.name}" for n in pending)
            text = f"These names are not in the store yet:\n{listed}\n\nCreate them and save?"
        answer = self.ask(parent or self.parent_widget, "Create new names?", text,
                          buttons=("Create and save", "Cancel"), default="Create and save",
                          escape="Cancel", kind="question")
        return answer == "Create and save"

    def _writable(self, kind: Kind, check_form: bool = True) -> bool:
        if getattr(self.store, "readonly", False):
            self._tell("Read-only store", "The store is open read-only: nothing can be changed.")
            return False
        if check_form and kind not in FORMS:
            self._tell("Not editable here", f"{kind.plural.capitalize()} are not edited with a form.")
            return False
        return True

    def _push(self, text: str, steps: list) -> None:
        self.undo_stack.push(StoreCommand(self.store, text, steps, self._report))

    def _report(self, message: str) -> None:
        self._tell("Undo", message)

    def _tell(self, title: str, text: str, parent: QWidget | None = None) -> None:
        self.ask(parent or self.parent_widget, title, text, buttons=("OK",), kind="warning")

    def _ask_via_self(self, *args, **kwargs) -> str:
        return self.ask(*args, **kwargs)


__all__ = ["EditController"]
