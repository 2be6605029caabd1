"""The Trash: deleted records (kind, title, when deleted), with Restore and Delete for
good.  Restores are undoable (one entry on the undo stack); deleting for good asks
first and cannot be undone.  The list follows the store's change notices.

    trash = TrashView(store, undo_stack=main_window.undo_stack, bridge=main_window.bridge)

Without a ``bridge`` (:class:`briefing.gui.store_bridge.StoreBridge`) it listens to the
store directly.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QDateTime, QEvent, QSortFilterProxyModel, Qt, QTimer, Signal,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from briefing.domain import Change, Kind
from briefing.gui.editing import messages
from briefing.gui.editing.controller import EditController
from briefing.gui.models.row_list import RowListModel
from briefing.store import StoreError, TrashEntry

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2


def local_time(stamp: str) -> str:
    """``2025-12-01T09:30:00Z`` → ``1 Dec 2025 10:30`` in the user's time zone."""
    when = QDateTime.fromString(stamp or "", Qt.DateFormat.ISODate)
    if not when.isValid():
        return stamp or ""
    return when.toLocalTime().toString("d MMM yyyy HH:mm")


class TrashModel(RowListModel):
    """The store's trash, most recently deleted first (a small in-memory list)."""

    HEADERS = ("Kind", "Title", "Deleted")

    def __init__(self, store, parent=None):
        super().__init__([], parent)
        self.store = store
        self.reload()

    @property
    def entries(self) -> list[TrashEntry]:
        return self.rows

    def reload(self) -> None:
        self.set_rows(self.store.trashed())

    def cell(self, e: TrashEntry, col: int, role):
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return e.kind.label
            if col == 1:
                return " ".join(e.title.split()) or f"{e.kind.value} #{e.id}"
            return local_time(e.deleted_at)
        if role == SORT_ROLE:
            return (e.kind.label, e.title.casefold(), e.deleted_at)[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 1:
            return e.title
        if role == ENTRY_ROLE:
            return (e.kind.value, e.id)
        return None


class TrashView(QWidget):
    """A page listing the trash with Restore and Delete for good."""

    #: a short message for the status bar
    status = Signal(str)

    def __init__(self, store, parent: QWidget | None = None, undo_stack: QUndoStack | None = None,
                 bridge=None):
        super().__init__(parent)
        self.store = store
        self.ask = messages.ask
        self.edits = EditController(store, self, undo_stack or QUndoStack(self))
        self.edits.ask = self._ask_via_self
        self.edits.status.connect(self.status)
        self.setObjectName("trash_view")

        self.model = TrashModel(store, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        title = QLabel("<b>Trash</b>", self)
        note = QLabel("Deleted records stay here until you delete them for good; "
                      "restore them to bring them back everywhere.", self)
        note.setWordWrap(True)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter the trash")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName("Deleted records")
        self.table.doubleClicked.connect(lambda _i: self.restore_selected())

        # shown over the empty list (the list keeps the focus, so Ctrl+Z still reaches
        # the window after the last record was restored)
        self.empty = QLabel("The trash is empty.", self.table.viewport())
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

        self.restore_button = QPushButton("&Restore", self)
        self.restore_button.setToolTip("Bring the selected records back (Enter)")
        self.purge_button = QPushButton("&Delete for good…", self)
        self.purge_button.setToolTip("Remove the selected records permanently (Shift+Delete)")
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        self.table.installEventFilter(self)  # Enter restores, Delete deletes for good
        self.table.viewport().installEventFilter(self)  # keeps the "empty" note centred

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.filter, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.purge_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.proxy.modelReset.connect(self._update_buttons)
        self.proxy.rowsInserted.connect(self._update_buttons)
        self.proxy.rowsRemoved.connect(self._update_buttons)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        if bridge is not None:  # the window's StoreBridge: also hears imports done in workers
            bridge.changed.connect(self._changed)
        else:
            subscribe(store, self._changed, self)
        self._update_buttons()

    # --- actions -------------------------------------------------------------------------
    def reload(self) -> None:
        self.model.reload()

    def selected(self) -> list[tuple[Kind, int]]:
        out = []
        for index in self.table.selectionModel().selectedRows(0):
            kind, rid = index.data(ENTRY_ROLE)
            out.append((Kind(kind), rid))
        return out

    def select(self, kind: Kind | str, record_id: int) -> bool:
        """Select one entry (for tests and "show in trash")."""
        for row in range(self.proxy.rowCount()):
            if tuple(self.proxy.index(row, 0).data(ENTRY_ROLE)) == (Kind(kind).value, record_id):
                self.table.selectRow(row)
                return True
        return False

    def restore_selected(self) -> int:
        """Restore the selection (one undo step per kind); how many were restored."""
        done = 0
        for kind, ids in _by_kind(self.selected()).items():
            done += len(self.edits.restore_records(kind, ids))
        self.reload()
        return done

    def purge_selected(self) -> int:
        """Delete the selection for good, after asking; how many were deleted."""
        chosen = self.selected()
        if not chosen:
            return 0
        n = len(chosen)
        what = f"“{self._title(*chosen[0])}”" if n == 1 else f"these {n} records"
        answer = self.ask(self, "Delete for good?",
                          f"Delete {what} for good? This cannot be undone.",
                          buttons=("Delete for good", "Cancel"), default="Cancel",
                          escape="Cancel", kind="warning")
        if answer != "Delete for good":
            return 0
        done = 0
        failed: list[str] = []
        for kind, ids in _by_kind(chosen).items():
            for rid in ids:
                try:
                    self.store.purge(kind, rid)
                    done += 1
                except StoreError as exc:
                    failed.append(str(exc))
        self.reload()
        if failed:
            messages.tell(self.ask, self, "Some records were kept", "\n".join(failed))
        if done:
            self.status.emit(f"Deleted {done} record{'s' if done > 1 else ''} for good")
        return done

    # --- internals ---------------------------------------------------------------------------
    _KEYS = {Qt.Key.Key_Return: "restore", Qt.Key.Key_Enter: "restore",
             Qt.Key.Key_Delete: "purge"}

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        """Keys on the list win over the window's own shortcuts (its Delete moves
        records to the trash; here Delete means "delete for good", after asking)."""
        if obj is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty.resize(event.size())
        if obj is self.table and event.type() in (QEvent.Type.ShortcutOverride,
                                                  QEvent.Type.KeyPress):
            action = self._KEYS.get(event.key())
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if action and mods in (Qt.KeyboardModifier.NoModifier,
                                   Qt.KeyboardModifier.ShiftModifier):
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.restore_selected() if action == "restore" else self.purge_selected()
                return True
        return super().eventFilter(obj, event)

    def _title(self, kind: Kind, rid: int) -> str:
        for e in self.model.entries:
            if e.kind == kind and e.id == rid:
                return " ".join(e.title.split()) or f"{kind.value} #{rid}"
        return f"{kind.value} #{rid}"

    def _changed(self, change: Change) -> None:
        if change.kind not in ("country", "setting", "briefing_item"):  # never in the trash
            self._reload_timer.start()

    def _update_buttons(self) -> None:
        empty = self.proxy.rowCount() == 0
        self.empty.setText("Nothing in the trash matches." if self.filter.text()
                           else "The trash is empty.")
        self.empty.setVisible(empty)
        self.empty.resize(self.table.viewport().size())
        chosen = bool(self.table.selectionModel().selectedRows())
        self.restore_button.setEnabled(chosen)
        self.purge_button.setEnabled(chosen)

    def _ask_via_self(self, *args, **kwargs) -> str:
        return self.ask(*args, **kwargs)


def _by_kind(entries: list[tuple[Kind, int]]) -> dict[Kind, list[int]]:
    out: dict[Kind, list[int]] = {}
    for kind, rid in entries:
        out.setdefault(kind, []).append(rid)
    return out


def subscribe(store, callback: Callable[[Change], None], owner: QWidget) -> Callable[[], None]:
    """Call ``callback`` on the store's change notices while ``owner`` lives."""
    unsubscribe = store.on_change(callback)
    owner.destroyed.connect(lambda *_: unsubscribe())
    return unsubscribe

