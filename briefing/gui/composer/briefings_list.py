"""The briefings list: every briefing, most recently edited first, with New, Open,
Duplicate and Delete (to the trash).  A small set: an in-memory row list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout,
    QWidget,
)

from briefing.gui.models.row_list import RowListModel
from briefing.services import composer

COLUMNS = ("Title", "Counterpart", "Date", "Place", "Items", "Status", "Marking")
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class BriefingsModel(RowListModel):
    HEADERS = COLUMNS

    def __init__(self, store, parent=None):
        super().__init__([], parent)
        self.store = store

    def reload(self) -> None:
        self.set_rows(composer.briefings(self.store))

    def cell(self, r, column: int, role):
        if role == ID_ROLE:
            return r.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 1:
            return ", ".join(x for x in (r.counterpart_name,
                                         self.store.country_name(r.counterpart_country)) if x)
        return (r.title, "", r.date.display() if r.date else "", r.place,
                f"{r.included} of {r.items}", r.status, r.classification)[column]


class BriefingsList(QWidget):
    open_requested = Signal(int)
    new_requested = Signal()
    duplicate_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = BriefingsModel(store, self)
        self.table = QTableView(objectName="briefingsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda i: self.open_requested.emit(self._id(i)))
        self.table.activated.connect(lambda i: self.open_requested.emit(self._id(i)))
        self.empty = QLabel("No briefings yet. <b>New briefing</b> (Ctrl+N) drafts one for a "
                            "meeting from what the store knows.", objectName="muted")
        self.buttons = {}
        row = QHBoxLayout()
        for name, label in (("new", "New briefing…"), ("open", "Open"),
                            ("duplicate", "Duplicate"), ("delete", "Delete")):
            b = QPushButton(label, objectName=f"briefings_{name}")
            self.buttons[name] = b
            row.addWidget(b)
        row.addStretch(1)
        self.buttons["new"].clicked.connect(self.new_requested)
        for name, sig in (("open", self.open_requested), ("duplicate", self.duplicate_requested),
                          ("delete", self.delete_requested)):
            self.buttons[name].clicked.connect(lambda _=False, s=sig: self._emit_current(s))
        title = QLabel("Briefings", objectName="pageTitle")
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addLayout(row)
        lay.addWidget(self.empty)
        lay.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._update)
        self.reload()

    def _id(self, index) -> int:
        return int(self.model.data(self.model.index(index.row(), 0), ID_ROLE))

    def current_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self._id(rows[0]) if rows else None

    def _emit_current(self, signal) -> None:
        bid = self.current_id()
        if bid is not None:
            signal.emit(bid)

    def select(self, briefing_id: int) -> None:
        for r, row in enumerate(self.model.rows):
            if row.id == briefing_id:
                self.table.selectRow(r)
                return

    def reload(self) -> None:
        current = self.current_id()
        self.model.reload()
        self.empty.setVisible(not self.model.rows)
        self.table.setVisible(bool(self.model.rows))
        if current is not None:
            self.select(current)
        elif self.model.rows:
            self.table.selectRow(0)
        self._update()

    def _update(self, *_args) -> None:
        has = self.current_id() is not None
        for name in ("open", "duplicate", "delete"):
            self.buttons[name].setEnabled(has)
