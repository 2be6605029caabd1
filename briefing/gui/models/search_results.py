"""Search results as a list model: one page of hits at a time, more on demand.

The rows come from :mod:`briefing.gui.search_source` (already marked up); the model
asks for the next page through ``more_requested`` when the view scrolls to the end
(``canFetchMore``/``fetchMore``), and the panel answers with :meth:`append`.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal

from briefing.gui.models.record_table import ID_ROLE, KIND_ROLE
from briefing.gui.search_source import ResultRow, SearchOutcome

ROW_ROLE = Qt.ItemDataRole.UserRole + 3


class SearchResultsModel(QAbstractListModel):
    more_requested = Signal(int)  # the offset of the page wanted

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[ResultRow] = []
        self._has_more = False
        self._asked_offset = -1

    def set_outcome(self, outcome: SearchOutcome | None) -> None:
        self.beginResetModel()
        self._rows = list(outcome.rows) if outcome else []
        self._has_more = bool(outcome and outcome.has_more)
        self._asked_offset = -1
        self.endResetModel()

    def append(self, outcome: SearchOutcome) -> None:
        if outcome.offset != len(self._rows):
            return  # a stale page
        if outcome.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(outcome.rows) - 1)
            self._rows.extend(outcome.rows)
            self.endInsertRows()
        self._has_more = outcome.has_more and bool(outcome.rows)

    def row(self, index: int) -> ResultRow | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    # --- QAbstractListModel -----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more and self._asked_offset != len(self._rows)

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._asked_offset = len(self._rows)
            self.more_requested.emit(self._asked_offset)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.kind.label}: {row.title}"
        if role == ID_ROLE:
            return row.id
        if role == KIND_ROLE:
            return row.kind.value
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.kind.label}, {row.date}, {row.who}: {row.title}"
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
