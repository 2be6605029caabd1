"""New, edit, delete, import and export: the window's record commands, handed to the
editing package (``briefing.gui.editing``: forms, undo, trash, import dialogs).

The editing package is imported on first use (it keeps start-up quick); a read-only
store refuses every write up front.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from briefing.domain import Kind
from briefing.gui.errors import show_message


def _editing():
    import briefing.gui.editing as editing

    return editing


class RecordCommands(QObject):
    saved = Signal(str, int)  # a record was added or edited: kind value, id
    status = Signal(str)

    def __init__(self, store, parent: QWidget, undo_stack: QUndoStack, readonly: bool = False,
                 *, runner=None, bridge=None):
        """``runner`` and ``bridge``: the window's worker runner and store bridge, so
        imports run (and are waited for) with the window's other work and the trash
        hears every change notice, Reload included."""
        super().__init__(parent)
        self.store = store
        self.parent_widget = parent
        self.undo_stack = undo_stack
        self.readonly = readonly
        self.runner = runner
        self.bridge = bridge
        self._edit = None
        self._io = None

    @property
    def can_edit(self) -> bool:
        return not self.readonly

    def trash_view(self) -> QWidget:
        return _editing().TrashView(self.store, undo_stack=self.undo_stack, bridge=self.bridge)

    def edit_controller(self):
        if self._edit is None:
            self._edit = _editing().EditController(self.store, self.parent_widget, self.undo_stack)
            self._edit.saved.connect(self.saved)
            self._edit.status.connect(self.status)
        return self._edit

    def io_controller(self):
        if self._io is None:
            self._io = _editing().ImportExportController(
                self.store, self.parent_widget, runner=self.runner, bridge=self.bridge)
            self._io.status.connect(self.status)
        return self._io

    def _refuse(self, what: str) -> None:
        show_message(self.parent_widget, "Briefing",
                     f"This store is open read-only, so you cannot {what}.")

    # --- the commands ---------------------------------------------------------------------------------
    def new_record(self, kind: Kind) -> None:
        if self.readonly:
            return self._refuse(f"add a {Kind(kind).value}")
        self.edit_controller().new_record(Kind(kind))

    def edit_record(self, kind: Kind, record_id: int) -> None:
        if self.readonly:
            return self._refuse(f"edit this {Kind(kind).value}")
        self.edit_controller().edit_record(Kind(kind), int(record_id))

    def delete_records(self, kind: Kind, ids: list[int]) -> None:
        if not ids:
            return
        if self.readonly:
            return self._refuse("delete records")
        self.edit_controller().delete_records(Kind(kind), [int(i) for i in ids])

    def import_files(self, paths: list[str] | None = None) -> None:
        if self.readonly:
            return self._refuse("import files")
        self.io_controller().import_files(paths)

    def export_data(self) -> None:
        self.io_controller().export_data()
