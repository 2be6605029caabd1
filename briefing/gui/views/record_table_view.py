"""A page showing one record kind as a table: a filter field, a country filter, the
row count, and a sortable ``QTableView`` over :class:`RecordTableModel`.

Selecting a row shows the record in the detail pane (``record_selected``); Enter or a
double click activates it (``record_activated``: the window opens the editor).  The
selection survives a refresh (after an edit, an undo, a new sort).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu,
    QTableView, QVBoxLayout, QWidget,
)

from briefing.domain import Change, Kind
from briefing.gui.icons import icon
from briefing.gui.models.record_table import ID_ROLE, RecordTableModel
from briefing.gui.views.country_choice import fill_countries

WIDTHS = {"date": 130, "start": 130, "end": 110, "signed": 130, "published": 130, "as_of": 120,
          "in_force": 110, "speaker": 170, "guest": 170, "host": 150, "name": 220, "title": 360,
          "text": 460, "country": 110, "from": 110, "to": 110, "kind": 90, "language": 70,
          "status": 90, "value": 90, "unit": 80, "metric": 260, "holder": 170, "parties": 220,
          "occasion": 200, "topics": 140, "purpose": 300, "place": 110}


class RecordTablePage(QWidget):
    record_selected = Signal(str, int)
    record_activated = Signal(str, int)
    context_menu_requested = Signal(object)  # the QMenu to fill; shown after the signal

    def __init__(self, store, kind: Kind, runner, settings=None, title: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = Kind(kind)
        self.settings = settings
        self.model = RecordTableModel(store, self.kind, runner, self, load=False)  # on first show
        self._keep: list[int] = []
        self._current_id: int | None = None
        self._current_row = -1

        self.title = QLabel(title or self.kind.plural.capitalize(), objectName="pageTitle")
        self.count = QLabel(objectName="muted")
        self.filter = QLineEdit(objectName="tableFilter",
                                placeholderText=f"Filter {self.kind.plural} (any script)")
        self.filter.setClearButtonEnabled(True)
        self._filter_icon = self.filter.addAction(icon("filter"), QLineEdit.ActionPosition.LeadingPosition)
        self.filter.setToolTip(f"Show only {self.kind.plural} containing these words "
                               "(names in any spelling; word beginnings match)")
        self.filter.setMinimumWidth(120)
        self.filter.setMaximumWidth(340)
        self.country = QComboBox(objectName="tableCountry")
        fill_countries(self.country, "Any country")
        self.country.setToolTip(f"Show only {self.kind.plural} involving this country")
        self.country.setVisible(self.kind != Kind.SOURCE)
        self.country.setMaximumWidth(220)

        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addSpacing(8)
        head.addWidget(self.count)
        head.addStretch(1)
        head.addWidget(self.filter)
        head.addWidget(self.country)

        self.table = QTableView(objectName=f"{self.kind.value}Table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        for i, key in enumerate(self.model.column_keys()):
            self.table.setColumnWidth(i, WIDTHS.get(key, 140))
        col, order = self.model.default_sort()
        header.setSortIndicator(col, order)
        self.table.setSortingEnabled(True)
        self.table.setAccessibleName(f"{self.kind.plural.capitalize()} table")
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 4)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)

        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self._apply_filter)
        self.filter.textChanged.connect(lambda _t: self._timer.start())
        self.country.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.model.count_changed.connect(self._show_count)
        self.model.loading_changed.connect(lambda _b: self._show_count(self.model.rowCount()))
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self._show_count(self.model.rowCount())
        if settings is not None:
            settings.restore_header(f"table-{self.kind.value}", header)

    def showEvent(self, event) -> None:
        self.ensure_loaded()
        super().showEvent(event)

    def ensure_loaded(self) -> None:
        if not self.model.loaded:
            self.model.refresh()

    # --- state ------------------------------------------------------------------------------------
    def save_state(self) -> None:
        if self.settings is not None:
            self.settings.save_header(f"table-{self.kind.value}", self.table.horizontalHeader())

    def _show_count(self, n: int) -> None:
        noun = self.kind.value if n == 1 else self.kind.plural
        busy = " · sorting…" if self.model.loading else ""
        self.count.setText(f"{n:,} {noun}{busy}")

    def _apply_filter(self) -> None:
        self.model.set_filter(self.filter.text().strip(), self.country.currentData() or None)

    # --- selection ------------------------------------------------------------------------------------
    def selected_records(self) -> tuple[Kind, list[int]]:
        if not self.model.loaded:
            return self.kind, []
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [rid for r in rows if (rid := self.model.id_at(r)) is not None]
        return self.kind, ids

    def _remember_selection(self) -> None:
        self._keep = self.selected_records()[1]
        cur = self.table.currentIndex()
        self._current_id = self.model.id_at(cur.row()) if cur.isValid() else None
        self._current_row = cur.row() if cur.isValid() else -1

    def _restore_selection(self) -> None:
        sm = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for rid in self._keep[:200]:
            row = self.model.row_of(rid)
            if row is not None:
                sm.select(self.model.index(row, 0), flags)
        if self._current_id is not None:
            row = self.model.row_of(self._current_id)
            if row is not None:
                sm.setCurrentIndex(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
                self.table.scrollTo(self.model.index(row, 0))
            elif not sm.hasSelection() and self.model.rowCount() and self._current_row >= 0:
                # the current record went away (deleted): the next one takes its place
                self.table.selectRow(min(self._current_row, self.model.rowCount() - 1))

    def select_record(self, record_id: int) -> bool:
        self.ensure_loaded()
        row = self.model.row_of(record_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _row_changed(self, current, _previous) -> None:
        rid = current.data(ID_ROLE) if current.isValid() else None
        if rid is not None:
            self.record_selected.emit(self.kind.value, rid)

    def _activated(self, index) -> None:
        rid = index.data(ID_ROLE) if index.isValid() else None
        if rid is not None:
            self.record_activated.emit(self.kind.value, rid)

    def _context_menu(self, pos) -> None:
        if not self.table.indexAt(pos).isValid():
            return
        menu = QMenu(self)
        self.context_menu_requested.emit(menu)
        if not menu.isEmpty():
            menu.exec(self.table.viewport().mapToGlobal(pos))

    def on_store_changed(self, change: Change) -> None:
        self.model.on_store_changed(change)

    def focus_main(self) -> None:
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.selectRow(0)

    def on_theme_changed(self) -> None:
        self._filter_icon.setIcon(icon("filter"))
