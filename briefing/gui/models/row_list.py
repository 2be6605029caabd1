"""A table model over a small in-memory list of rows (the trash, an import report).

Subclasses set ``HEADERS`` and answer :meth:`cell` for a row, a column and a role;
counting, headers and bounds checks live here once.  Large sets use
``RecordTableModel`` (SQL-backed, lazy) instead.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt


class RowListModel(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()

    def __init__(self, rows: list | None = None, parent=None):
        super().__init__(parent)
        self.rows = list(rows or [])

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.cell(self.rows[index.row()], index.column(), role)

    def cell(self, row, column: int, role):  # pragma: no cover - subclasses answer
        return None
