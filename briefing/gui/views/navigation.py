"""The navigation list on the left: section headings and one entry per page, each
with its icon and (for record pages) a live count, e.g. ``Statements   9``."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
HEADING_ROLE = Qt.ItemDataRole.UserRole + 3


class _Delegate(QStyledItemDelegate):
    def paint(self, painter, option, index: QModelIndex) -> None:
        if index.data(HEADING_ROLE):
            painter.save()
            font = QFont(option.font)
            font.setPointSizeF(font.pointSizeF() * 0.78)
            font.setBold(True)
            font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
            painter.setFont(font)
            painter.setPen(option.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            painter.drawText(option.rect.adjusted(10, 0, 0, -2),
                             Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft,
                             index.data(Qt.ItemDataRole.DisplayRole))
            painter.restore()
            return
        super().paint(painter, option, index)
        count = index.data(COUNT_ROLE)
        if count is not None:
            painter.save()
            selected = option.state & QStyle.StateFlag.State_Selected
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
            painter.setPen(option.palette.color(role))
            font = QFont(option.font)
            font.setPointSizeF(font.pointSizeF() * 0.9)
            painter.setFont(font)
            painter.drawText(QRect(option.rect).adjusted(0, 0, -12, 0),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{count:,}")
            painter.restore()

    def sizeHint(self, option, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(HEADING_ROLE):
            return QSize(size.width(), 30 if index.row() else 22)
        return QSize(size.width(), max(size.height(), 30))


class Navigation(QListView):
    page_requested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setAccessibleName("Navigation")
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.setItemDelegate(_Delegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setIconSize(QSize(18, 18))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(170)
        self.selectionModel().currentChanged.connect(self._changed)

    def add_heading(self, title: str) -> None:
        item = QStandardItem(title.upper())
        item.setData(True, HEADING_ROLE)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self._model.appendRow(item)

    def add_page(self, key: str, title: str, icon, tooltip: str = "", before: str | None = None) -> None:
        item = QStandardItem(icon, title)
        item.setData(key, KEY_ROLE)
        item.setToolTip(tooltip or title)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        row = self._row(before) if before else None
        if row is None:
            self._model.appendRow(item)
        else:
            self._model.insertRow(row, item)

    def set_icon(self, key: str, icon) -> None:
        row = self._row(key)
        if row is not None:
            self._model.item(row).setIcon(icon)

    def set_count(self, key: str, count: int | None) -> None:
        row = self._row(key)
        if row is not None:
            self._model.item(row).setData(count, COUNT_ROLE)

    def keys(self) -> list[str]:
        return [k for r in range(self._model.rowCount())
                if (k := self._model.item(r).data(KEY_ROLE))]

    def _row(self, key: str) -> int | None:
        for r in range(self._model.rowCount()):
            if self._model.item(r).data(KEY_ROLE) == key:
                return r
        return None

    def select(self, key: str) -> bool:
        row = self._row(key)
        if row is None:
            return False
        self.setCurrentIndex(self._model.index(row, 0))
        return True

    def current_key(self) -> str:
        idx = self.currentIndex()
        return idx.data(KEY_ROLE) or "" if idx.isValid() else ""

    def _changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = current.data(KEY_ROLE) if current.isValid() else None
        if key:
            self.page_requested.emit(key)
