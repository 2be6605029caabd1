"""The Search page: filters, a status line and the results, updated as you type.

The query text comes from the window's global search field (:meth:`set_text`).
Every edit restarts a short timer (``DEBOUNCE_MS``); when it fires the filters are
resolved and the search runs in a worker on the "search" channel, so a newer
keystroke cancels an older search and only the latest results are shown.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QLabel, QListView, QStackedWidget, QVBoxLayout, QWidget,
)

from briefing.domain import Change, Kind
from briefing.gui import search_source
from briefing.gui.models.record_table import ID_ROLE, KIND_ROLE
from briefing.gui.models.search_results import SearchResultsModel
from briefing.gui.search_source import FilterProblem, SearchOutcome, SearchRequest
from briefing.gui.views.result_delegate import ResultDelegate
from briefing.gui.views.search_filters import SearchFilters

DEBOUNCE_MS = 200
HINT = (
    "<h3>Search everything</h3>"
    "<p>Type a name, a phrase or a topic in the search field above (<b>Ctrl+K</b>).</p>"
    "<p>Any script and spelling works: <i>Vucic</i>, <i>Vučić</i> and <i>Вучић</i> are "
    "the same man.<br><i>\"exact phrase\"</i>, <i>-exclude</i>, <i>this OR that</i> and "
    "<i>prefix*</i> work too.</p>"
)


class SearchPanel(QWidget):
    record_selected = Signal(str, int)  # kind value, id: the current result changed
    record_activated = Signal(str, int)  # Enter or double click
    results_shown = Signal(object)  # SearchOutcome (after the list was updated)
    status = Signal(str)

    def __init__(self, store, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self._text = ""
        self._request: SearchRequest | None = None
        self._filters = None
        self.last_edit_at = 0.0

        self.filters = SearchFilters(store, self)
        self.summary = QLabel(objectName="muted")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.model = SearchResultsModel(self)
        self.results = QListView(objectName="searchResults")
        self.results.setModel(self.model)
        self.delegate = ResultDelegate(self.results)
        self.results.setItemDelegate(self.delegate)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setUniformItemSizes(True)
        self.model.modelAboutToBeReset.connect(self.delegate.clear_cache)
        self.results.setMouseTracking(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setAccessibleName("Search results")
        self.results.setWordWrap(True)
        self.results.setSpacing(0)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        # a mouse click makes a row current first and selects it after; the keyboard does
        # both at once: follow both signals, emit once per record
        self.results.selectionModel().currentChanged.connect(self._current_changed)
        self.results.selectionModel().selectionChanged.connect(
            lambda *_: self._current_changed(self.results.currentIndex(), None))
        self._emitted = None
        self.results.activated.connect(self._activated)
        self.model.more_requested.connect(self._fetch_more)

        self.hint = QLabel(HINT, objectName="searchHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.results)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 4)
        layout.setSpacing(6)
        layout.addWidget(self.filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)

        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_now)
        self.filters.changed.connect(self._edited)

    # --- input ------------------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._edited()

    def _edited(self) -> None:
        self.last_edit_at = time.perf_counter()
        self.timer.start()

    def run_now(self) -> None:
        """Search with the current text and filters (the debounce timer's target)."""
        self.timer.stop()
        request = self.filters.request(self._text)
        if not request.text.strip() and not request.has_filters:
            self.runner.cancel("search")
            self._request = None
            self.model.set_outcome(None)
            self.summary.clear()
            self.stack.setCurrentWidget(self.hint)
            return
        try:
            filters = search_source.resolve(self.store, request)
        except FilterProblem as exc:
            self.summary.setText(f'<span style="color:#c0392b">{exc}</span>')
            self.model.set_outcome(None)
            self.stack.setCurrentWidget(self.results)
            return
        self._request, self._filters = request, filters
        self.runner.start(search_source.run, request, filters, channel="search",
                          on_done=self._show, on_error=self._failed)

    def _show(self, outcome: SearchOutcome) -> None:
        if outcome.request != self._request:
            return
        self.model.set_outcome(outcome)
        self.stack.setCurrentWidget(self.results)
        n = len(outcome.rows)
        if outcome.problem:
            self.summary.setText("This search could not be run; try other words.")
        elif n == 0:
            self.summary.setText("Nothing found. Try fewer words, another spelling, or clear the filters.")
        else:
            more = "+" if outcome.has_more else ""
            self.summary.setText(f"{n}{more} result{'s' if n != 1 else ''}, best first")
        self.results_shown.emit(outcome)

    def _fetch_more(self, offset: int) -> None:
        if self._request is None:
            return
        self.runner.start(search_source.run, self._request, self._filters, offset,
                          channel="search-more", on_done=self._append, on_error=self._failed)

    def _append(self, outcome: SearchOutcome) -> None:
        if outcome.request == self._request:
            self.model.append(outcome)
            n = self.model.rowCount()
            self.summary.setText(f"{n}{'+' if outcome.has_more else ''} results, best first")

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(f'<span style="color:#c0392b">The search failed: {exc}</span>')

    # --- output ---------------------------------------------------------------------------------
    def _current_changed(self, current, _previous) -> None:
        if current.isValid() and self.results.selectionModel().isSelected(current):
            record = (current.data(KIND_ROLE), current.data(ID_ROLE))
            if record != self._emitted:
                self._emitted = record
                self.record_selected.emit(*record)
        else:
            self._emitted = None

    def _activated(self, index) -> None:
        if index.isValid():
            self.record_activated.emit(index.data(KIND_ROLE), index.data(ID_ROLE))

    def focus_results(self) -> None:
        self.results.setFocus()
        if self.model.rowCount() and not self.results.selectionModel().hasSelection():
            self.results.setCurrentIndex(self.model.index(0))

    def selected_records(self) -> tuple[Kind | None, list[int]]:
        idx = self.results.currentIndex()
        if not idx.isValid() or not self.results.selectionModel().isSelected(idx):
            return None, []
        return Kind(idx.data(KIND_ROLE)), [idx.data(ID_ROLE)]

    def marker(self):
        return search_source.marker(self._request) if self._request else None

    def on_theme_changed(self) -> None:
        self.filters.on_theme_changed()
        self.results.viewport().update()

    def on_store_changed(self, change: Change) -> None:
        if change.kind in ("setting", "briefing_item"):
            return  # not searched (the composer writes items as you type)
        if change.kind in ("*", "topic") or change.action in ("insert", "update", "import"):
            self.filters.reload_topics()  # a record added or edited may bring a topic
        if self._request is not None:
            self.timer.start()  # search again: records may have come or gone
