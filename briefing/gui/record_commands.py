"""New, edit, delete, import and export: the window's record commands, handed to the
editing package (``briefing.gui.editing``: forms, undo, trash, import dialogs).

The editing package is optional at import time (the app starts without it and says
so when a command needs it); a read-only store refuses every write up front.
"""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from briefing.domain import Kind
from briefing.gui.errors import show_message

log = logging.getLogger(__name__)


def editing_module():
    """``briefing.gui.editing`` or ``None`` while it does not exist (or fails to load)."""
    try:
        return importlib.import_module("briefing.gui.editing")
    except ImportError as exc:
        log.warning("editing is not available: %s", exc)
        return None


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
        self._module = None  # imported on first use (keeps start-up quick)
        self._edit = None
        self._io = None

    @property
    def module(self):
        if self._module is None:
            self._module = editing_module() or False
        return self._module or None

    # --- what exists ----------------------------------------------------------------------------
    @property
    def can_edit(self) -> bool:
        return not self.readonly and getattr(self.module, "EditController", None) is not None

    @property
    def can_import(self) -> bool:
        return not self.readonly and getattr(self.module, "ImportExportController", None) is not None

    @property
    def can_export(self) -> bool:
        return getattr(self.module, "ImportExportController", None) is not None

    def trash_view(self) -> QWidget | None:
        cls = getattr(self.module, "TrashView", None)
        if cls is None:
            return None
        return cls(self.store, undo_stack=self.undo_stack, bridge=self.bridge)

    def edit_controller(self):
        if self._edit is None and self.can_edit:
            self._edit = self.module.EditController(self.store, self.parent_widget, self.undo_stack)
            for name, slot in (("saved", self.saved), ("status", self.status)):
                signal = getattr(self._edit, name, None)
                if signal is not None:
                    signal.connect(slot)
        return self._edit

    def io_controller(self):
        if self._io is None and self.can_export:
            self._io = self.module.ImportExportController(
                self.store, self.parent_widget, runner=self.runner, bridge=self.bridge)
            signal = getattr(self._io, "status", None)
            if signal is not None:
                signal.connect(self.status)
        return self._io

    def _refuse(self, what: str) -> None:
        if self.readonly:
            text = f"This store is open read-only, so you cannot {what}."
        else:
            text = f"You cannot {what} in this version of Briefing yet."
        show_message(self.parent_widget, "Briefing", text)

    # --- the commands ---------------------------------------------------------------------------------
    def new_record(self, kind: Kind) -> None:
        if not self.can_edit:
            return self._refuse(f"add a {Kind(kind).value}")
        self.edit_controller().new_record(Kind(kind))

    def edit_record(self, kind: Kind, record_id: int) -> None:
        if not self.can_edit:
            return self._refuse(f"edit this {Kind(kind).value}")
        self.edit_controller().edit_record(Kind(kind), int(record_id))

    def delete_records(self, kind: Kind, ids: list[int]) -> None:
        if not ids:
            return
        if not self.can_edit:
            return self._refuse("delete records")
        self.edit_controller().delete_records(Kind(kind), [int(i) for i in ids])

    def import_files(self, paths: list[str] | None = None) -> None:
        if not self.can_import:
            return self._refuse("import files")
        self.io_controller().import_files(paths)

    def export_data(self) -> None:
        if not self.can_export:
            return self._refuse("export data")
        self.io_controller().export_data()
