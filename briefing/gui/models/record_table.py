"""A record table as a ``QAbstractTableModel`` that never loads the whole table.

Sorting and filtering happen in SQL (:mod:`briefing.store.tables`); rows are read a
page at a time when the view asks for them and kept in a small LRU cache.

How a table gets its rows, by size:

* up to ``SYNC_LIMIT`` records: the sorted ids are read at once (Anki's browser
  keeps the ids and fills rows on demand);
* larger, in an order an index delivers (every table's default): the row count
  (two index counts) and the visible window (``LIMIT … OFFSET``) are read at once —
  a million-row table opens in milliseconds — while a worker reads the sorted ids;
  once they arrive pages are read by id;
* larger, sorted by another column or filtered: a worker reads the sorted ids; the
  old rows stay on screen until the new order is ready (``loading`` is true).
"""

from __future__ import annotations

from array import array
from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

from briefing.domain import Change, Kind
from briefing.gui.store_bridge import touches
from briefing.store import tables
from briefing.store.tables import TableQuery, TableRow

SYNC_LIMIT = 50_000  # tables this small read their sorted ids on the GUI thread
PAGE_SIZE = 100  # rows read at a time (a screenful or three)
MAX_PAGES = 100  # pages kept in the cache (10 000 rows)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
_DISPLAY, _TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def _read_ids(ctx, query: TableQuery):
    return query, tables.sorted_ids(ctx.store, query, cancelled=ctx.cancelled)


class RecordTableModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    count_changed = Signal(int)

    def __init__(self, store, kind: Kind, runner=None, parent: QObject | None = None,
                 load: bool = True):
        super().__init__(parent)
        self.store = store
        self.kind = Kind(kind)
        self.runner = runner
        self._columns = tables.columns(self.kind)
        self._query = TableQuery(self.kind)
        self._count = 0
        self._ids: array | None = None
        self._pages: OrderedDict[int, list[TableRow | None]] = OrderedDict()
        self._loading = False
        self._channel = f"table-{self.kind.value}-{id(self)}"
        self.loaded = False
        if load:
            self.refresh()

    # --- what the table shows --------------------------------------------------------------
    @property
    def query(self) -> TableQuery:
        return self._query

    @property
    def loading(self) -> bool:
        return self._loading

    def column_keys(self) -> list[str]:
        return [c.key for c in self._columns]

    def default_sort(self) -> tuple[int, Qt.SortOrder]:
        q = TableQuery(self.kind)
        col = self.column_keys().index(q.sort_column.key)
        order = Qt.SortOrder.DescendingOrder if q.is_descending else Qt.SortOrder.AscendingOrder
        return col, order

    def set_filter(self, text: str = "", country: str | None = None) -> None:
        q = self._query
        if (q.text, q.country) == (text, country):
            return
        self._query = TableQuery(self.kind, q.sort, q.descending, text, country)
        if self.loaded:
            self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        q = self._query
        key = self._columns[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (q.sort_column.key, q.is_descending) == (key, descending):
            return
        self._query = TableQuery(self.kind, key, descending, q.text, q.country)
        if self.loaded:
            self.refresh()

    def on_store_changed(self, change: Change) -> None:
        if self.loaded and touches(change, self.kind):
            self.refresh()

    # --- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the table again (after a change, a new sort or a new filter)."""
        self.loaded = True
        q = self._query
        total = tables.count_rows(self.store, TableQuery(self.kind))
        if total <= SYNC_LIMIT or self.runner is None:
            self._reset(tables.count_rows(self.store, q) if q.filtered else total,
                        tables.sorted_ids(self.store, q))
        elif tables.can_window(q):
            self._reset(total, None)
            self._start_reading_ids(q)
        else:
            self._start_reading_ids(q)

    def _start_reading_ids(self, q: TableQuery) -> None:
        self._set_loading(True)
        self.runner.start(_read_ids, q, channel=self._channel,
                          on_done=self._ids_read, on_error=self._ids_failed)

    def _ids_read(self, result) -> None:
        q, ids = result
        if q != self._query:
            return
        self._set_loading(False)
        if self._ids is None and len(ids) == self._count and self._count and tables.can_window(q):
            self._ids = ids  # same rows in the same order: pages are now read by id
            return
        self._reset(len(ids), ids)

    def _ids_failed(self, exc) -> None:
        from briefing.gui.errors import show_error

        self._set_loading(False)
        show_error(None, exc, "The table could not be read")

    def _set_loading(self, value: bool) -> None:
        if value != self._loading:
            self._loading = value
            self.loading_changed.emit(value)

    def _reset(self, count: int, ids: array | None) -> None:
        self.beginResetModel()
        self._count, self._ids = count, ids
        self._pages.clear()
        self.endResetModel()
        self.count_changed.emit(count)

    def _page(self, number: int) -> list[TableRow | None]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        start = number * PAGE_SIZE
        if self._ids is not None:
            ids = self._ids[start:start + PAGE_SIZE]
            found = {r.id: r for r in tables.rows_for_ids(self.store, self.kind, ids)}
            page = [found.get(i) for i in ids]
        else:
            page = list(tables.window_rows(self.store, self._query, start, PAGE_SIZE))
        self._pages[number] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def row_at(self, row: int) -> TableRow | None:
        if not 0 <= row < self._count:
            return None
        page = self._page(row // PAGE_SIZE)
        i = row % PAGE_SIZE
        return page[i] if i < len(page) else None

    def id_at(self, row: int) -> int | None:
        if self._ids is not None and 0 <= row < len(self._ids):
            return self._ids[row]
        found = self.row_at(row)
        return found.id if found else None

    def row_of(self, record_id: int) -> int | None:
        """The row showing this record, if known without reading the whole table."""
        if self._ids is not None:
            try:
                return self._ids.index(record_id)
            except ValueError:
                return None
        for number, page in self._pages.items():
            for i, r in enumerate(page):
                if r is not None and r.id == record_id:
                    return number * PAGE_SIZE + i
        return None

    # --- QAbstractTableModel ---------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].title
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"Sort by {self._columns[section].title.lower()}"
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        # called for every role of every visible cell: the common roles come first
        if role == _DISPLAY or role == _TOOLTIP:
            if not index.isValid():
                return None
            row = self.row_at(index.row())
            if row is None or index.column() >= len(row.cells):
                return None
            text = row.cells[index.column()]
            if role == _TOOLTIP:
                return text if len(text) > 40 else None
            return text
        if role == ID_ROLE:
            return self.id_at(index.row()) if index.isValid() else None
        if role == KIND_ROLE:
            return self.kind.value
        if role == _ALIGN and index.isValid() and self._columns[index.column()].fmt == "number":
            return _RIGHT
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
