"""Editing records in the GUI: forms with validation, undo, the trash, and
import/export with progress and a report.

    EditController(store, parent, undo_stack)   new_record / edit_record / delete_records
    TrashView(store, parent=None, undo_stack=None)
    ImportExportController(store, parent)       import_files / export_data
"""

from briefing.gui.editing.controller import EditController
from briefing.gui.editing.import_export import ImportExportController
from briefing.gui.editing.trash_view import TrashView

__all__ = ["EditController", "TrashView", "ImportExportController"]
