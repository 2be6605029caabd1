"""The talking-points editor: the briefing's "Summary and talking points" as a list to
write in — Add point, type, Enter; double-click (or F2) to reword; Delete to remove.
Each point is a briefing item, so it can also be ticked, dragged and annotated in
the tree."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate, QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from briefing.domain import AssembledSection
from briefing.services.composer.describe import item_label

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _PointsList(QListWidget):
    """Delete removes the selected points (claimed before the window's shortcut)."""

    delete_pressed = Signal()
    editor_closed = Signal()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and \
                self.state() != QAbstractItemView.State.EditingState and \
                event.matches(QKeySequence.StandardKey.Delete):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt name
        if self.state() != QAbstractItemView.State.EditingState and \
                event.matches(QKeySequence.StandardKey.Delete):
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor, hint) -> None:  # noqa: N802 - Qt name
        super().closeEditor(editor, hint)
        self.editor_closed.emit()

    def open_editor(self):
        """The line editor open on a point, if any."""
        if self.state() != QAbstractItemView.State.EditingState:
            return None
        # closed editors linger until deleted later: the open one is not hidden
        open_ = [w for w in self.viewport().findChildren(QLineEdit) if not w.isHidden()]
        return open_[-1] if open_ else None

    def finish_editing(self) -> None:
        """Save and close the open editor (before the list changes under it)."""
        editor = self.open_editor()
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)


class PointsEditor(QWidget):
    point_edited = Signal(int, str)  # item id, text
    add_requested = Signal()
    remove_requested = Signal(list)  # item ids

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._loading = False
        self.list = _PointsList(objectName="talkingPoints")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.itemChanged.connect(self._changed)
        self._pending = None
        self.list.editor_closed.connect(self._load_pending)
        self.add = QPushButton("Add point", objectName="addPoint")
        self.add.clicked.connect(self.add_requested)
        self.remove = QPushButton("Remove", objectName="removePoint")
        self.remove.clicked.connect(self._remove)
        self.list.delete_pressed.connect(self._remove)
        hint = QLabel("Numbered in this order in the dossier; drag them in the tree to reorder.",
                      objectName="muted")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.list, 1)
        lay.addLayout(buttons)
        lay.addWidget(hint)

    def load(self, section: AssembledSection | None, country_names: dict | None = None) -> None:
        if self.list.state() == QAbstractItemView.State.EditingState:
            self._pending = (section, country_names)  # after the line being written
            return
        self._pending = None
        self._loading = True
        current = self.list.currentItem().data(ID_ROLE) if self.list.currentItem() else None
        self.list.clear()
        for ai in section.items if section else []:
            free = ai.record is None and not ai.removed
            row = QListWidgetItem(ai.item.text if free else item_label(ai, country_names or {}))
            row.setData(ID_ROLE, ai.item.id)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if free:
                flags |= Qt.ItemFlag.ItemIsEditable
            row.setFlags(flags)
            if not ai.item.included:
                f = row.font()
                f.setStrikeOut(True)
                row.setFont(f)
            self.list.addItem(row)
            if ai.item.id == current:
                self.list.setCurrentItem(row)
        self._loading = False

    def _load_pending(self) -> None:
        if self._pending is not None:
            self.load(*self._pending)

    def finish_editing(self) -> None:
        self.list.finish_editing()

    def edit_point(self, item_id: int) -> None:
        """Open the editor on a point (after "Add point")."""
        for n in range(self.list.count()):
            row = self.list.item(n)
            if row.data(ID_ROLE) == item_id:
                self.list.setCurrentItem(row)
                self.list.editItem(row)
                return

    def _changed(self, row: QListWidgetItem) -> None:
        if not self._loading:
            self.point_edited.emit(int(row.data(ID_ROLE)), row.text().strip())

    def _remove(self) -> None:
        ids = [int(r.data(ID_ROLE)) for r in self.list.selectedItems()]
        if ids:
            self.remove_requested.emit(ids)
