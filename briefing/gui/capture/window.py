"""The capture review window: the article on one side, its candidates on the other.

    w = CaptureWindow(store, parent)
    w.capture_path("article.html")   # or w.capture_text(pasted), or paste/drop/open in it
    # … captured(session) when read; accepted(result) after each Accept

Reading and extracting run in a worker (long articles never freeze the app; the
worker has its own connection).  Then the review page: the article with every
candidate's sentence highlighted; the candidates grouped by kind with their state
(New / In store / Incomplete / Accepted / Rejected); the selected one's form and
evidence.  Clicking a candidate scrolls to and highlights its sentence; clicking a
sentence selects its candidate.  Accept (Ctrl+Return) stores the selected
candidates now, linked to the article as their source; Reject (Delete) sets them
aside; Accept All New (Ctrl+Shift+Return) stores every new one nobody rejected.
Duplicates of stored records are flagged and never added twice.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMainWindow, QProgressBar, QPushButton,
    QScrollArea, QSplitter, QStackedWidget, QTreeView, QVBoxLayout, QWidget,
)

from briefing.gui.capture.article_view import ArticleView
from briefing.gui.capture.candidate_model import OBJECT_ROLE, CandidateModel
from briefing.gui.capture.editor import CandidateEditor
from briefing.gui.capture.input_page import InputPage, article_paths
from briefing.gui.capture.session import ReviewSession
from briefing.gui.editing import messages
from briefing.gui.errors import plain_message
from briefing.gui.icons import app_icon
from briefing.gui.workers import Runner
from briefing.services.capture import Gazetteer, capture_file, capture_text
from briefing.services.capture.candidates import Candidate

log = logging.getLogger(__name__)
EDIT_DELAY_MS = 250  # review again this long after the last keystroke in the form


def capture_work(ctx, path: str | None, text: str, url: str):
    """In a worker: read and extract (names against the store).  The review is done
    on the window's own connection (a review keeps the store it was made with)."""
    gazetteer = Gazetteer.from_store(ctx.store)
    ctx.check()
    if path:
        return capture_file(path, gazetteer, url=url)
    return capture_text(text, gazetteer, url=url)


class CaptureWindow(QMainWindow):
    captured = Signal(object)  # the ReviewSession, once the article is read
    accepted = Signal(object)  # the AcceptResult after each Accept / Accept All
    failed = Signal(str)  # a plain message when the article cannot be read
    record_requested = Signal(str, int)  # kind, id: double-click on an accepted / stored one

    def __init__(self, store, parent: QWidget | None = None, runner: Runner | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle("Capture Article — Briefing")
        self.setWindowIcon(app_icon())
        self.setObjectName("captureWindow")
        self.store = store
        self.runner = runner or Runner(store, self)
        self.session: ReviewSession | None = None
        self.task = None
        self._rebuilding = False
        self.ask = messages.ask  # replaced in tests
        self.setAcceptDrops(True)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.input = InputPage()
        self.input.requested.connect(self._start)
        self.stack.addWidget(self.input)
        self.stack.addWidget(self._busy_page())
        self.stack.addWidget(self._review_page())
        self._edit_timer = QTimer(self, singleShot=True, interval=EDIT_DELAY_MS)
        self._edit_timer.timeout.connect(self._review_again)
        self.resize(1440, 900)

    # --- pages ----------------------------------------------------------------------------------
    def _busy_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.busy_label = QLabel("Reading the article…", alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.busy_label)
        bar = QProgressBar()
        bar.setRange(0, 0)
        bar.setMaximumWidth(360)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(bar)
        row.addStretch(1)
        layout.addLayout(row)
        cancel = QPushButton("Cancel")
        cancel.clicked.connect(self.cancel)
        row2 = QHBoxLayout()
        row2.addStretch(1)
        row2.addWidget(cancel)
        row2.addStretch(1)
        layout.addLayout(row2)
        layout.addStretch(1)
        return page

    def _review_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(10, 8, 10, 8)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        self.article_title = QLabel(objectName="pageTitle")
        self.article_title.setWordWrap(True)
        self.article_title.setTextFormat(Qt.TextFormat.PlainText)
        self.article_meta = QLabel(objectName="muted")
        self.article_meta.setTextFormat(Qt.TextFormat.PlainText)
        titles.addWidget(self.article_title)
        titles.addWidget(self.article_meta)
        head.addLayout(titles, 1)
        self.another = QPushButton("Capture Another…")
        self.another.clicked.connect(self.start_over)
        head.addWidget(self.another, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(head)

        self.article = ArticleView()
        self.article.candidate_clicked.connect(self.select)
        self.model = CandidateModel(self)
        self.tree = QTreeView(objectName="captureCandidates")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setAccessibleName("Candidates")
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.tree.doubleClicked.connect(self._show_record)
        self.editor = CandidateEditor()
        self.editor.changed.connect(lambda _s: self._edit_timer.start())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.tree)
        right.addWidget(scroll)
        right.setSizes([470, 330])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.article)
        self.splitter.addWidget(right)
        self.splitter.setSizes([640, 760])
        outer.addWidget(self.splitter, 1)

        bar = QHBoxLayout()
        self.summary = QLabel(objectName="captureSummary")
        bar.addWidget(self.summary, 1)
        self.reject_button = QPushButton("&Reject")
        self.reject_button.setToolTip("Set the selected candidates aside (Delete); again to bring them back")
        self.accept_button = QPushButton("&Accept")
        self.accept_button.setToolTip("Store the selected candidates now, linked to the article (Ctrl+Return)")
        self.accept_all_button = QPushButton("Accept All &New")
        self.accept_all_button.setToolTip("Store every new candidate you did not reject (Ctrl+Shift+Return)")
        self.close_button = QPushButton("Close")
        for b in (self.reject_button, self.accept_button, self.accept_all_button, self.close_button):
            bar.addWidget(b)
        outer.addLayout(bar)
        self.reject_button.clicked.connect(self.reject_selected)
        self.accept_button.clicked.connect(self.accept_selected)
        self.accept_all_button.clicked.connect(self.accept_all)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence("Ctrl+Return"), page, self.accept_selected)
        QShortcut(QKeySequence("Ctrl+Shift+Return"), page, self.accept_all)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.tree, self.reject_selected)
        return page

    # --- capturing ----------------------------------------------------------------------------------
    def capture_path(self, path: str, url: str = "") -> None:
        self._start(str(path), "", url)

    def capture_text(self, text: str, url: str = "") -> None:
        self.input.paste.setPlainText(text)
        self._start(None, text, url)

    def _start(self, path: str | None, text: str, url: str) -> None:
        self.stack.setCurrentIndex(1)
        self.busy_label.setText(f"Reading {path}…" if path else "Reading the pasted text…")
        self.task = self.runner.start(capture_work, path, text, url, channel="capture",
                                      on_done=self._captured, on_error=self._failed)

    def cancel(self) -> None:
        self.runner.cancel("capture")
        self.task = None
        self.stack.setCurrentIndex(0)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        message = plain_message(exc)
        self.stack.setCurrentIndex(0)
        self.input.show_error(message)
        self.failed.emit(message)

    def _captured(self, capture) -> None:
        self.task = None
        self.session = ReviewSession(self.store, capture)
        self.editor.session = self.session
        a = capture.article
        self.article_title.setText(a.title or "(untitled article)")
        where = ("already in the store as source #%d (%s)" % (self.session.review.source_id,
                                                                self.session.review.source_reason)
                 if self.session.review.source_id is not None else "new source")
        meta = [a.outlet, a.author, a.date.display() if a.date else "no date",
                f"{len(a.text):,} characters", where]
        self.article_meta.setText(" · ".join(x for x in meta if x))
        self.article.set_article(a.text, self.session.candidates)
        self.stack.setCurrentIndex(2)
        self._rebuild()
        self.tree.expandAll()
        first = next(iter(self.session.candidates), None)
        self.select(first)
        self.tree.setFocus()
        self.captured.emit(self.session)

    def start_over(self) -> None:
        self.session = None
        self.editor.session = None
        self.editor.show_subject(None)
        self.input.paste.clear()
        self.input.show_error("")
        self.stack.setCurrentIndex(0)

    # --- review -------------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        current = self.editor.subject
        self._rebuilding = True
        try:
            self.model.rebuild(self.session)
            self.tree.expandAll()
            self.tree.resizeColumnToContents(1)
            if current is not None and (index := self.model.index_of(current)) is not None:
                self.tree.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._rebuilding = False
        self.article.set_states({id(c): self.session.state(c) for c in self.session.candidates})
        self._update_buttons()

    def select(self, obj) -> None:
        """Select a candidate (or a name key) in the list, show its form and sentence."""
        if obj is None or self.session is None:
            self.editor.show_subject(None)
            return
        index = self.model.index_of(obj)
        if index is not None:
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.tree.scrollTo(index)

    def _current_changed(self, current, _previous) -> None:
        if getattr(self, "_rebuilding", False) or self.session is None:
            return
        obj = current.data(OBJECT_ROLE) if current.isValid() else None
        if obj is None:
            return
        if obj is not self.editor.subject:
            if self._edit_timer.isActive():  # an edit of the previous one is pending
                self._edit_timer.stop()
                self.session.refresh()
                QTimer.singleShot(0, self._rebuild)
            self.editor.show_subject(obj)
        self.article.show_candidate(obj if isinstance(obj, Candidate) else None)
        self._update_buttons()

    def _show_record(self, index) -> None:
        """Double-click: the record an accepted (or already stored) candidate is."""
        c = index.data(OBJECT_ROLE)
        if self.session is None or not isinstance(c, Candidate):
            return
        if (rec := self.session.record_of(c)) is not None:
            self.record_requested.emit(rec[0].value, rec[1])
        elif (v := self.session.verdict(c)).duplicate:
            self.record_requested.emit(v.kind.value, v.existing_id)

    def selected_candidates(self) -> list[Candidate]:
        rows = self.tree.selectionModel().selectedRows(0)
        return [r.data(OBJECT_ROLE) for r in rows if isinstance(r.data(OBJECT_ROLE), Candidate)]

    def _review_again(self) -> None:
        if self.session is None:
            return
        self.session.refresh()
        self._rebuild()
        self.editor.refresh_evidence()

    def _update_buttons(self) -> None:
        s = self.session
        if s is None:
            return
        chosen = self.selected_candidates()
        writable = not self.store.readonly
        self.accept_button.setEnabled(writable and any(s.can_accept(c) for c in chosen))
        self.reject_button.setEnabled(any(s.state(c) != "accepted" for c in chosen))
        rejected = chosen and all(s.state(c) == "rejected" for c in chosen)
        self.reject_button.setText("Un&reject" if rejected else "&Reject")
        pending = len(s.pending())
        self.accept_all_button.setText(f"Accept All &New ({pending})")
        self.accept_all_button.setEnabled(writable and pending > 0)
        n = s.counts()
        parts = [f"{n[k]} {label}" for k, label in (("new", "new"), ("incomplete", "incomplete"),
                                                    ("duplicate", "already in the store"),
                                                    ("accepted", "accepted"), ("rejected", "rejected"))
                 if n[k]]
        text = " · ".join(parts) or "No quotes, statements, agreements, visits or figures found"
        if self.store.readonly:
            text += "  —  the store is read-only: nothing can be stored"
        self.summary.setText(text)

    # --- deciding -----------------------------------------------------------------------------------
    def accept_selected(self) -> None:
        self._accept(self.selected_candidates())

    def accept_all(self) -> None:
        if self.session is not None:
            self._accept(self.session.pending())

    def _accept(self, chosen: list[Candidate]) -> None:
        s = self.session
        if s is None or self.store.readonly:
            return
        if self._edit_timer.isActive():
            self._edit_timer.stop()
            self._review_again()
        chosen = [c for c in chosen if s.can_accept(c)]
        if not chosen:
            return
        try:
            result = s.accept(chosen)
        except Exception as exc:  # noqa: BLE001 - a store error becomes a message, never a crash
            log.exception("accepting captured candidates failed")
            messages.tell(self.ask, self, "Nothing was stored", plain_message(exc), kind="error")
            return
        self._rebuild()
        self.editor.refresh_evidence()
        if any(c is self.editor.subject for c in chosen):
            self.editor.form_host.setEnabled(False)  # stored: edit the record itself now
        summary = result.summary()
        self.statusBar().showMessage(summary[0].upper() + summary[1:], 8000)
        self._select_next(chosen[-1])
        self.accepted.emit(result)

    def reject_selected(self) -> None:
        s = self.session
        if s is None:
            return
        chosen = self.selected_candidates()
        if not chosen:
            return
        bring_back = all(s.state(c) == "rejected" for c in chosen)
        for c in chosen:
            (s.unreject if bring_back else s.reject)(c)
        self._rebuild()
        if not bring_back:
            self._select_next(chosen[-1])

    def _select_next(self, after: Candidate) -> None:
        order = [c for c in self.model.objects() if isinstance(c, Candidate)]
        if after not in order:
            return
        rest = order[order.index(after) + 1:] + order[:order.index(after)]
        nxt = next((c for c in rest if self.session.state(c) in ("new", "incomplete")), None)
        if nxt is not None:
            self.select(nxt)

    # --- drops and closing -------------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        mime = event.mimeData()
        if article_paths(mime) or (mime.hasText() and not mime.hasUrls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        mime = event.mimeData()
        paths = article_paths(mime)
        if paths:
            event.acceptProposedAction()
            self.capture_path(paths[0], self.input.url.text().strip())
        elif mime.hasText() and mime.text().strip():
            event.acceptProposedAction()
            self.capture_text(mime.text())

    def closeEvent(self, event) -> None:
        self._edit_timer.stop()
        self.runner.cancel("capture")
        super().closeEvent(event)
