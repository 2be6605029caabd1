"""The briefing as a two-level tree: sections, and their items with a check box
(included) — dragged and dropped to reorder within and across sections.

The model never writes: ticking emits ``include_toggled``, dropping emits
``move_requested``; the session writes and the model is loaded again from the
assembled briefing (:meth:`load`), keeping nothing of its own.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from briefing.domain import AssembledBriefing, AssembledItem, Kind, Section
from briefing.services.composer.describe import item_label

MIME = "application/x-briefing-item-ids"
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SECTION_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
COLUMNS = ("Item", "Note")
_LABEL_MAX = 220


class BriefingTreeModel(QAbstractItemModel):
    include_toggled = Signal(int, bool)  # item id, included
    move_requested = Signal(list, str, int)  # item ids, section value, position

    def __init__(self, parent=None):
        super().__init__(parent)
        self._sections: list[tuple[Section, list[AssembledItem]]] = [(s, []) for s in Section]
        self._names: dict[str, str] = {}

    # --- loading ---------------------------------------------------------------------------
    def load(self, assembled: AssembledBriefing | None) -> None:
        self.beginResetModel()
        if assembled is None:
            self._sections = [(s, []) for s in Section]
            self._names = {}
        else:
            self._sections = [(sec.section, list(sec.items)) for sec in assembled.sections]
            self._names = dict(assembled.country_names)
        self.endResetModel()

    def section_index(self, section: Section | str) -> QModelIndex:
        for row, (sec, _items) in enumerate(self._sections):
            if sec.value == Section(section).value:
                return self.index(row, 0)
        return QModelIndex()

    def index_of_item(self, item_id: int) -> QModelIndex:
        for srow, (_sec, items) in enumerate(self._sections):
            for row, ai in enumerate(items):
                if ai.item.id == item_id:
                    return self.index(row, 0, self.index(srow, 0))
        return QModelIndex()

    def item_at(self, index: QModelIndex) -> AssembledItem | None:
        if not index.isValid() or not index.internalId():
            return None
        items = self._sections[index.internalId() - 1][1]
        return items[index.row()] if 0 <= index.row() < len(items) else None

    def section_at(self, index: QModelIndex) -> Section | None:
        if not index.isValid():
            return None
        srow = index.internalId() - 1 if index.internalId() else index.row()
        return self._sections[srow][0]

    # --- structure ---------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= len(COLUMNS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._sections) else QModelIndex()
        if parent.internalId():
            return QModelIndex()
        items = self._sections[parent.row()][1]
        return self.createIndex(row, column, parent.row() + 1) if row < len(items) else QModelIndex()

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or not index.internalId():
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._sections)
        if parent.internalId() or parent.column() != 0:
            return 0
        return len(self._sections[parent.row()][1])

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    # --- data ------------------------------------------------------------------------------
    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if not index.internalId():
            return self._section_data(index, role)
        ai = self.item_at(index)
        if ai is None:
            return None
        it = ai.item
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 1:
                return " ".join(it.annotation.split())
            label = " ".join(item_label(ai, self._names).split())
            if ai.record is None and not ai.removed and not label:
                label = "(empty — write it in the editor)"
            return label if len(label) <= _LABEL_MAX else label[:_LABEL_MAX - 1] + "…"
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return Qt.CheckState.Checked if it.included else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [item_label(ai, self._names)]
            if it.reason:
                tips.append(f"Suggested because: {it.reason}")
            if it.annotation:
                tips.append(f"Note: {it.annotation}")
            return "\n".join(tips)
        if role == Qt.ItemDataRole.ForegroundRole and (ai.removed or not it.included):
            return QBrush(QApplication.palette().color(QPalette.ColorGroup.Disabled,
                                                       QPalette.ColorRole.Text))
        if role == Qt.ItemDataRole.FontRole and ai.removed:
            f = QFont()
            f.setItalic(True)
            return f
        if role == ITEM_ID_ROLE:
            return it.id
        if role == SECTION_ROLE:
            return it.section
        if role == KIND_ROLE:
            return it.ref_kind or ""
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and it.ref_kind:
            from briefing.gui.icons import kind_icon
            return kind_icon(Kind(it.ref_kind))
        return None

    def _section_data(self, index: QModelIndex, role):
        sec, items = self._sections[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 1:
                return ""
            shown = sum(1 for ai in items if ai.item.included)
            count = f"  ({shown} of {len(items)})" if items else "  (empty)"
            return sec.title + count
        if role == Qt.ItemDataRole.FontRole:
            f = QFont()
            f.setBold(True)
            return f
        if role == SECTION_ROLE:
            return sec.value
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.internalId():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        flags = base | Qt.ItemFlag.ItemIsDragEnabled
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        ai = self.item_at(index)
        if ai is None:
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
        self.include_toggled.emit(ai.item.id, state == Qt.CheckState.Checked)
        return True

    # --- drag and drop --------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        ids = []
        for index in indexes:
            ai = self.item_at(index)
            if ai is not None and ai.item.id not in ids:
                ids.append(ai.item.id)
        data = QMimeData()
        data.setData(MIME, json.dumps(ids).encode("utf-8"))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return data.hasFormat(MIME) and self.section_at(parent) is not None

    def dropMimeData(self, data: QMimeData, action, row: int, column: int,
                     parent: QModelIndex) -> bool:
        """Work out where the items go and ask for the move.  Returns False so the view
        never removes rows itself: the move is written, then the model reloads."""
        if not data.hasFormat(MIME):
            return False
        ids = [int(i) for i in json.loads(bytes(data.data(MIME)).decode("utf-8"))]
        section = self.section_at(parent)
        if not ids or section is None:
            return False
        items = self._sections[[s for s, _ in self._sections].index(section)][1]
        if parent.internalId():  # dropped onto an item: before it
            row = parent.row()
        if row < 0 or row > len(items):
            row = len(items)
        # the position counts only the items that stay where they are
        position = sum(1 for ai in items[:row] if ai.item.id not in ids)
        self.move_requested.emit(ids, section.value, position)
        return False

    def removeRows(self, row: int, count: int, parent: QModelIndex = QModelIndex()) -> bool:
        return False
