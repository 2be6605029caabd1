"""The Briefings page: the list of briefings and, once one is open, its composer.

    page = ComposerPage(store)          # a QWidget for the main window's page stack
    page.new_briefing()                 # Ctrl+N: the New briefing dialog, then the draft
    page.open_briefing(3)
    page.add_to_briefing([(Kind.STATEMENT, 12)])   # "Add to briefing" from search/record
    page.on_store_changed(change)       # connect to the window's StoreBridge.changed

The open briefing is remembered in the store's settings (``composer.open_briefing``)
so the app reopens it where the user left it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from briefing.domain import Kind
from briefing.gui.composer.briefings_list import BriefingsList
from briefing.gui.composer.editor import ComposerEditor
from briefing.gui.composer.new_dialog import NewBriefingDialog
from briefing.services import composer

OPEN_SETTING = "composer.open_briefing"


def _run_modal(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


def _ask(parent, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class ComposerPage(QWidget):
    message = Signal(str)  # for the status bar
    briefing_opened = Signal(int)  # id, or 0 when back at the list

    # replaceable for tests and scripts (no modal loops)
    exec_dialog = staticmethod(_run_modal)
    ask = staticmethod(_ask)

    record_selected = Signal(str, int)  # the current item's record, for the detail pane

    def __init__(self, store, undo_stack: QUndoStack | None = None, parent=None,
                 *, restore: bool = True, shortcuts: bool = True):
        """In the main window: pass its undo stack and ``shortcuts=False`` (the window
        binds Ctrl+N, Ctrl+Z and Ctrl+Shift+Z itself); standalone the page has its own."""
        super().__init__(parent)
        self.setObjectName("composerPage")
        self.store = store
        self.list = BriefingsList(store)
        self.editor = ComposerEditor(store, undo_stack, shortcuts=shortcuts)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.editor)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)

        self.new_action = QAction("New briefing…", self, objectName="composer_new")
        self.new_action.triggered.connect(self.new_briefing)
        if shortcuts:
            self.new_action.setShortcut(QKeySequence.StandardKey.New)
            self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(self.new_action)

        self.list.new_requested.connect(self.new_briefing)
        self.list.open_requested.connect(self.open_briefing)
        self.list.duplicate_requested.connect(self.duplicate_briefing)
        self.list.delete_requested.connect(self.delete_briefing)
        self.editor.back_requested.connect(self.show_list)
        self.editor.message.connect(self.message)
        self.editor.opened.connect(self._remember)
        self.editor.record_selected.connect(self.record_selected)
        if restore:
            self.restore_last()

    @property
    def undo_stack(self) -> QUndoStack:
        return self.editor.undo_stack

    @property
    def open_id(self) -> int | None:
        return self.editor.briefing_id

    # --- navigation ------------------------------------------------------------------------
    def restore_last(self) -> None:
        """Reopen the briefing that was open when the app closed (if it still exists)."""
        last = self.store.get_setting(OPEN_SETTING)
        if last and last.isdigit() and composer.signature(self.store, int(last)) is not None:
            self.open_briefing(int(last))
        else:
            self.show_list()

    def _remember(self, briefing_id: int) -> None:
        if not self.store.readonly and self.store.get_setting(OPEN_SETTING) != str(briefing_id):
            self.store.set_setting(OPEN_SETTING, str(briefing_id))
        self.briefing_opened.emit(briefing_id)

    def show_list(self) -> None:
        if self.editor.briefing_id is not None:
            self.list.reload()
            self.list.select(self.editor.briefing_id)
            self.editor.close_briefing()
        else:
            self.list.reload()
        if not self.store.readonly and self.store.get_setting(OPEN_SETTING):
            self.store.set_setting(OPEN_SETTING, "")
        self.stack.setCurrentWidget(self.list)
        self.briefing_opened.emit(0)

    def open_briefing(self, briefing_id: int) -> bool:
        if not self.editor.open(int(briefing_id)):
            self.list.reload()
            return False
        self.stack.setCurrentWidget(self.editor)
        self.editor.tree.setFocus()
        return True

    # --- briefings ------------------------------------------------------------------------
    def new_briefing(self) -> int | None:
        """Ctrl+N: ask for the meeting, create the briefing with its draft and open it."""
        dialog = NewBriefingDialog(self.store, self)
        if not self.exec_dialog(dialog) or dialog.briefing_id is None:
            return None
        self.open_briefing(dialog.briefing_id)
        self.message.emit(f"Created “{dialog.title.text().strip()}”")
        return dialog.briefing_id

    def duplicate_briefing(self, briefing_id: int) -> int | None:
        try:
            new_id = composer.duplicate(self.store, briefing_id)
        except composer.ComposerError as exc:
            self.message.emit(str(exc))
            return None
        self.list.reload()
        self.list.select(new_id)
        self.message.emit("Briefing duplicated")
        return new_id

    def delete_briefing(self, briefing_id: int) -> bool:
        title = next((r.title for r in self.list.model.rows if r.id == briefing_id), "")
        if not self.ask(self, "Delete briefing",
                        f"Move “{title}” to the trash? It can be restored from the trash."):
            return False
        try:
            composer.trash_briefing(self.store, briefing_id)
        except composer.ComposerError as exc:
            self.message.emit(str(exc))
            return False
        if self.editor.briefing_id == briefing_id:
            self.editor.close_briefing()
        self.list.reload()
        self.message.emit(f"“{title}” moved to the trash")
        return True

    def add_to_briefing(self, refs) -> composer.Added | None:
        """Add records (``[(Kind or kind value, id), …]``) to the open briefing."""
        refs = [(Kind(k), int(i)) for k, i in refs]
        if self.editor.briefing_id is None:
            self.message.emit("Open a briefing first (Briefings page), then add to it")
            return None
        return self.editor.add_records(refs)

    def on_store_changed(self, change=None) -> None:
        """Connect to the window's change notices: refresh the list and the open briefing."""
        if self.stack.currentWidget() is self.list:
            self.list.reload()
        else:
            self.editor.on_store_changed(change)
