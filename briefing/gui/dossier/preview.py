"""The dossier preview pane: the open briefing's PDF, as it would be exported,
re-rendered after every edit.

    preview = DossierPreview(store, parent)
    preview.set_briefing(3)          # None clears it
    preview.schedule()               # "something changed": render again soon

Rendering runs in a worker (:mod:`.rendering`: one ReportLab layout at a time in the
process), debounced: edits reset a short timer, and a render still running when a
newer one starts is cancelled.  Edits made anywhere (this window, another window,
the command line) arrive through the composer, which reloads the briefing when it
changes (its tree's reset calls :meth:`schedule`); a hidden pane renders only when it
is shown, and only if the briefing's signature moved.  The page being read is kept
across re-renders.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from briefing.gui.dossier.rendering import Rendered, render_briefing
from briefing.gui.errors import plain_message
from briefing.gui.workers import Runner
from briefing.services import composer

CHANNEL = "dossier-preview"


class DossierPreview(QWidget):
    rendered = Signal(object)  # Rendered, once it is on screen
    failed = Signal(str)
    export_requested = Signal()  # the pane's "Export PDF…" button

    DEBOUNCE_MS = 500

    def __init__(self, store, parent: QWidget | None = None, *, runner: Runner | None = None):
        super().__init__(parent)
        self.setObjectName("dossierPreview")
        self.store = store
        self.runner = runner or Runner(store, self)
        self.briefing_id: int | None = None
        self.last: Rendered | None = None
        self._shown_signature: str | None = None  # of the briefing now on screen/rendering
        self._buffer: QBuffer | None = None
        self._keep_page = 0

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("dossierPdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(8)
        self.status = QLabel("No briefing open", objectName="muted")
        self.page_size = QComboBox(objectName="previewPageSize")
        self.page_size.addItem("A4", "A4")
        self.page_size.addItem("US Letter", "Letter")
        self.page_size.currentIndexChanged.connect(lambda _i: self.schedule(now=True))
        export = QToolButton(objectName="previewExport")
        export.setText("Export PDF…")
        export.setToolTip("Export this dossier as a PDF file (Ctrl+E)")
        export.clicked.connect(self.export_requested)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.page_size)
        bar.addWidget(export)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)

        self._debounce = QTimer(self, singleShot=True, interval=self.DEBOUNCE_MS)
        self._debounce.timeout.connect(self._render)
        self.document.statusChanged.connect(self._document_status)

    # --- what to show ---------------------------------------------------------------------
    def set_briefing(self, briefing_id: int | None) -> None:
        briefing_id = int(briefing_id) if briefing_id else None
        if briefing_id == self.briefing_id:
            return
        self.briefing_id = briefing_id
        self._shown_signature = None
        self._keep_page = 0
        self.runner.cancel(CHANNEL)
        self._debounce.stop()
        if briefing_id is None:
            self.document.close()
            self.last = None
            self.status.setText("No briefing open")
            return
        self.status.setText("Preparing the preview…")
        self.schedule(now=True)

    def schedule(self, now: bool = False) -> None:
        """Render again after the debounce delay (at once with ``now``), if visible."""
        if self.briefing_id is None or not self.isVisible():
            self._shown_signature = None  # render when shown
            return
        self._debounce.start(0 if now else self.DEBOUNCE_MS)

    def check_changed(self) -> None:
        """Has the briefing changed since the preview was rendered?  (When shown.)"""
        if self.briefing_id is None:
            return
        sig = composer.signature(self.store, self.briefing_id)
        if sig is None:
            self.set_briefing(None)
        elif sig != self._shown_signature:
            self._debounce.start(self.DEBOUNCE_MS)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        if self.briefing_id is not None:
            self.check_changed()

    # --- rendering ----------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.runner.busy(CHANNEL)

    def _render(self) -> None:
        if self.briefing_id is None:
            return
        self._shown_signature = composer.signature(self.store, self.briefing_id)
        self.status.setText("Rendering…")
        self.runner.start(render_briefing, self.briefing_id, self.page_size.currentData(),
                          channel=CHANNEL, on_done=self._show, on_error=self._failed)

    def _show(self, result: Rendered) -> None:
        if result.briefing_id != self.briefing_id:
            return
        self._keep_page = self.view.pageNavigator().currentPage() if self.last else 0
        buffer = QBuffer(self)
        buffer.setData(QByteArray(result.data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        old, self._buffer = self._buffer, buffer
        self.document.load(buffer)
        if old is not None:
            old.close()
            old.deleteLater()
        self.last = result
        pages = f"{result.pages} page{'s' if result.pages != 1 else ''}"
        self.status.setText(f"{pages} · {self.page_size.currentText()} · as it will print")
        self.rendered.emit(result)

    def _document_status(self, status) -> None:
        if status == QPdfDocument.Status.Ready and self._keep_page:
            page = min(self._keep_page, max(self.document.pageCount() - 1, 0))
            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())

    def _failed(self, exc: BaseException) -> None:
        text = plain_message(exc)
        self.status.setText(f"The preview could not be made: {text}")
        self.failed.emit(text)

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt name
        nav = self.view.pageNavigator()
        if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) and self.document.pageCount():
            step = 1 if event.key() == Qt.Key.Key_PageDown else -1
            page = max(0, min(nav.currentPage() + step, self.document.pageCount() - 1))
            nav.jump(page, QPointF(), nav.currentZoom())
            return
        super().keyPressEvent(event)
